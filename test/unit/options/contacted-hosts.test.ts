import { describe, expect, it } from 'vitest';
import { contactedHosts, hostOfEndpoint } from '../../../src/options/contacted-hosts';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { readmeHostRows, rowHosts } from '../../harness/readme-hosts';

describe('hostOfEndpoint', () => {
  it('gives the host, keeping a placeholder in the host visible', () => {
    expect(hostOfEndpoint('https://status.{domain}/api/v2/status.json')).toBe('status.{domain}');
    expect(hostOfEndpoint('https://archive.org/wayback/available?url={url}')).toBe('archive.org');
    expect(hostOfEndpoint('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(hostOfEndpoint('nonsense')).toBeNull();
  });
});

describe('contactedHosts', () => {
  it('lists every host of the default settings once, with all its purposes', () => {
    const hosts = contactedHosts(DEFAULT_SETTINGS);
    expect(hosts.map((h) => h.host)).toEqual([
      null,
      'www.google.com',
      'cp.cloudflare.com',
      'detectportal.firefox.com',
      'cloudflare-dns.com',
      'status.{domain}',
      'www.cloudflarestatus.com',
      'www.akamaistatus.com',
      'www.vercel-status.com',
      'www.netlifystatus.com',
      'www.githubstatus.com',
      'archive.org',
      'api.globalping.io',
    ]);
    expect(hosts.find((h) => h.host === 'detectportal.firefox.com')?.purposes).toEqual(['connectivity', 'captive']);
  });
  it('leaves out provider pages that are only offered as links, never fetched', () => {
    const hosts = contactedHosts(DEFAULT_SETTINGS).map((h) => h.host);
    expect(hosts).not.toContain('www.fastlystatus.com');
    expect(hosts).not.toContain('health.aws.amazon.com');
  });
  it('says third-party hosts are never contacted while look-ups are off', () => {
    const off = contactedHosts({ ...DEFAULT_SETTINGS, thirdPartyLookups: false });
    expect(off.find((h) => h.host === 'archive.org')?.when).toBe('thirdPartyOff');
    expect(off.find((h) => h.host === 'cloudflare-dns.com')?.when).toBe('step');
    const on = contactedHosts({ ...DEFAULT_SETTINGS, thirdPartyLookups: true });
    expect(on.find((h) => h.host === 'archive.org')?.when).toBe('thirdPartyOn');
  });
  it('follows edited endpoints', () => {
    const endpoints = {
      ...DEFAULT_SETTINGS.endpoints,
      connectivity: ['http://127.0.0.1:9/a'],
      dohResolver: 'http://127.0.0.1:9/dns',
    };
    const hosts = contactedHosts({ thirdPartyLookups: false, endpoints });
    expect(hosts.find((h) => h.host === '127.0.0.1:9')?.purposes).toEqual(['connectivity', 'doh']);
    expect(hosts.some((h) => h.host === 'www.google.com')).toBe(false);
  });
});

describe('the options page\'s list is the README\'s "hosts contacted" table', () => {
  const rows = readmeHostRows();
  const site = { host: '(site)', domain: '{domain}' };
  it('the same hosts, each under the third-party switch exactly when the README says so', () => {
    const page = contactedHosts({ ...DEFAULT_SETTINGS, thirdPartyLookups: true }).map(
      (h) => `${h.host ?? site.host} ${h.when === 'step' ? 'always' : 'switch'}`,
    );
    const readme = rows.flatMap((r) => rowHosts(r, site).map((h) => `${h} ${r.thirdParty ? 'switch' : 'always'}`));
    expect([...new Set(page)].sort()).toEqual([...new Set(readme)].sort());
  });
});
