// "Check everything" runs the automatic steps in parallel: on loopback they all answer within 5 s, and
// with endpoints that never answer each still ends under the 8 s step cap, with a result (no throw).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Failure } from '../../../src/model/failure';
import { installFakes } from '../support/fake-extension';
import { startServers, type LocalServers } from '../../harness/route-servers';
import { testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CHECKS } = await import('../../../src/checks');

const http502: Failure = { type: 'http', status: 502, statusLine: '' };

const MINE = ['reload', 'clean-request', 'network', 'dns'];

/** The page is on loopback, but DNS must be asked about a public-looking name: it gets its own URL. */
async function runAutomatic(ctx: ReturnType<typeof testContext>, dnsUrl: string) {
  return Promise.all(
    CHECKS.filter((c) => c.automatic && MINE.includes(c.id)).map(async (c) => {
      const started = Date.now();
      const out = await c.run(c.id === 'dns' ? { ...ctx, url: dnsUrl } : ctx);
      if ('ask' in out) throw new Error(`${c.id} is automatic and must not ask`);
      return { id: c.id, out, ms: Date.now() - started };
    }),
  );
}

describe('automatic steps together', () => {
  let s: LocalServers;
  let fakes: ReturnType<typeof installFakes>;
  beforeAll(async () => {
    s = await startServers({
      '/page': (_q, r) => r.writeHead(502, { 'content-type': 'text/html' }).end('bad gateway'),
      '/': (_q, r) => r.writeHead(502).end(),
      '/generate_204': (_q, r) => r.writeHead(204).end(),
      '/success.txt': (_q, r) => r.writeHead(200).end('success'),
      '/dns-query': (_q, r) =>
        r
          .writeHead(200, { 'content-type': 'application/dns-json' })
          .end(JSON.stringify({ Status: 0, Answer: [{ type: 1, data: '127.0.0.1' }] })),
    });
  });
  afterAll(() => s.close());
  beforeEach(() => {
    fakes = installFakes();
    fakeBrowser.runtime.getPlatformInfo = async () => ({ os: 'linux', arch: 'x86-64' }) as never;
  });

  it('reach their results within 5 s on loopback', async () => {
    const incident = testIncident(`${s.base}/page`, http502, { ip: '127.0.0.1' });
    fakes.tabsReload.mockImplementation(async () => {
      setTimeout(
        () =>
          void fakeBrowser.storage.session.set({
            'tab:7': { tabId: 7, incident: { ...incident, lastSeenAt: Date.now() } },
          }),
        30,
      );
    });
    const ctx = testContext(incident, {
      connectivity: [`${s.base}/generate_204`, `${s.base}/success.txt`],
      captivePortal: { url: `${s.base}/success.txt`, expectStatus: 200, expectBody: 'success' },
      dohResolver: `${s.base}/dns-query`,
    });
    const started = Date.now();
    const results = await runAutomatic(ctx, 'https://site.example.com/page');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(Object.fromEntries(results.map((r) => [r.id, r.out.outcome]))).toEqual({
      reload: 'still-failing',
      'clean-request': 'fail',
      network: 'pass',
      dns: 'pass',
    });
  });

  it('each ends under the 8 s step cap when nothing answers', async () => {
    const incident = testIncident(`${s.blackHole}/page`, http502, { ip: '203.0.114.1' });
    const ctx = testContext(incident, {
      connectivity: [`${s.blackHole}/a`, `${s.blackHole}/b`],
      captivePortal: { url: `${s.blackHole}/c`, expectStatus: 204 },
      dohResolver: `${s.blackHole}/dns-query`,
    });
    const results = await runAutomatic(ctx, 'https://blackholed.example.com/');
    for (const r of results) expect(r.ms, r.id).toBeLessThan(8000);
    expect(Object.fromEntries(results.map((r) => [r.id, r.out.outcome]))).toEqual({
      reload: 'inconclusive',
      'clean-request': 'fail',
      network: 'fail',
      dns: 'inconclusive',
    });
  }, 12_000);
});
