// What the response says about the infrastructure that produced it.
import type { InfraId, LayerSeen, ProxyStatusSeen, VendorMeaning } from './infrastructure';

export const EDGE_IDS = [
  'cloudflare',
  'fastly',
  'akamai',
  'cloudfront',
  'aws-elb',
  'google',
  'azure-front-door',
  'vercel',
  'netlify',
  'heroku',
  'varnish',
  'envoy',
] as const;
/** A CDN, edge platform, load balancer or caching proxy in front of the site (the older, coarser view). */
export type EdgeId = (typeof EDGE_IDS)[number];

export const SERVER_IDS = [
  'nginx',
  'apache',
  'caddy',
  'litespeed',
  'iis',
  'openresty',
  'gunicorn',
  'envoy',
  'varnish',
] as const;
/** The HTTP server software that answered (may itself be the gateway). */
export type ServerId = (typeof SERVER_IDS)[number];

export interface TraceId {
  /** Lower-case header name, e.g. 'cf-ray'. */
  header: string;
  value: string;
}

/** The layer that generated the error, as the response headers tell (the page's own text may tell more). */
export interface FailedLayer extends VendorMeaning {
  /** Null when a proxy named itself in Proxy-Status but is none we know. */
  id: InfraId | null;
  name: string;
  /** What decided it: a vendor error header, RFC 9209 Proxy-Status, a header only its own responses carry, a status only it sends, or being the innermost layer that answers errors itself. */
  by: 'error-header' | 'proxy-status' | 'generated' | 'status' | 'innermost';
}

export interface Fingerprint {
  edge: EdgeId | null;
  server: ServerId | null;
  /** Request/trace ids a site owner can look up in their logs. */
  traceIds: TraceId[];
  /** Every layer the response showed, outermost (closest to the person) first. Absent on records from older versions. */
  layers?: LayerSeen[];
  /** Which of them generated the error, when the headers tell. */
  failed?: FailedLayer | null;
  proxyStatus?: ProxyStatusSeen;
  /** RFC 9211 Cache-Status, closest to the origin first. */
  cacheStatus?: { cache: string; result: string | null }[];
}

export const UNKNOWN_FINGERPRINT: Fingerprint = { edge: null, server: null, traceIds: [] };
