// Which addresses may be contacted, and that settings read for a step never carry any other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endpointProblem, templateProblem } from '../../../src/model/endpoint-policy';
import { mergeSettings } from '../../../src/model/merge-settings';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';

describe('endpointProblem', () => {
  it.each([
    'https://api.globalping.io/v1/measurements',
    'http://127.0.0.1:8123/x',
    'http://127.1.2.3/',
    'http://localhost:9/',
    'http://[::1]:80/',
  ])('accepts %s', (address) => expect(endpointProblem(address)).toBeNull());
  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['data:text/plain,ok', 'scheme'],
    ['chrome-extension://abcdefghijklmnop/popup.html', 'scheme'],
    ['moz-extension://0b6a1c52-4b8e-4c2b-9d4e-3f1a2b3c4d5e/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['blob:https://a.example/1', 'scheme'],
    ['ftp://a.example/', 'scheme'],
    ['http://api.globalping.io/v1/measurements', 'needs-https'],
    ['http://127.0.0.1.evil.example/', 'needs-https'],
    ['http://10.0.0.1/', 'needs-https'],
    ['https://user:secret@a.example/', 'invalid'],
    ['not a url', 'invalid'],
    ['', 'invalid'],
  ])('refuses %s (%s)', (address, problem) => expect(endpointProblem(address)).toBe(problem));

  it('lets only the captive-portal address be plain http', () => {
    expect(endpointProblem('http://detectportal.firefox.com/success.txt', 'captive-portal')).toBeNull();
    expect(endpointProblem('data:text/plain,success', 'captive-portal')).toBe('scheme');
  });

  it('checks templates with their placeholders filled in', () => {
    expect(templateProblem('https://status.{domain}/api/v2/status.json')).toBeNull();
    expect(templateProblem('javascript:{url}')).toBe('scheme');
    expect(templateProblem('http://archive.example/?url={url}')).toBe('needs-https');
  });
});

describe('settings as the steps read them', () => {
  it('a data: connectivity address never reaches the network step (it would always say "your connection works")', () => {
    expect(mergeSettings({ endpoints: { connectivity: ['data:text/plain,'] } }).endpoints.connectivity).toEqual(
      DEFAULT_SETTINGS.endpoints.connectivity,
    );
    expect(
      mergeSettings({ endpoints: { connectivity: ['data:text/plain,', 'http://127.0.0.1:9/ok'] } }).endpoints
        .connectivity,
    ).toEqual(['http://127.0.0.1:9/ok']);
  });

  it('unusable single addresses fall back to their defaults', () => {
    const e = mergeSettings({
      endpoints: {
        dohResolver: 'javascript:alert(1)',
        globalping: 'http://api.globalping.io/v1',
        statusPage: 'chrome-extension://x/{domain}',
        archive: 'data:,{url}',
        captivePortal: { url: 'file:///x', expectStatus: 99999 },
        providerStatusPages: { cloudflare: 'javascript:1', vercel: '' },
      },
    }).endpoints;
    const d = DEFAULT_SETTINGS.endpoints;
    expect([e.dohResolver, e.globalping, e.statusPage, e.archive]).toEqual([
      d.dohResolver,
      d.globalping,
      d.statusPage,
      d.archive,
    ]);
    expect(e.captivePortal).toEqual(d.captivePortal);
    expect(e.providerStatusPages?.cloudflare).toBe(d.providerStatusPages?.cloudflare);
    expect(e.providerStatusPages?.vercel).toBe('');
  });

  it.each([
    [-1, 1000],
    [0, 1000],
    [999, 1000],
    [1e12, 60_000],
    [3000, 3000],
    [2500.4, 2500],
  ])('a time limit of %s ms becomes %s ms', (stored, used) => {
    expect(mergeSettings({ checkTimeoutMs: stored }).checkTimeoutMs).toBe(used);
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('a time limit of %s keeps the default', (stored) => {
    expect(mergeSettings({ checkTimeoutMs: stored }).checkTimeoutMs).toBe(DEFAULT_SETTINGS.checkTimeoutMs);
  });

  it('whatever is stored, every address a step gets passes the rule', () => {
    // Not fc.webUrl: its first use builds fast-check's percent-encoding tables, 1.2–2.8 s on an idle machine
    // and past this test's time limit on a loaded one. The rule looks at scheme, userinfo and host.
    const url = fc
      .record({
        scheme: fc.constantFrom(
          'http',
          'https',
          'ftp',
          'javascript',
          'data',
          'chrome-extension',
          'moz-extension',
          'file',
        ),
        userinfo: fc.constantFrom('', 'user@', 'user:secret@'),
        host: fc.oneof(
          fc.domain(),
          fc.ipV4(),
          fc.ipV6().map((ip) => `[${ip}]`),
          fc.constantFrom('localhost', '127.0.0.1.evil.example'),
        ),
        port: fc.option(fc.integer({ min: 0, max: 65_535 }), { nil: undefined }),
        path: fc.string({ unit: fc.constantFrom(...'az09-._~%/?#{}'), maxLength: 20 }),
      })
      .map(
        ({ scheme, userinfo, host, port, path }) =>
          `${scheme}://${userinfo}${host}${port === undefined ? '' : `:${port}`}/${path}`,
      );
    const address = fc.oneof(url, fc.string());
    fc.assert(
      fc.property(
        fc.record({
          connectivity: fc.array(address),
          dohResolver: address,
          globalping: address,
          statusPage: address,
          archive: address,
        }),
        (endpoints) => {
          const e = mergeSettings({ endpoints }).endpoints;
          for (const a of [...e.connectivity, e.dohResolver, e.globalping]) expect(endpointProblem(a)).toBeNull();
          for (const t of [e.statusPage, e.archive]) expect(templateProblem(t)).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);
});
