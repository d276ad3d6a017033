import { describe, expect, it } from 'vitest';
import { pickDiagnosticHeaders } from '../../../src/knowledge/diagnostic-headers';
import { displayName } from '../../../src/knowledge/fingerprint';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';

const fingerprintResponse = (headers: Record<string, string>, status = 502) => analyseResponse(headers, status);
import { EDGE_IDS, SERVER_IDS, type EdgeId, type ServerId } from '../../../src/model/fingerprint';
import { HEADER_SETS, type HeaderSet } from '../support/header-sets';

/** As the detector sees them: lower-case names (duplicates joined). */
const lower = (set: HeaderSet): Record<string, string> =>
  Object.fromEntries(set.headers.map(({ name, value }) => [name.toLowerCase(), value]));

const EXPECTED: Record<keyof typeof HEADER_SETS, { edge: EdgeId | null; server: ServerId | null; traceIds: string[] }> =
  {
    cloudflare522: { edge: 'cloudflare', server: null, traceIds: ['cf-ray'] },
    nginx502: { edge: null, server: 'nginx', traceIds: [] },
    alb502: { edge: 'aws-elb', server: null, traceIds: [] },
    alb504: { edge: 'aws-elb', server: null, traceIds: [] },
    cloudfront504: { edge: 'cloudfront', server: null, traceIds: ['x-amz-cf-id'] },
    fastly503: { edge: 'fastly', server: null, traceIds: ['x-served-by'] },
    akamai503: { edge: 'akamai', server: null, traceIds: ['akamai-grn'] },
    vercel504: { edge: 'vercel', server: null, traceIds: ['x-vercel-id'] },
    netlify502: { edge: 'netlify', server: null, traceIds: ['x-nf-request-id'] },
    herokuH12: { edge: 'heroku', server: null, traceIds: [] },
    google502: { edge: 'google', server: null, traceIds: [] },
    googleFrontend503: { edge: 'google', server: null, traceIds: ['x-cloud-trace-context'] },
    azureFrontDoor503: { edge: 'azure-front-door', server: null, traceIds: ['x-azure-ref'] },
    varnishGuru503: { edge: 'varnish', server: 'varnish', traceIds: ['x-varnish'] },
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
    expect(fingerprintResponse({ server: 'cloudflare', 'cf-ray': 'x-AMS', 'x-vercel-id': 'fra1::abc' }).edge).toBe(
      'cloudflare',
    );
    expect(fingerprintResponse({ 'x-amz-cf-id': 'abc==', 'x-amzn-trace-id': 'Root=1-abc', server: 'nginx' }).edge).toBe(
      'cloudfront',
    );
    expect(fingerprintResponse({ 'x-served-by': 'cache-lhr7321-LHR', via: '1.1 vegur, 1.1 varnish' }).edge).toBe(
      'fastly',
    );
  });

  it('x-amzn-trace-id alone is no AWS load balancer (API Gateway, Lambda and X-Ray send it too), but is quoted', () => {
    const fp = fingerprintResponse({ 'x-amzn-trace-id': 'Root=1-64b6', server: 'gunicorn' }, 500);
    expect(fp).toMatchObject({ edge: null, server: 'gunicorn' });
    expect(fp.layers?.map((l) => l.id)).toEqual(['gunicorn']);
    expect(fp.traceIds.map((t) => t.header)).toContain('x-amzn-trace-id');
  });

  it('API Gateway behind CloudFront is API Gateway: its error header decides', () => {
    const fp = fingerprintResponse(
      {
        via: '1.1 abc.cloudfront.net (CloudFront)',
        'x-amz-cf-id': 'id==',
        'x-amz-apigw-id': 'gw=',
        'x-amzn-requestid': 'r-1',
        'x-amzn-errortype': 'InternalServerErrorException',
      },
      502,
    );
    expect(fp.layers?.map((l) => l.id)).toEqual(['cloudfront', 'aws-api-gateway']);
    expect(fp.failed).toMatchObject({
      id: 'aws-api-gateway',
      code: 'InternalServerErrorException',
      by: 'error-header',
    });
    expect(fp.traceIds.map((t) => t.header)).toEqual(
      expect.arrayContaining(['x-amz-cf-id', 'x-amz-apigw-id', 'x-amzn-requestid']),
    );
  });

  it('x-amzn-ErrorType alone names no API Gateway: Lambda function URLs and other AWS services send it too', () => {
    const fp = fingerprintResponse({ 'x-amzn-errortype': 'AccessDeniedException', 'x-amzn-requestid': 'r-1' }, 403);
    expect(fp.layers).toEqual([]);
    expect(fp.failed).toBeNull();
  });

  it('Google Front End behind CloudFront is named', () => {
    const fp = fingerprintResponse(
      { via: '1.1 abc.cloudfront.net (CloudFront)', 'x-amz-cf-id': 'id==', server: 'Google Frontend' },
      502,
    );
    expect(fp.layers?.map((l) => l.name)).toEqual(['Amazon CloudFront', 'Google Front End']);
    expect(fp.failed?.id).toBe('google-frontend');
  });

  it('a CDN passing an origin error on is not the failing layer; its own error header is', () => {
    expect(fingerprintResponse({ server: 'cloudflare', 'cf-ray': 'x' }, 502).failed).toBeNull();
    expect(fingerprintResponse({ server: 'cloudflare', 'cf-ray': 'x' }, 522).failed).toMatchObject({
      id: 'cloudflare',
      by: 'status',
      hop: 'origin',
    });
  });

  it('RFC 9209 Proxy-Status names the proxy and what it hit', () => {
    const fp = fingerprintResponse(
      { 'proxy-status': 'origin-lb, ExampleCDN; error=connection_timeout; details="after 30s"' },
      504,
    );
    expect(fp.proxyStatus).toEqual({ proxy: 'ExampleCDN', error: 'connection_timeout', details: 'after 30s' });
    expect(fp.failed).toMatchObject({
      id: null,
      name: 'ExampleCDN',
      code: 'connection_timeout',
      meaningKey: 'proxyError_timeout',
      by: 'proxy-status',
    });
    expect(fingerprintResponse({ 'proxy-status': 'Cloudflare-Proxy;error=dns_timeout' }, 502).failed).toMatchObject({
      id: 'cloudflare',
      meaningKey: 'proxyError_dns',
    });
  });

  it('RFC 9211 Cache-Status, closest to the origin first', () => {
    expect(
      fingerprintResponse(
        { 'cache-status': 'OriginCache; hit; ttl=1100, "CDN Company Here"; fwd=uri-miss; stored' },
        503,
      ).cacheStatus,
    ).toEqual([
      { cache: 'OriginCache', result: 'hit' },
      { cache: 'CDN Company Here', result: 'uri-miss' },
    ]);
  });

  it("a proxy on the person's side: Squid's error header marks the network hop", () => {
    const fp = fingerprintResponse(
      { 'x-squid-error': 'ERR_CONNECT_FAIL 111', via: '1.1 proxy.example (squid/5.7)', 'x-amz-cf-id': 'id==' },
      503,
    );
    expect(fp.layers?.map((l) => l.id)).toEqual(['squid', 'cloudfront']);
    expect(fp.failed).toMatchObject({ id: 'squid', code: 'ERR_CONNECT_FAIL', hop: 'network', fixer: 'network' });
  });

  it('recognises the new Heroku router, Istio, OpenResty and Apache', () => {
    expect(fingerprintResponse({ via: '2.0 heroku-router', server: 'Heroku' }).edge).toBe('heroku');
    expect(fingerprintResponse({ server: 'istio-envoy', 'x-envoy-upstream-service-time': '3' })).toMatchObject({
      edge: 'envoy',
      server: 'envoy',
    });
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

  it('orders trace ids by layer, then vendor, then generic, and ignores empty ones', () => {
    const fp = fingerprintResponse({ 'x-request-id': 'r1', 'cf-ray': 'c1', 'x-correlation-id': '  ' });
    expect(fp.traceIds).toEqual([
      { header: 'cf-ray', value: 'c1' },
      { header: 'x-request-id', value: 'r1' },
    ]);
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
