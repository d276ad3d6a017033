import { describe, expect, it } from 'vitest';
import { pickDiagnosticHeaders } from '../../../src/knowledge/diagnostic-headers';
import { displayName, fingerprintResponse } from '../../../src/knowledge/fingerprint';
import { EDGE_IDS, SERVER_IDS, type EdgeId, type ServerId } from '../../../src/model/fingerprint';
import { HEADER_SETS, type HeaderSet } from '../support/header-sets';

/** As the detector sees them: lower-case names (duplicates joined). */
const lower = (set: HeaderSet): Record<string, string> =>
  Object.fromEntries(set.headers.map(({ name, value }) => [name.toLowerCase(), value]));

const EXPECTED: Record<keyof typeof HEADER_SETS, { edge: EdgeId | null; server: ServerId | null; traceIds: string[] }> = {
  cloudflare522: { edge: 'cloudflare', server: null, traceIds: ['cf-ray'] },
  nginx502: { edge: null, server: 'nginx', traceIds: [] },
  alb502: { edge: 'aws-elb', server: null, traceIds: [] },
  alb504: { edge: 'aws-elb', server: null, traceIds: [] },
  cloudfront504: { edge: 'cloudfront', server: null, traceIds: ['x-amz-cf-id'] },
  fastly503: { edge: 'fastly', server: 'varnish', traceIds: ['x-served-by'] },
  akamai503: { edge: 'akamai', server: null, traceIds: ['akamai-grn'] },
  vercel504: { edge: 'vercel', server: null, traceIds: ['x-vercel-id'] },
  netlify502: { edge: 'netlify', server: null, traceIds: ['x-nf-request-id'] },
  herokuH12: { edge: 'heroku', server: null, traceIds: [] },
  google502: { edge: 'google', server: null, traceIds: [] },
  googleFrontend503: { edge: 'google', server: null, traceIds: ['x-cloud-trace-context'] },
  azureFrontDoor503: { edge: 'azure-front-door', server: null, traceIds: ['x-azure-ref'] },
  varnishGuru503: { edge: 'varnish', server: 'varnish', traceIds: [] },
  envoy503: { edge: 'envoy', server: 'envoy', traceIds: [] },
  caddy502: { edge: null, server: 'caddy', traceIds: [] },
  litespeed503: { edge: null, server: 'litespeed', traceIds: [] },
  iis500: { edge: null, server: 'iis', traceIds: [] },
  tomcat500: { edge: null, server: null, traceIds: [] },
  unknown500: { edge: null, server: null, traceIds: ['x-request-id'] },
};

describe('fingerprintResponse on real header sets', () => {
  for (const [name, set] of Object.entries(HEADER_SETS)) {
    const expected = EXPECTED[name as keyof typeof HEADER_SETS];
    it(`${name} → edge ${expected.edge}, server ${expected.server}`, () => {
      const fp = fingerprintResponse(lower(set));
      expect(fp.edge).toBe(expected.edge);
      expect(fp.server).toBe(expected.server);
      expect(fp.traceIds.map((t) => t.header)).toEqual(expected.traceIds);
    });

    it(`${name}: the stored (picked) headers give the same fingerprint`, () => {
      expect(fingerprintResponse(pickDiagnosticHeaders(set.headers))).toEqual(fingerprintResponse(lower(set)));
    });
  }

  it('keeps trace id values', () => {
    const fp = fingerprintResponse(lower(HEADER_SETS.cloudflare522));
    expect(fp.traceIds).toEqual([{ header: 'cf-ray', value: '7e8a1b2c3d4e5f60-FRA' }]);
  });
});

describe('fingerprintResponse on layered and edge cases', () => {
  it('an outer CDN wins over what it passes on', () => {
    expect(fingerprintResponse({ server: 'cloudflare', 'cf-ray': 'x-AMS', 'x-vercel-id': 'fra1::abc' }).edge).toBe('cloudflare');
    expect(fingerprintResponse({ 'x-amz-cf-id': 'abc==', 'x-amzn-trace-id': 'Root=1-abc', server: 'nginx' }).edge).toBe('cloudfront');
    expect(fingerprintResponse({ 'x-served-by': 'cache-lhr7321-LHR', via: '1.1 vegur, 1.1 varnish' }).edge).toBe('fastly');
  });

  it('x-amzn-trace-id alone means an AWS load balancer; server behind it is kept', () => {
    const fp = fingerprintResponse({ 'x-amzn-trace-id': 'Root=1-64b6', server: 'gunicorn' });
    expect(fp).toMatchObject({ edge: 'aws-elb', server: 'gunicorn' });
  });

  it('recognises the new Heroku router, Istio, OpenResty and Apache', () => {
    expect(fingerprintResponse({ via: '2.0 heroku-router', server: 'Heroku' }).edge).toBe('heroku');
    expect(fingerprintResponse({ server: 'istio-envoy', 'x-envoy-upstream-service-time': '3' })).toMatchObject({ edge: 'envoy', server: 'envoy' });
    expect(fingerprintResponse({ server: 'openresty/1.21.4.1' }).server).toBe('openresty');
    expect(fingerprintResponse({ server: 'Apache/2.4.41 (Ubuntu)' }).server).toBe('apache');
    expect(fingerprintResponse({ server: 'Apache' }).server).toBe('apache');
  });

  it('does not guess from look-alikes', () => {
    expect(fingerprintResponse({ server: 'nginx-clone' }).server).toBeNull();
    expect(fingerprintResponse({ server: 'my-nginx' }).server).toBeNull();
    expect(fingerprintResponse({ 'x-served-by': 'web-03' }).edge).toBeNull();
    expect(fingerprintResponse({ via: '1.1 googlebot-proxy' }).edge).toBeNull();
    expect(fingerprintResponse({}).edge).toBeNull();
  });

  it('orders trace ids by usefulness and ignores empty ones', () => {
    const fp = fingerprintResponse({ 'x-request-id': 'r1', 'cf-ray': 'c1', 'x-correlation-id': '  ' });
    expect(fp.traceIds).toEqual([{ header: 'cf-ray', value: 'c1' }, { header: 'x-request-id', value: 'r1' }]);
  });
});

describe('displayName', () => {
  it('names every edge and server', () => {
    for (const id of [...EDGE_IDS, ...SERVER_IDS]) expect(displayName(id).length).toBeGreaterThan(0);
  });
  it('uses names people recognise', () => {
    expect(displayName('cloudflare')).toBe('Cloudflare');
    expect(displayName('aws-elb')).toBe('AWS load balancer');
    expect(displayName('nginx')).toBe('nginx');
  });
});
