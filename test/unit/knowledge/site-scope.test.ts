// What "this site" is, by the Public Suffix List (private section included), and the status page it allows.
import { describe, expect, it } from 'vitest';
import { planStatusPages } from '../../../src/checks/status-page';
import { siteScopeOf } from '../../../src/knowledge/site-scope';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { scopeForUrl, statusDomainOf } from '../../../src/model/site-scope';

const endpoints = DEFAULT_SETTINGS.endpoints;
const siteStatusHosts = (url: string) =>
  planStatusPages(url, null, endpoints, siteScopeOf(new URL(url).hostname))
    .lookups.filter((t) => t.kind === 'site')
    .map((t) => new URL(t.url).host);

describe('status.<domain> is asked only for a domain someone registered for themselves', () => {
  it.each([
    ['https://www.shop.example.co.uk/', 'status.example.co.uk'],
    ['https://example.com/a', 'status.example.com'],
    ['https://www.bbc.co.uk/', 'status.bbc.co.uk'],
    ['https://mairie.ville.gouv.fr/', 'status.ville.gouv.fr'],
    ['https://www.school.k12.ca.us/', 'status.school.k12.ca.us'],
  ])('%s → %s', (url, host) => expect(siteStatusHosts(url)).toEqual([host]));

  // Each of these once mapped to a name under a shared suffix that anyone could register.
  it.each([
    'https://someone.duckdns.org/',
    'https://abc123.ngrok-free.app/',
    'https://s3.amazonaws.com/my-bucket/file',
    'https://my-bucket.s3.amazonaws.com/',
    'https://gouv.fr/',
    'https://k12.ca.us/',
    'https://my-app.vercel.app/',
    'https://user.github.io/',
    'https://x.herokuapp.com/',
    'https://router.test/',
    'https://nas.internal/',
    'https://printer.local/',
    'https://foo.example/',
    'http://127.0.0.1:8080/',
    'http://[::1]/',
  ])('%s → no status page guessed', (url) => expect(siteStatusHosts(url)).toEqual([]));

  it('without a scope from the popup, no site status page at all (providers still)', () => {
    const plan = planStatusPages('https://example.com/', 'cloudflare', endpoints, null);
    expect(plan.lookups.map((t) => t.kind)).toEqual(['provider']);
  });
});

describe('siteScopeOf', () => {
  it('a public suffix itself (path-style S3) is flagged: its data belongs to every tenant', () => {
    expect(siteScopeOf('s3.amazonaws.com')).toMatchObject({ hostIsSuffix: true, domain: null });
    expect(siteScopeOf('co.uk')).toMatchObject({ hostIsSuffix: true });
    expect(siteScopeOf('bucket.s3.amazonaws.com')).toMatchObject({
      hostIsSuffix: false,
      sharedSuffix: true,
      domain: 'bucket.s3.amazonaws.com',
    });
    expect(siteScopeOf('WWW.Example.COM.')).toEqual({
      host: 'www.example.com',
      domain: 'example.com',
      sharedSuffix: false,
      hostIsSuffix: false,
    });
  });
});

describe('scopeForUrl: a scope from a message counts only for the failing host', () => {
  const scope = siteScopeOf('www.example.com');
  it('kept for its own host', () => expect(scopeForUrl(scope, 'https://www.example.com/x')).toEqual(scope));
  it.each([
    ['another host', { ...scope, host: 'evil.com' }],
    ['a domain that is not a parent of the host', { ...scope, domain: 'other.com' }],
    ['a bare label', { ...scope, domain: 'com' }],
    ['a missing flag', { host: 'www.example.com', domain: 'example.com' }],
    ['nothing', undefined],
  ])('refused: %s', (_, bad) => expect(scopeForUrl(bad, 'https://www.example.com/x')).toBeNull());
  it('statusDomainOf never answers for a shared suffix or a suffix itself', () => {
    expect(statusDomainOf(siteScopeOf('x.duckdns.org'))).toBeNull();
    expect(statusDomainOf(siteScopeOf('s3.amazonaws.com'))).toBeNull();
    expect(statusDomainOf(null)).toBeNull();
  });
});
