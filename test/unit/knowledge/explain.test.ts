import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/knowledge/explain';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';

const fingerprintResponse = (headers: Record<string, string>, status = 502) => analyseResponse(headers, status);
import type { Failure, NetworkErrorKind } from '../../../src/model/failure';
import { UNKNOWN_FINGERPRINT, type Fingerprint } from '../../../src/model/fingerprint';
import { HEADER_SETS } from '../support/header-sets';

const http = (status: number): Failure => ({ type: 'http', status, statusLine: `HTTP/1.1 ${status}` });
const net = (kind: NetworkErrorKind, error = ''): Failure => ({ type: 'network', kind, error });
const fromHeaders = (headers: Record<string, string>, status: number): Fingerprint =>
  fingerprintResponse(headers, status);
const fromSet = (set: { status: number; headers: { name: string; value: string }[] }): Fingerprint =>
  fingerprintResponse(
    Object.fromEntries(set.headers.map(({ name, value }) => [name.toLowerCase(), value])),
    set.status,
  );

describe('explain: specific to code and the layer that generated it', () => {
  const cf522 = explain(http(522), fromSet(HEADER_SETS.cloudflare522));
  const nginx502 = explain(http(502), fromSet(HEADER_SETS.nginx502));
  const elb504 = explain(http(504), fromSet(HEADER_SETS.alb504));

  it('Cloudflare 522: its own code, the origin hop broke', () => {
    expect(cf522).toMatchObject({
      titleKey: 'http522_title',
      contextKey: 'ctx_cloudflare_522',
      gatewayName: 'Cloudflare',
      args: ['', 'Cloudflare'],
      failingHop: 'origin',
    });
  });

  it('nginx 502 names nginx ($2)', () => {
    expect(nginx502).toMatchObject({
      titleKey: 'http502_title',
      contextKey: 'ctx_nginx_502',
      gatewayName: 'nginx',
      args: ['', 'nginx'],
    });
  });

  it('AWS load balancer 504', () => {
    expect(elb504).toMatchObject({
      titleKey: 'http504_title',
      contextKey: 'ctx_elb_504',
      gatewayName: 'AWS load balancer',
      failingHop: 'origin',
    });
  });

  it('the three read differently', () => {
    expect(new Set([cf522.contextKey, nginx502.contextKey, elb504.contextKey]).size).toBe(3);
  });

  it.each([
    ['alb502', 'ctx_elb_502', 'AWS load balancer'],
    ['cloudfront504', 'ctx_cloudfront_504', 'Amazon CloudFront'],
    ['vercel504', 'bodyReason_vercel_FUNCTION_INVOCATION_TIMEOUT', 'Vercel'],
    ['netlify502', 'ctx_netlify_5xx', 'Netlify'],
    ['herokuH12', 'ctx_heroku_503', 'Heroku'],
    ['google502', 'ctx_google_backend', 'Google Front End'],
    ['envoy503', 'ctx_envoy_503', 'Envoy'],
    ['caddy502', 'ctx_proxy_502', 'Caddy'],
  ] as const)('%s → %s', (set, contextKey, gatewayName) => {
    expect(explain(http(HEADER_SETS[set].status), fromSet(HEADER_SETS[set]))).toMatchObject({
      contextKey,
      gatewayName,
    });
  });

  it("a CDN in front passes the origin's errors on: named, but not blamed from headers alone", () => {
    for (const set of ['fastly503', 'azureFrontDoor503', 'varnishGuru503'] as const) {
      const e = explain(http(HEADER_SETS[set].status), fromSet(HEADER_SETS[set]));
      expect(e.contextKey, set).toBeNull();
      expect(e.gatewayName, set).not.toBeNull();
    }
    expect(explain(http(503), fromHeaders({ server: 'cloudflare', 'cf-ray': 'x' }, 503)).contextKey).toBeNull();
  });

  it('a proxy behind a CDN produced the 502 itself: its context, its name', () => {
    const e = explain(
      http(502),
      fromHeaders({ 'x-amz-cf-id': 'abc==', via: '1.1 abc.cloudfront.net (CloudFront)', server: 'nginx' }, 502),
    );
    expect(e).toMatchObject({ contextKey: 'ctx_nginx_502', gatewayName: 'nginx', args: ['', 'nginx'] });
    expect(e.chain.layers.map((l) => l.id)).toEqual(['cloudfront', 'nginx']);
  });

  it('the page itself decides over the headers', () => {
    const page = {
      platform: 'nginx' as const,
      name: 'nginx',
      role: 'server' as const,
      code: null,
      meaningKey: 'bodyReason_nginx_stock',
      fixer: 'site-owner' as const,
      hop: 'origin' as const,
    };
    const e = explain(http(502), fromHeaders({ server: 'cloudflare', 'cf-ray': 'x' }, 502), page);
    expect(e).toMatchObject({ contextKey: 'bodyReason_nginx_stock', gatewayName: 'nginx' });
    expect(e.chain.layers.map((l) => l.id)).toEqual(['cloudflare', 'nginx']);
  });

  it("the page names the layer the headers blamed: the headers' sentence for the status stays beside the page's words", () => {
    const page = {
      platform: 'nginx' as const,
      name: 'nginx',
      role: 'server' as const,
      code: null,
      meaningKey: 'bodyReason_nginx_stock',
      fixer: 'site-owner' as const,
      hop: 'origin' as const,
    };
    const e = explain(http(502), fromHeaders({ server: 'nginx/1.24.0' }, 502), page);
    expect(e).toMatchObject({ contextKey: 'ctx_nginx_502', gatewayName: 'nginx', args: ['', 'nginx'] });
    expect(e.chain.failed?.meaningKey).toBe('bodyReason_nginx_stock');
  });

  it("a proxy on the person's own network: the network hop broke, its admin fixes it", () => {
    const e = explain(
      http(503),
      fromHeaders({ 'x-squid-error': 'ERR_CONNECT_FAIL 111', via: '1.1 proxy.corp (squid/5.7)' }, 503),
    );
    expect(e).toMatchObject({ failingHop: 'network', gatewayName: 'Squid' });
    expect(e.fixers[0]).toBe('network');
  });

  it('a Cloudflare code without Cloudflare headers has no Cloudflare context', () => {
    expect(explain(http(522), UNKNOWN_FINGERPRINT)).toMatchObject({
      titleKey: 'http522_title',
      contextKey: null,
      gatewayName: null,
    });
  });
});

