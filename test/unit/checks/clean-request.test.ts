import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BODY_LIMIT_BYTES,
  interpretCleanRequest,
  observeCleanRequest,
  type CleanRequestObservation,
} from '../../../src/checks/clean-request';
import type { Failure } from '../../../src/model/failure';
import { startServers, type LocalServers } from '../../harness/route-servers';

const http502: Failure = { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' };
const answered = (status: number, extra: Partial<CleanRequestObservation> = {}): CleanRequestObservation =>
  ({ answered: true, status, ms: 12, bodyBytes: 10, ...extra }) as CleanRequestObservation;

describe('interpretCleanRequest', () => {
  it.each([
    [
      '200 while the tab fails → pass, reachable',
      answered(200),
      'pass',
      'cleanRequestOk',
      { reachable: true, status: 200 },
    ],
    ['304/3xx counts as the site working', answered(302), 'pass', 'cleanRequestOk', { reachable: true }],
    ['the same 502 → fail, same failure', answered(502), 'fail', 'cleanRequestSameError', { sameFailure: true }],
    ['another 5xx → fail, not the same', answered(503), 'fail', 'cleanRequestServerError', { sameFailure: false }],
    ['a 403 says little', answered(403), 'inconclusive', 'cleanRequestOtherStatus', { status: 403 }],
    [
      'TypeError → unreachable',
      { answered: false, timedOut: false, error: 'TypeError: fetch failed', ms: 3 },
      'fail',
      'cleanRequestUnreachable',
      { reachable: false },
    ],
    [
      'probe timeout → unreachable (timed out)',
      { answered: false, timedOut: true, error: 'TimeoutError', ms: 4000 },
      'fail',
      'cleanRequestTimeout',
      { reachable: false, timedOut: true },
    ],
  ] as const)('%s', (_name, seen, outcome, summary, facts) => {
    const out = interpretCleanRequest(seen as CleanRequestObservation, http502, 'en');
    expect(out).toMatchObject({ outcome, summary, facts });
  });

  it('reports status, time, server and cf-ray as evidence, and the status as summary argument', () => {
    const out = interpretCleanRequest(
      answered(200, { server: 'cloudflare', cfRay: '8a1b2c3d4e5f-AMS' }),
      http502,
      'en',
    );
    expect(out.summaryArgs).toEqual(['200']);
    expect(out.evidence).toEqual([
      { label: 'evidenceStatus', value: '200' },
      { label: 'evidenceTime', value: '12 ms' },
      { label: 'evidenceServerHeader', value: 'cloudflare' },
      { label: 'evidenceCfRay', value: '8a1b2c3d4e5f-AMS' },
    ]);
  });

  it("writes the time in the person's language", () => {
    const time = (locale: string) =>
      interpretCleanRequest(answered(200, { ms: 2340 }), http502, locale).evidence.find(
        (e) => e.label === 'evidenceTime',
      )?.value;
    expect([time('en'), time('de'), time('es'), time('fr')]).toEqual(['2.3 sec', '2,3 Sek.', '2,3 s', '2,3\u202fs']);
  });
});

describe('observeCleanRequest against a loopback server', () => {
  let servers: LocalServers;
  beforeAll(async () => {
    servers = await startServers({
      '/ok': (_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html', server: 'nginx', 'cf-ray': 'abc-AMS' }).end('<p>fine</p>'),
      '/bad': (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('bad gateway'),
      '/moved': (_req, res) => res.writeHead(302, { location: '/ok?token=secret' }).end(),
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        // Endless body: the step must read a bounded amount and stop.
        const chunk = 'x'.repeat(16 * 1024);
        const pump = () => {
          while (res.write(chunk));
        };
        res.on('drain', pump);
        pump();
      },
    });
  });
  afterAll(() => servers.close());

  it('sends no cookies and asks past the cache; reports headers', async () => {
    const seen = await observeCleanRequest(`${servers.base}/ok`, new AbortController().signal, 2000);
    expect(seen).toMatchObject({ answered: true, status: 200, server: 'nginx', cfRay: 'abc-AMS', bodyBytes: 11 });
    const sent = servers.requests.find((r) => r.path === '/ok');
    expect(sent?.headers.cookie).toBeUndefined();
    expect(sent?.headers['cache-control'] ?? sent?.headers.pragma).toBeDefined();
  });

  it('follows redirects and keeps only origin + path of the final URL', async () => {
    const seen = await observeCleanRequest(`${servers.base}/moved`, new AbortController().signal, 2000);
    expect(seen).toMatchObject({ answered: true, status: 200, redirectedTo: `${servers.base}/ok` });
  });

  it('reads at most 64 KB of an endless body', async () => {
    const started = Date.now();
    const seen = await observeCleanRequest(`${servers.base}/huge`, new AbortController().signal, 3000);
    expect(seen).toMatchObject({ answered: true, status: 200, bodyBytes: BODY_LIMIT_BYTES });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a 502 is an answer', async () => {
    expect(await observeCleanRequest(`${servers.base}/bad`, new AbortController().signal, 2000)).toMatchObject({
      answered: true,
      status: 502,
    });
  });

  it('a refused port is unreachable, at once', async () => {
    const seen = await observeCleanRequest(`${servers.refused}/`, new AbortController().signal, 2000);
    expect(seen).toMatchObject({ answered: false, timedOut: false });
    expect(seen.ms).toBeLessThan(1000);
  });

  it('a black-holed endpoint ends at the probe timeout, not later', async () => {
    const seen = await observeCleanRequest(`${servers.blackHole}/`, new AbortController().signal, 600);
    expect(seen).toMatchObject({ answered: false, timedOut: true });
    expect(seen.ms).toBeGreaterThanOrEqual(550);
    expect(seen.ms).toBeLessThan(1500);
  });

  it('cancelling the step ends the probe at once', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const seen = await observeCleanRequest(`${servers.blackHole}/`, controller.signal, 5000);
    expect(seen).toMatchObject({ answered: false, timedOut: false });
    expect(seen.ms).toBeLessThan(1000);
  });
});

describe('observeCleanRequest sends no cookies and keeps nothing (README: Privacy)', () => {
  it('asks without credentials and past the HTTP cache', async () => {
    const fetch = vi.fn(async () => new Response('', { status: 502 }));
    vi.stubGlobal('fetch', fetch);
    try {
      await observeCleanRequest('https://shop.example.com/cart', new AbortController().signal, 1000);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetch).toHaveBeenCalledWith(
      'https://shop.example.com/cart',
      expect.objectContaining({ credentials: 'omit', cache: 'no-store' }),
    );
  });
});
