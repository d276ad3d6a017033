import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { hostKind } from '../../../src/knowledge/host-kind';
import { normalizeIp, parseDohJson, type DohLookup } from '../../../src/checks/dns-answers';
import type { BrowserLookup } from '../../../src/platform/dns';
import type { Failure } from '../../../src/model/failure';
import { startServers, type LocalServers } from '../../harness/route-servers';
import { output, testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { dns, flushAdvice, interpretDns } = await import('../../../src/checks/dns');
type DnsAnswersInput = Parameters<typeof interpretDns>[0];

const A = (...addresses: string[]): DohLookup => ({ answered: true, rcode: 0, addresses });
const RCODE = (rcode: number): DohLookup => ({ answered: true, rcode, addresses: [] });
const SILENT: DohLookup = { answered: false, reason: 'TypeError' };
const CHROME: BrowserLookup = { supported: false };
const http502: Failure = { type: 'http', status: 502, statusLine: '' };
const refused: Failure = { type: 'network', kind: 'refused', error: 'net::ERR_CONNECTION_REFUSED' };
const dnsFail: Failure = { type: 'network', kind: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' };

describe('dns-answers', () => {
  it.each([
    ['127.0.0.1', 'ip'],
    ['[::1]', 'ip'],
    ['[2001:db8::1]', 'ip'],
    ['localhost', 'localhost'],
    ['app.localhost', 'localhost'],
    ['printer.local', 'local-name'],
    ['intranet', 'local-name'],
    ['router.home.arpa', 'local-name'],
    ['example.com', 'public'],
    ['www.example.co.uk.', 'public'],
  ] as const)('hostKind(%s) = %s', (host, kind) => expect(hostKind(host)).toBe(kind));

  it('parses DoH JSON: addresses of A/AAAA records only, CNAMEs skipped', () => {
    const json = {
      Status: 0,
      Answer: [
        { name: 'www.example.com', type: 5, data: 'example.com.' },
        { name: 'example.com', type: 1, data: '93.184.216.34' },
        { type: 28, data: '2606:2800:220:1::1' },
      ],
    };
    expect(parseDohJson(json)).toEqual({
      answered: true,
      rcode: 0,
      addresses: ['93.184.216.34', '2606:2800:0220:0001:0000:0000:0000:0001'],
    });
    expect(parseDohJson({ Status: 3 })).toEqual({ answered: true, rcode: 3, addresses: [] });
    expect(parseDohJson('<html>')).toMatchObject({ answered: false });
  });

  it('normalizes IPs so the same address compares equal', () => {
    expect(normalizeIp('[2606:4700::6810:85E5]')).toBe(normalizeIp('2606:4700:0:0:0:0:6810:85e5'));
    expect(normalizeIp('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(normalizeIp('fe80::1%eth0')).toBe('fe80:0000:0000:0000:0000:0000:0000:0001');
  });
});

describe('interpretDns', () => {
  const base = { host: 'shop.example.com', browser: CHROME, failure: http502, behindCdn: false };
  it.each([
    [
      'NXDOMAIN → fail',
      { ...base, doh: { a: RCODE(3), aaaa: RCODE(3) }, failure: dnsFail },
      'fail',
      'dnsNxdomain',
      'nxdomain',
    ],
    [
      'name exists without addresses → fail',
      { ...base, doh: { a: RCODE(0), aaaa: RCODE(0) } },
      'fail',
      'dnsNoAddress',
      'no-address',
    ],
    ['SERVFAIL → fail', { ...base, doh: { a: RCODE(2), aaaa: SILENT } }, 'fail', 'dnsServfail', 'servfail'],
    [
      'resolves, browser used a listed address → pass',
      { ...base, doh: { a: A('203.0.113.9'), aaaa: A() }, usedIp: '203.0.113.9' },
      'pass',
      'dnsConsistent',
      'ok',
    ],
    [
      'resolves, browser used another address → stale',
      { ...base, doh: { a: A('203.0.113.10'), aaaa: A() }, usedIp: '198.51.100.7', failure: refused },
      'fail',
      'dnsStale',
      'stale',
    ],
    [
      'another address behind a CDN is normal',
      { ...base, doh: { a: A('104.16.1.1'), aaaa: A() }, usedIp: '104.16.9.9', behindCdn: true },
      'pass',
      'dnsDiffersBehindCdn',
      'ok',
    ],
    [
      'no connected IP known → resolves',
      { ...base, doh: { a: A('203.0.113.9'), aaaa: SILENT } },
      'pass',
      'dnsResolves',
      'ok',
    ],
    [
      'Firefox resolver fails while public DNS resolves → your DNS',
      {
        ...base,
        browser: { supported: true, error: 'NS_ERROR_UNKNOWN_HOST' },
        doh: { a: A('203.0.113.9'), aaaa: A() },
        failure: dnsFail,
      },
      'fail',
      'dnsLocalFails',
      'local-fails',
    ],
    [
      'Chrome failed on the name but public DNS resolves now',
      { ...base, doh: { a: A('203.0.113.9'), aaaa: A() }, failure: dnsFail },
      'fail',
      'dnsFailedBeforeResolvesNow',
      'local-fails',
    ],
    [
      'Firefox resolver knows the used IP although DoH differs',
      {
        ...base,
        browser: { supported: true, addresses: ['10.0.0.5'] },
        doh: { a: A('203.0.113.9'), aaaa: A() },
        usedIp: '10.0.0.5',
      },
      'pass',
      'dnsConsistent',
      'ok',
    ],
    [
      'only the local resolver knows the name',
      { ...base, browser: { supported: true, addresses: ['10.0.0.5'] }, doh: { a: RCODE(3), aaaa: RCODE(3) } },
      'inconclusive',
      'dnsOnlyLocal',
      'local-only',
    ],
    [
      'resolver unreachable → inconclusive',
      { ...base, doh: { a: SILENT, aaaa: SILENT } },
      'inconclusive',
      'dnsResolverUnreachable',
      'unknown',
    ],
  ] as const)('%s', (_name, input, outcome, summary, state) => {
    expect(interpretDns(input as DnsAnswersInput)).toMatchObject({ outcome, summary, facts: { dns: state } });
  });

  it('says in evidence when the browser resolver cannot be asked (Chrome)', () => {
    const out = interpretDns({ ...base, doh: { a: A('203.0.113.9'), aaaa: A() } });
    expect(out.evidence.map((e) => e.label)).toContain('evidenceDnsBrowserResolverHidden');
  });

  it('flush advice per OS and browser', () => {
    expect(flushAdvice('win', 'chrome')).toEqual([
      { label: 'evidenceFlushBrowser_chrome', value: 'chrome://net-internals/#dns' },
      { label: 'evidenceFlushCommand_win', value: 'ipconfig /flushdns' },
    ]);
    expect(flushAdvice('android', 'firefox')).toEqual([
      { label: 'evidenceFlushBrowser_firefox', value: 'about:networking#dns' },
      { label: 'evidenceFlushDevice_android', value: '' },
    ]);
  });
});

describe('dns step against a loopback DoH resolver', () => {
  let s: LocalServers;
  beforeAll(async () => {
    s = await startServers({
      '/dns-query': (req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const name = url.searchParams.get('name');
        const type = url.searchParams.get('type');
        res.writeHead(200, { 'content-type': 'application/dns-json' });
        if (name === 'gone.example.com') return res.end(JSON.stringify({ Status: 3 }));
        res.end(JSON.stringify({ Status: 0, Answer: type === 'A' ? [{ type: 1, data: '127.0.0.1' }] : [] }));
      },
    });
  });
  afterAll(() => s.close());
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.getPlatformInfo = async () => ({ os: 'linux', arch: 'x86-64' }) as never;
  });

  it('skips IP literals and localhost without asking anyone', async () => {
    const out = output(await dns.run(testContext(testIncident('http://127.0.0.1:8080/', http502))));
    expect(out).toMatchObject({ outcome: 'skipped', summary: 'dnsSkippedIp', summaryArgs: ['127.0.0.1'] });
    expect(await dns.run(testContext(testIncident('http://localhost:3000/', http502)))).toMatchObject({
      outcome: 'skipped',
      summary: 'dnsSkippedLocalhost',
    });
    expect(s.requests).toHaveLength(0);
  });

  it('asks A and AAAA with accept: application/dns-json and compares with the used IP', async () => {
    const ctx = testContext(testIncident('https://site.example.com/', http502, { ip: '127.0.0.1' }), {
      dohResolver: `${s.base}/dns-query`,
    });
    expect(await dns.run(ctx)).toMatchObject({ outcome: 'pass', summary: 'dnsConsistent', facts: { dns: 'ok' } });
    const types = s.requests
      .filter((r) => r.path.includes('name=site.example.com'))
      .map((r) => new URL(r.path, 'http://x').searchParams.get('type'));
    expect(types.sort()).toEqual(['A', 'AAAA']);
    expect(s.requests.every((r) => r.headers.accept === 'application/dns-json')).toBe(true);
  });

  it('stale address: includes flush instructions for the OS and the browser', async () => {
    const ctx = testContext(testIncident('https://site.example.com/', refused, { ip: '203.0.114.44' }), {
      dohResolver: `${s.base}/dns-query`,
    });
    const out = output(await dns.run(ctx));
    expect(out).toMatchObject({ outcome: 'fail', summary: 'dnsStale', summaryArgs: ['203.0.114.44', '127.0.0.1'] });
    expect(out.evidence).toContainEqual({ label: 'evidenceFlushCommand_linux', value: 'resolvectl flush-caches' });
    expect(out.evidence).toContainEqual({ label: 'evidenceFlushBrowser_chrome', value: 'chrome://net-internals/#dns' });
  });

  it('NXDOMAIN from the resolver', async () => {
    const ctx = testContext(testIncident('https://gone.example.com/', dnsFail), { dohResolver: `${s.base}/dns-query` });
    expect(await dns.run(ctx)).toMatchObject({ outcome: 'fail', summary: 'dnsNxdomain', facts: { dns: 'nxdomain' } });
  });

  it('a black-holed resolver ends at the probe timeout (inconclusive), under the step cap', async () => {
    const ctx = testContext(
      testIncident('https://site.example.com/', http502),
      { dohResolver: `${s.blackHole}/dns-query` },
      { timeoutMs: 1500 },
    );
    const started = Date.now();
    expect(await dns.run(ctx)).toMatchObject({ outcome: 'inconclusive', facts: { dns: 'unknown' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
