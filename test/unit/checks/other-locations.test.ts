import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { interpretMeasurement, otherLocations } from '../../../src/checks/other-locations';
import type { CheckOutput } from '../../../src/checks/check';
import { parseMeasurement } from '../../../src/knowledge/globalping';
import { startServers, type LocalServers } from '../../harness/route-servers';
import { testContext, testIncident } from '../support/check-context';
import {
  ASHBURN,
  FAILED_RESULT,
  FRANKFURT,
  httpResult,
  IN_PROGRESS_RESULT,
  measurement,
  SINGAPORE,
} from '../support/third-party-answers';

const json = (r: ServerResponse, status: number, body: unknown) =>
  r.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
  });

describe('interpretMeasurement', () => {
  const reading = (status: 'finished' | 'in-progress', results: Parameters<typeof measurement>[1]) =>
    parseMeasurement(measurement(status, results))!;
  it('down everywhere → fail: the site itself', () => {
    const out = interpretMeasurement(
      reading('finished', [
        { probe: FRANKFURT, result: httpResult(502) },
        { probe: ASHBURN, result: FAILED_RESULT },
      ]),
      'm1',
    );
    expect(out).toMatchObject({
      outcome: 'fail',
      summary: 'otherLocationsDown',
      summaryArgs: ['0', '2'],
      facts: { elsewhere: 'down', probesAnswered: 2, probesUp: 0 },
    });
    expect(out.evidence).toEqual([
      { label: 'evidenceProbeDown', value: 'Frankfurt, DE (Hetzner Online GmbH) — 502' },
      {
        label: 'evidenceProbeUnreachable',
        value: 'Ashburn, US (Amazon.com, Inc.) — connect ECONNREFUSED 93.184.216.34:443',
      },
      { label: 'evidenceGlobalpingMeasurement', value: 'm1' },
    ]);
  });
  it('up everywhere → pass: only from here', () => {
    expect(
      interpretMeasurement(reading('finished', [{ probe: FRANKFURT, result: httpResult(200) }]), 'm'),
    ).toMatchObject({ outcome: 'pass', summary: 'otherLocationsUp', facts: { elsewhere: 'up' } });
  });
  it('mixed, none finished, none at all', () => {
    expect(
      interpretMeasurement(
        reading('finished', [
          { probe: FRANKFURT, result: httpResult(200) },
          { probe: ASHBURN, result: httpResult(504) },
        ]),
        'm',
      ),
    ).toMatchObject({ outcome: 'inconclusive', summary: 'otherLocationsMixed', summaryArgs: ['1', '2'] });
    expect(
      interpretMeasurement(reading('in-progress', [{ probe: SINGAPORE, result: IN_PROGRESS_RESULT }]), 'm'),
    ).toMatchObject({ outcome: 'inconclusive', summary: 'otherLocationsTooSlow', facts: { elsewhere: 'unknown' } });
    expect(interpretMeasurement(reading('finished', []), 'm')).toMatchObject({ summary: 'otherLocationsNoProbes' });
  });
});

describe('other-locations step against a loopback Globalping', () => {
  let s: LocalServers;
  const posted: unknown[] = [];
  let polls = 0;
  beforeAll(async () => {
    s = await startServers({
      '/v1/measurements': (req, r) =>
        void readBody(req).then((text) => {
          posted.push(JSON.parse(text));
          json(r, 202, { id: 'nzGzfAGL7sZfUs3c', probesCount: 3 });
        }),
      '/v1/measurements/nzGzfAGL7sZfUs3c': (_q, r) => {
        polls += 1;
        json(
          r,
          200,
          polls < 2
            ? measurement('in-progress', [
                { probe: FRANKFURT, result: httpResult(502) },
                { probe: ASHBURN, result: IN_PROGRESS_RESULT },
              ])
            : measurement('finished', [
                { probe: FRANKFURT, result: httpResult(502) },
                { probe: ASHBURN, result: httpResult(502) },
                { probe: SINGAPORE, result: FAILED_RESULT },
              ]),
        );
      },
      '/limited/v1/measurements': (_q, r) =>
        json(r, 429, { error: { type: 'rate_limit_exceeded', message: 'API rate limit exceeded.' } }),
    });
  });
  afterAll(() => s.close());

  const run = async (url: string, globalping: string, thirdParty = true) => {
    const ctx = testContext(testIncident(url, { type: 'http', status: 502, statusLine: '' }), { globalping });
    ctx.settings.thirdPartyLookups = thirdParty;
    ctx.settings.sharePagePath = true;
    return { out: (await otherLocations.run(ctx)) as CheckOutput, ctx };
  };

  it('creates the measurement, polls until finished, and says "down everywhere"', async () => {
    const { out, ctx } = await run('https://shop.example.com/cart?token=secret', `${s.base}/v1/measurements/`);
    expect(posted[0]).toEqual({
      type: 'http',
      target: 'shop.example.com',
      locations: [{ magic: 'world' }],
      limit: 3,
      measurementOptions: { request: { path: '/cart', method: 'HEAD' }, protocol: 'HTTPS', port: 443 },
    });
    expect(polls).toBe(2);
    expect(out).toMatchObject({
      outcome: 'fail',
      summary: 'otherLocationsDown',
      facts: { elsewhere: 'down', probesAnswered: 3 },
    });
    expect(ctx.progressed).toEqual(['progressAskingProbes', 'progressWaitingForProbes']);
  });
  it("a refusal is reported in Globalping's words", async () => {
    const { out } = await run('https://example.com/', `${s.base}/limited/v1/measurements`);
    expect(out).toMatchObject({
      outcome: 'inconclusive',
      summary: 'otherLocationsRateLimited',
      summaryArgs: ['API rate limit exceeded.'],
    });
  });
  it('offline: inconclusive and quick', async () => {
    const started = Date.now();
    const { out } = await run('https://example.com/', `${s.refused}/v1/measurements`);
    expect(out).toMatchObject({ outcome: 'inconclusive', summary: 'otherLocationsServiceUnreachable' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('cancelling stops the polling at once', async () => {
    polls = -1000; // never finishes
    const controller = new AbortController();
    const ctx = testContext(
      testIncident('https://example.com/', { type: 'http', status: 502, statusLine: '' }),
      { globalping: `${s.base}/v1/measurements` },
      { signal: controller.signal },
    );
    ctx.settings.thirdPartyLookups = true;
    const started = Date.now();
    setTimeout(() => controller.abort(), 800);
    await otherLocations.run(ctx);
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('local addresses and third-party look-ups off contact nothing', async () => {
    const before = s.requests.length;
    expect((await run('http://127.0.0.1:8080/', `${s.base}/v1/measurements`)).out).toMatchObject({
      outcome: 'skipped',
      summary: 'otherLocationsLocalAddress',
    });
    expect((await run('https://example.com/', `${s.base}/v1/measurements`, false)).out).toMatchObject({
      outcome: 'skipped',
      summary: 'thirdPartyLookupsOff',
    });
    expect(s.requests.length).toBe(before);
  });
  it('has its own, longer time limit and is never automatic', () => {
    expect(otherLocations.timeLimitMs).toBe(20_000);
    expect(otherLocations.automatic).toBe(false);
  });
});
