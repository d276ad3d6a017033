import { describe, expect, it } from 'vitest';
import {
  buildMeasurement,
  describeRow,
  isReachableFromElsewhere,
  parseApiError,
  parseCreated,
  parseMeasurement,
  summarizeElsewhere,
} from '../../../src/knowledge/globalping';
import {
  ASHBURN,
  FAILED_RESULT,
  FRANKFURT,
  httpResult,
  IN_PROGRESS_RESULT,
  measurement,
  SINGAPORE,
} from '../support/third-party-answers';

describe('buildMeasurement', () => {
  it("by default a HEAD to the site's root: the page's path is the person's choice", () => {
    expect(
      buildMeasurement('https://shop.example.com/reset-password/tok/confirm?x=1')?.measurementOptions.request.path,
    ).toBe('/');
  });
  it('with the path allowed: a HEAD to the same path from three probes anywhere, never the query', () => {
    expect(buildMeasurement('https://shop.example.com/cart?token=secret#x', true)).toEqual({
      type: 'http',
      target: 'shop.example.com',
      locations: [{ magic: 'world' }],
      limit: 3,
      measurementOptions: { request: { path: '/cart', method: 'HEAD' }, protocol: 'HTTPS', port: 443 },
    });
  });
  it('plain http and an explicit port', () => {
    expect(buildMeasurement('http://example.com:8080/')?.measurementOptions).toEqual({
      request: { path: '/', method: 'HEAD' },
      protocol: 'HTTP',
      port: 8080,
    });
  });
  it('a public IP is a valid target', () =>
    expect(buildMeasurement('https://93.184.216.34/')?.target).toBe('93.184.216.34'));
  it.each([
    'http://127.0.0.1:3000/',
    'http://localhost/',
    'http://192.168.1.1/',
    'http://10.0.0.2/',
    'http://172.20.0.1/',
    'http://[::1]/',
    'http://nas.local/',
    'http://intranet/',
    'file:///x',
    'nonsense',
  ])('nothing for %s', (url) => expect(buildMeasurement(url)).toBeNull());
  it('reachability', () => {
    expect(isReachableFromElsewhere('172.32.0.1')).toBe(true);
    expect(isReachableFromElsewhere('100.64.0.1')).toBe(false);
    expect(isReachableFromElsewhere('[2606:4700::1111]')).toBe(true);
    // Documentation addresses are nobody's (ipaddr.js: reserved).
    expect(isReachableFromElsewhere('[2001:db8::1]')).toBe(false);
    expect(isReachableFromElsewhere('[fd00::1]')).toBe(false);
  });
});

describe('API answers', () => {
  it('created: { id, probesCount }', () => {
    expect(parseCreated({ id: 'nzGzfAGL7sZfUs3c', probesCount: 3 })).toBe('nzGzfAGL7sZfUs3c');
    expect(parseCreated({ id: '../../etc' })).toBeNull();
    expect(parseCreated({ error: {} })).toBeNull();
    expect(parseCreated(null)).toBeNull();
  });
  it('refusals: { error: { type, message } }', () => {
    expect(
      parseApiError({ error: { type: 'no_probes_found', message: 'No suitable probes supporting IPv6 found.' } }),
    ).toBe('No suitable probes supporting IPv6 found.');
    expect(parseApiError({ error: { type: 'rate_limit_exceeded' } })).toBe('rate_limit_exceeded');
    expect(parseApiError('x')).toBeNull();
  });
});

describe('parseMeasurement and summarizeElsewhere', () => {
  it('502 everywhere → down', () => {
    const reading = parseMeasurement(
      measurement('finished', [
        { probe: FRANKFURT, result: httpResult(502) },
        { probe: ASHBURN, result: httpResult(502) },
        { probe: SINGAPORE, result: FAILED_RESULT },
      ]),
    );
    expect(reading?.finished).toBe(true);
    expect(reading?.rows).toEqual([
      { place: 'Frankfurt, DE', network: 'Hetzner Online GmbH', verdict: 'down', statusCode: 502 },
      { place: 'Ashburn, US', network: 'Amazon.com, Inc.', verdict: 'down', statusCode: 502 },
      {
        place: 'Singapore, SG',
        network: 'DigitalOcean, LLC',
        verdict: 'unreachable',
        error: 'connect ECONNREFUSED 93.184.216.34:443',
      },
    ]);
    expect(summarizeElsewhere(reading!.rows)).toEqual({ elsewhere: 'down', answered: 3, up: 0 });
  });
  it('200 everywhere → up; a 403/405 to HEAD is still an answer', () => {
    const reading = parseMeasurement(
      measurement('finished', [
        { probe: FRANKFURT, result: httpResult(200) },
        { probe: ASHBURN, result: httpResult(405) },
      ]),
    );
    expect(summarizeElsewhere(reading!.rows)).toEqual({ elsewhere: 'up', answered: 2, up: 2 });
  });
  it('some up, some down → mixed; pending probes count for nothing', () => {
    const reading = parseMeasurement(
      measurement('in-progress', [
        { probe: FRANKFURT, result: httpResult(200) },
        { probe: ASHBURN, result: httpResult(503) },
        { probe: SINGAPORE, result: IN_PROGRESS_RESULT },
      ]),
    );
    expect(reading?.finished).toBe(false);
    expect(summarizeElsewhere(reading!.rows)).toEqual({ elsewhere: 'mixed', answered: 2, up: 1 });
    expect(summarizeElsewhere([])).toEqual({ elsewhere: 'unknown', answered: 0, up: 0 });
  });
  it('malformed answers', () => {
    expect(parseMeasurement(null)).toBeNull();
    expect(parseMeasurement({ status: 'finished' })).toBeNull();
    expect(
      parseMeasurement({
        status: 'finished',
        results: [
          null,
          { probe: {} },
          { result: { status: 'offline' } },
          { result: { status: 'finished', statusCode: '200' } },
        ],
      })?.rows,
    ).toEqual([{ place: '?', verdict: 'unreachable' }]);
  });
  it('describes rows', () => {
    expect(describeRow({ place: 'Frankfurt, DE', network: 'Hetzner', verdict: 'down', statusCode: 502 })).toBe(
      'Frankfurt, DE (Hetzner) — 502',
    );
    expect(describeRow({ place: 'Singapore, SG', verdict: 'unreachable', error: 'timeout' })).toBe(
      'Singapore, SG — timeout',
    );
    expect(describeRow({ place: 'Tokyo, JP', verdict: 'pending' })).toBe('Tokyo, JP');
  });
});
