// The one list of internal names and addresses, checked against ipaddr.js's ranges (a devDependency for
// this test only: the product keeps its own compact table, the background's start-up budget is tight).
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { isInternalAddress, isInternalHost, mayTellThirdParties } from '../../../src/knowledge/internal-host';

const ipaddrSaysInternal = (ip: string): boolean => ipaddr.parse(ip).range() !== 'unicast';

/** Every range ipaddr.js knows, as [first, last, just below, just above] addresses. */
function boundaries(): string[] {
  const out: string[] = [];
  for (const family of [ipaddr.IPv4, ipaddr.IPv6] as const) {
    const ranges = (family.prototype as unknown as { SpecialRanges: Record<string, unknown> }).SpecialRanges;
    for (const value of Object.values(ranges) as unknown[][]) {
      const list = (Array.isArray(value[0]) ? value : [value]) as [ipaddr.IPv4 | ipaddr.IPv6, number][];
      for (const [address, bits] of list) {
        const bytes = address.toByteArray();
        const first = [...bytes];
        const last = bytes.map((b, i) => (i * 8 >= bits ? 255 : i * 8 + 8 <= bits ? b : b | (0xff >> (bits - i * 8))));
        const step = (arr: number[], by: number) => {
          const r = [...arr];
          for (let i = r.length - 1; i >= 0; i--) {
            r[i]! += by;
            if (r[i]! >= 0 && r[i]! <= 255) break;
            r[i] = by > 0 ? 0 : 255;
          }
          return r;
        };
        for (const b of [first, last, step(first, -1), step(last, 1)]) out.push(ipaddr.fromByteArray(b).toString());
      }
    }
  }
  return out;
}

describe('isInternalAddress agrees with ipaddr.js (range() !== "unicast")', () => {
  it('at every edge of every range, IPv4 and IPv6', () => {
    const edges = boundaries();
    expect(edges.length).toBeGreaterThan(100);
    for (const ip of edges) expect([ip, isInternalAddress(ip)]).toEqual([ip, ipaddrSaysInternal(ip)]);
  });
  it('on random addresses', () => {
    // As a URL gives them (the browser's own form): ipaddr.js reads '::0.0.0.2' as IPv4-mapped, the URL parser as '[::2]'.
    const asUrlGives = (ip: string) =>
      new URL(`http://${ip.includes(':') ? `[${ip}]` : ip}/`).hostname.replace(/^\[|\]$/g, '');
    fc.assert(
      fc.property(
        fc.oneof(fc.ipV4(), fc.ipV6()).map(asUrlGives),
        (ip) => isInternalAddress(ip) === ipaddrSaysInternal(ip),
      ),
      { numRuns: 20_000 },
    );
  });
  it('the forms a URL or a browser gives: brackets, an embedded IPv4, a zone', () => {
    for (const ip of [
      '[::ffff:7f00:1]',
      '::ffff:127.0.0.1',
      '[::]',
      '[::1]',
      'fe80::1%eth0',
      '100.64.0.1',
      '198.18.0.1',
      '198.19.255.255',
    ])
      expect(isInternalAddress(ip)).toBe(true);
    for (const ip of ['8.8.8.8', '[2606:4700::1111]', '100.128.0.1', '198.20.0.1'])
      expect(isInternalAddress(ip)).toBe(false);
  });
});

describe('isInternalHost', () => {
  it.each([
    '[::ffff:7f00:1]',
    '[::]',
    '[::1]',
    '100.64.1.2',
    '198.18.0.1',
    '127.0.0.1',
    '10.1.2.3',
    'localhost',
    'app.localhost',
    'router.test',
    'site.example',
    'x.invalid',
    'abc.onion',
    'printer.local',
    'api.internal',
    'nas.lan',
    'intranet',
    'host.home.arpa',
    '',
  ])('%s is internal', (host) => expect(isInternalHost(host)).toBe(true));
  it.each([
    'example.com',
    'www.bbc.co.uk',
    '8.8.8.8',
    '[2606:4700::1111]',
    'my-app.vercel.app',
    'testing.com',
    'local.com',
  ])('%s is not', (host) => expect(isInternalHost(host)).toBe(false));
});

describe('mayTellThirdParties', () => {
  it('never for an internal host, nor for a public-looking name whose connected address is internal', () => {
    expect(mayTellThirdParties('https://shop.example.com/')).toBe(true);
    expect(mayTellThirdParties('https://shop.example.com/', '203.0.114.9')).toBe(true);
    expect(mayTellThirdParties('https://wiki.corp-name.com/', '10.0.0.7')).toBe(false);
    expect(mayTellThirdParties('https://wiki.corp-name.com/', '::ffff:192.168.1.2')).toBe(false);
    expect(mayTellThirdParties('http://[::ffff:7f00:1]/')).toBe(false);
    expect(mayTellThirdParties('not a url')).toBe(false);
    // A public name the hosts file points at this machine (the e2e stand-ins): the person's own choice.
    expect(mayTellThirdParties('https://shop.example.com/', '127.0.0.1')).toBe(true);
  });
});
