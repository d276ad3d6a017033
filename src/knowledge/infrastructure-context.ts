// One sentence specific to the status code AND the infrastructure that answered (Cloudflare 522 vs
// nginx 502 vs a load balancer's 504). Messages may use $1 = gateway name and $2 = server name.
import type { EdgeId, Fingerprint, ServerId } from '../model/fingerprint';

const is5xx = (status: number): boolean => status >= 500 && status <= 599;
const isGatewayStatus = (status: number): boolean => status === 502 || status === 503 || status === 504;
const CLOUDFLARE_OWN = new Set([520, 521, 522, 523, 524, 525, 526, 527, 530]);

const EDGE_CONTEXTS: Record<EdgeId, (status: number) => string | null> = {
  cloudflare: (s) => (CLOUDFLARE_OWN.has(s) ? `ctx_cloudflare_${s}` : is5xx(s) ? 'ctx_cloudflare_origin_error' : null),
  'aws-elb': (s) => (isGatewayStatus(s) ? `ctx_elb_${s}` : null),
  cloudfront: (s) => (isGatewayStatus(s) ? `ctx_cloudfront_${s}` : null),
  fastly: (s) => (isGatewayStatus(s) ? 'ctx_fastly_backend' : null),
  akamai: (s) => (is5xx(s) ? 'ctx_akamai_5xx' : null),
  google: (s) => (isGatewayStatus(s) ? 'ctx_google_backend' : null),
  'azure-front-door': (s) => (isGatewayStatus(s) ? 'ctx_azure_backend' : null),
  vercel: (s) => (s === 504 ? 'ctx_vercel_504' : s === 500 || s === 502 || s === 503 ? 'ctx_vercel_5xx' : null),
  netlify: (s) => (s === 500 || isGatewayStatus(s) ? 'ctx_netlify_5xx' : null),
  // The Heroku router answers 503 for crashed, sleeping or too-slow (>30 s, H12) apps.
  heroku: (s) => (s === 503 ? 'ctx_heroku_503' : null),
  varnish: (s) => (s === 503 ? 'ctx_varnish_503' : null),
  envoy: (s) => (s === 503 ? 'ctx_envoy_503' : null),
};

/** Servers that usually sit in front of an application and forward requests to it. */
export const REVERSE_PROXY_SERVERS: ReadonlySet<ServerId> = new Set(['nginx', 'openresty', 'apache', 'caddy', 'envoy', 'varnish']);

/** An edge's own error pages name this server: then the server header says nothing about the origin. */
const EDGE_OWN_SERVER: Partial<Record<EdgeId, ServerId>> = { fastly: 'varnish', varnish: 'varnish', envoy: 'envoy' };

function proxyContext(status: number, server: ServerId | null): string | null {
  if (server === null || !REVERSE_PROXY_SERVERS.has(server) || !isGatewayStatus(status)) return null;
  if (status === 502 && (server === 'nginx' || server === 'openresty')) return 'ctx_nginx_502';
  return `ctx_proxy_${status}`;
}

export function infrastructureContext(status: number, fingerprint: Fingerprint): string | null {
  const { edge, server } = fingerprint;
  const fromServer = proxyContext(status, server);
  // A proxy named in `server` behind a CDN is what produced the error: CDNs replace `server` on their
  // own error pages (CloudFront, awselb/2.0, AkamaiGHost) and pass the origin's on otherwise.
  const serverIsBehindEdge = edge !== null && server !== null && EDGE_OWN_SERVER[edge] !== server;
  if (fromServer !== null && (edge === null || serverIsBehindEdge)) return fromServer;
  return (edge === null ? null : EDGE_CONTEXTS[edge](status)) ?? fromServer;
}

/** Every key infrastructureContext can return (a test checks this list against the function). */
export const CONTEXT_KEYS: readonly string[] = [
  ...[...CLOUDFLARE_OWN].map((s) => `ctx_cloudflare_${s}`),
  'ctx_cloudflare_origin_error',
  'ctx_elb_502', 'ctx_elb_503', 'ctx_elb_504',
  'ctx_cloudfront_502', 'ctx_cloudfront_503', 'ctx_cloudfront_504',
  'ctx_fastly_backend', 'ctx_akamai_5xx', 'ctx_google_backend', 'ctx_azure_backend',
  'ctx_vercel_504', 'ctx_vercel_5xx', 'ctx_netlify_5xx', 'ctx_heroku_503', 'ctx_varnish_503', 'ctx_envoy_503',
  'ctx_nginx_502', 'ctx_proxy_502', 'ctx_proxy_503', 'ctx_proxy_504',
];
