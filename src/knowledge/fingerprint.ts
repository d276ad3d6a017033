// Recognises the CDN / load balancer / proxy and the server software from response headers.
// Only clear signals count: unknown headers give null, never a guess.
import type { EdgeId, Fingerprint, ServerId } from '../model/fingerprint';
import { findTraceIds } from './trace-ids';

type Headers = Record<string, string>;
const has = (h: Headers, name: string): boolean => h[name] !== undefined;
const matches = (h: Headers, name: string, pattern: RegExp): boolean => pattern.test(h[name] ?? '');
const hasPrefix = (h: Headers, prefix: string): boolean => Object.keys(h).some((name) => name.startsWith(prefix));

/**
 * Edge detectors in order: the first match wins. Outer layers come first, because a CDN passes on the
 * headers of what sits behind it (Cloudflare in front of Vercel still shows x-vercel-id; CloudFront in
 * front of an ALB still shows x-amzn-trace-id).
 */
const EDGES: [EdgeId, (h: Headers) => boolean][] = [
  ['cloudflare', (h) => has(h, 'cf-ray') || matches(h, 'server', /^cloudflare/i)],
  ['akamai', (h) =>
    matches(h, 'server', /^Akamai(GHost|NetStorage)/i) || has(h, 'akamai-grn') || hasPrefix(h, 'x-akamai-') ||
    has(h, 'akamai-cache-status')],
  ['fastly', (h) =>
    has(h, 'x-fastly-request-id') || hasPrefix(h, 'fastly-') || matches(h, 'x-served-by', /(^|,\s*)cache-[a-z0-9-]+/i) ||
    matches(h, 'x-timer', /^S\d+\.\d+,VS\d/)],
  ['cloudfront', (h) =>
    has(h, 'x-amz-cf-id') || has(h, 'x-amz-cf-pop') || matches(h, 'via', /cloudfront/i) ||
    matches(h, 'x-cache', /cloudfront/i) || matches(h, 'server', /^CloudFront$/i)],
  // x-msedge-ref is the classic Azure CDN / Front Door reference id.
  ['azure-front-door', (h) => has(h, 'x-azure-ref') || has(h, 'x-fd-healthprobe') || has(h, 'x-msedge-ref')],
  ['google', (h) =>
    matches(h, 'server', /^(gws|GFE\/|Google Frontend|ESF$)/i) || matches(h, 'via', /(^|,\s*)1\.1 google(,|$)/i)],
  ['vercel', (h) => has(h, 'x-vercel-id') || matches(h, 'server', /^Vercel$/i)],
  ['netlify', (h) => has(h, 'x-nf-request-id') || matches(h, 'server', /^Netlify$/i)],
  ['heroku', (h) => matches(h, 'via', /\b(vegur|heroku-router)\b/i) || matches(h, 'server', /^heroku/i)],
  ['aws-elb', (h) => matches(h, 'server', /^awselb\b/i) || has(h, 'x-amzn-trace-id')],
  ['envoy', (h) => matches(h, 'server', /^(istio-)?envoy\b/i) || hasPrefix(h, 'x-envoy-')],
  ['varnish', (h) => has(h, 'x-varnish') || matches(h, 'via', /varnish/i) || matches(h, 'server', /^varnish\b/i)],
];

/** Server software from the `server` header: name followed by end, '/', space or '('. */
const SERVERS: [ServerId, RegExp][] = [
  ['nginx', /^nginx(?=$|[/\s(])/i],
  ['openresty', /^openresty(?=$|[/\s(])/i],
  // "Apache-Coyote" is Tomcat, not Apache httpd.
  ['apache', /^apache(?=$|[/\s(])/i],
  ['caddy', /^caddy(?=$|[/\s(])/i],
  ['litespeed', /^litespeed(?=$|[/\s(])/i],
  ['iis', /^Microsoft-IIS(?=$|[/\s(])/i],
  ['gunicorn', /^gunicorn(?=$|[/\s(])/i],
  ['envoy', /^(istio-)?envoy(?=$|[/\s(])/i],
  ['varnish', /^varnish(?=$|[/\s(])/i],
];

export function fingerprintResponse(headers: Record<string, string>): Fingerprint {
  const server = (headers['server'] ?? '').trim();
  return {
    edge: EDGES.find(([, detect]) => detect(headers))?.[0] ?? null,
    server: SERVERS.find(([, pattern]) => pattern.test(server))?.[0] ?? null,
    traceIds: findTraceIds(headers),
  };
}

const DISPLAY_NAMES: Record<EdgeId | ServerId, string> = {
  cloudflare: 'Cloudflare',
  fastly: 'Fastly',
  akamai: 'Akamai',
  cloudfront: 'Amazon CloudFront',
  'aws-elb': 'AWS load balancer',
  google: 'Google Front End',
  'azure-front-door': 'Azure Front Door',
  vercel: 'Vercel',
  netlify: 'Netlify',
  heroku: 'Heroku router',
  varnish: 'Varnish',
  envoy: 'Envoy',
  nginx: 'nginx',
  apache: 'Apache',
  caddy: 'Caddy',
  litespeed: 'LiteSpeed',
  iis: 'Microsoft IIS',
  openresty: 'OpenResty',
  gunicorn: 'Gunicorn',
};

/** A product name people recognise ("Cloudflare", "AWS load balancer", "nginx"); not translated. */
export function displayName(id: EdgeId | ServerId): string {
  return DISPLAY_NAMES[id];
}