describe('explain: unknown infrastructure and unknown codes', () => {
  it('unknown fingerprint → no gateway, no context, no args', () => {
    expect(explain(http(502), UNKNOWN_FINGERPRINT)).toMatchObject({
      gatewayName: null,
      contextKey: null,
      args: [],
      titleKey: 'http502_title',
    });
    expect(explain(http(500), fromSet(HEADER_SETS.unknown500))).toMatchObject({ gatewayName: null, contextKey: null });
  });

  it('unregistered 5xx → generic 5xx; anything else → generic HTTP error', () => {
    expect(explain(http(555), UNKNOWN_FINGERPRINT)).toMatchObject({ titleKey: 'http5xx_title', failingHop: 'origin' });
    expect(explain(http(404), UNKNOWN_FINGERPRINT).titleKey).toBe('http_error_title');
  });

  it('returns copies: changing one explanation does not change the next', () => {
    explain(http(502), UNKNOWN_FINGERPRINT).steps.push('dns');
    expect(explain(http(502), UNKNOWN_FINGERPRINT).steps).not.toContain('dns');
  });
});

describe('explain: failing hop', () => {
  it.each([
    [http(500), 'origin'],
    [http(502), 'origin'],
    [http(504), 'origin'],
    [http(520), 'origin'],
    [http(521), 'origin'],
    [http(526), 'origin'],
    [http(511), 'network'],
    [net('dns'), 'network'],
    [net('offline'), 'network'],
    [net('unreachable'), 'network'],
    [net('refused'), 'origin'],
    [net('reset'), 'origin'],
    [net('timeout'), 'origin'],
    [net('tls'), 'origin'],
    [net('blocked'), 'you'],
  ] as const)('%j → %s', (failure, hop) => expect(explain(failure, UNKNOWN_FINGERPRINT).failingHop).toBe(hop));

  it('a refused, reset or timed-out connection to a known edge fails at the gateway', () => {
    const cloudflare = fromHeaders({ 'cf-ray': 'x' }, 0);
    for (const kind of ['refused', 'reset', 'timeout'] as const) {
      expect(explain(net(kind), cloudflare)).toMatchObject({ failingHop: 'gateway', gatewayName: 'Cloudflare' });
    }
    expect(explain(net('dns'), cloudflare).failingHop).toBe('network');
  });

  it('network errors have no infrastructure context', () => {
    expect(explain(net('timeout'), fromHeaders({ 'cf-ray': 'x' }, 0)).contextKey).toBeNull();
  });
});

describe('explain: network errors', () => {
  it('dns: you, your network or the site owner fix it; the DNS step comes first', () => {
    expect(explain(net('dns', 'net::ERR_NAME_NOT_RESOLVED'), UNKNOWN_FINGERPRINT)).toMatchObject({
      titleKey: 'net_dns_title',
      fixers: ['you', 'network', 'site-owner'],
      steps: ['dns', 'network', 'reload'],
    });
  });

  it('refines redirect loops, proxy failures and certificate dates', () => {
    const loop = explain(net('protocol', 'net::ERR_TOO_MANY_REDIRECTS'), UNKNOWN_FINGERPRINT);
    expect(loop.titleKey).toBe('net_redirect_loop_title');
    expect(loop.steps[0]).toBe('clear-site-data');
    expect(explain(net('protocol', 'NS_ERROR_REDIRECT_LOOP'), UNKNOWN_FINGERPRINT).titleKey).toBe(
      'net_redirect_loop_title',
    );
    expect(explain(net('unreachable', 'net::ERR_PROXY_CONNECTION_FAILED'), UNKNOWN_FINGERPRINT)).toMatchObject({
      titleKey: 'net_proxy_title',
      failingHop: 'network',
    });
    expect(explain(net('tls', 'SEC_ERROR_EXPIRED_CERTIFICATE'), UNKNOWN_FINGERPRINT).causeKeys).toContain(
      'cause_clock_wrong',
    );
    expect(explain(net('tls', 'SEC_ERROR_UNKNOWN_ISSUER'), UNKNOWN_FINGERPRINT).titleKey).toBe('net_tls_title');
    expect(explain(net('protocol', 'net::ERR_INVALID_HTTP_RESPONSE'), UNKNOWN_FINGERPRINT).titleKey).toBe(
      'net_protocol_title',
    );
  });

  it('blocked: something in this browser, so a private window (extensions off) comes first', () => {
    expect(explain(net('blocked', 'net::ERR_BLOCKED_BY_CLIENT'), UNKNOWN_FINGERPRINT)).toMatchObject({
      failingHop: 'you',
      steps: ['private-window', 'reload'],
    });
  });
});
