// What the response says about the infrastructure that produced it.

export const EDGE_IDS = [
  'cloudflare', 'fastly', 'akamai', 'cloudfront', 'aws-elb', 'google', 'azure-front-door',
  'vercel', 'netlify', 'heroku', 'varnish', 'envoy',
] as const;
/** A CDN, edge platform, load balancer or caching proxy in front of the site. */
export type EdgeId = (typeof EDGE_IDS)[number];

export const SERVER_IDS = ['nginx', 'apache', 'caddy', 'litespeed', 'iis', 'openresty', 'gunicorn', 'envoy', 'varnish'] as const;
/** The HTTP server software that answered (may itself be the gateway). */
export type ServerId = (typeof SERVER_IDS)[number];

export interface TraceId {
  /** Lower-case header name, e.g. 'cf-ray'. */
  header: string;
  value: string;
}

export interface Fingerprint {
  edge: EdgeId | null;
  server: ServerId | null;
  /** Request/trace ids a site owner can look up in their logs. */
  traceIds: TraceId[];
}

export const UNKNOWN_FINGERPRINT: Fingerprint = { edge: null, server: null, traceIds: [] };
