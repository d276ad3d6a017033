// Pure: asking Globalping's probes around the world for the page (https://globalping.io/docs/api), and what
// their answers say: is the site down for everyone, or only from here?
import { isObject } from '../model/json-shape';
import { isInternalHost } from './internal-host';

export interface GlobalpingRequest {
  type: 'http';
  target: string;
  locations: { magic: string }[];
  limit: number;
  measurementOptions: {
    request: { path: string; method: 'HEAD' };
    protocol: 'HTTPS' | 'HTTP';
    port: number;
  };
}

export const PROBE_COUNT = 3;

/** Loopback, private, link-local and local names (knowledge/internal-host.ts): never sent, and probes elsewhere could not reach them. */
export function isReachableFromElsewhere(hostname: string): boolean {
  return !isInternalHost(hostname);
}

/**
 * The measurement for a failed URL: a HEAD request from a few probes anywhere in the world, to the site's
 * root — to the page's own path only when the person chose to send it (`withPath`; never the query: it may
 * hold tokens). Null for addresses only this network can reach.
 */
export function buildMeasurement(pageUrl: string, withPath = false): GlobalpingRequest | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const target = url.hostname.replace(/^\[|\]$/g, '');
  if (!isReachableFromElsewhere(url.hostname)) return null;
  const https = url.protocol === 'https:';
  return {
    type: 'http',
    target,
    locations: [{ magic: 'world' }],
    limit: PROBE_COUNT,
    measurementOptions: {
      request: { path: withPath ? url.pathname || '/' : '/', method: 'HEAD' },
      protocol: https ? 'HTTPS' : 'HTTP',
      port: url.port ? Number(url.port) : https ? 443 : 80,
    },
  };
}

export type ProbeVerdict = 'up' | 'down' | 'unreachable' | 'pending';

export interface ProbeRow {
  /** "Frankfurt, DE" (English names from Globalping). */
  place: string;
  network?: string;
  verdict: ProbeVerdict;
  statusCode?: number;
  /** Why the request failed (connection refused, timeout …), from the probe's raw output. */
  error?: string;
}

export interface MeasurementReading {
  /** true once Globalping says the measurement is over (any status but 'in-progress'). */
  finished: boolean;
  rows: ProbeRow[];
}

const str = (v: unknown, max = 80): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

/** `{ id }` of a created measurement (202); anything else → null. */
export function parseCreated(json: unknown): string | null {
  if (!isObject(json)) return null;
  const id = json.id;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : null;
}

/** The API's own words for a refusal (400/422/429: `{ error: { type, message } }`). */
export function parseApiError(json: unknown): string | null {
  if (!isObject(json) || !isObject(json.error)) return null;
  return str(json.error.message, 200) ?? str(json.error.type) ?? null;
}

function parseRow(item: unknown): ProbeRow | null {
  if (!isObject(item) || !isObject(item.result)) return null;
  const probe = isObject(item.probe) ? item.probe : {};
  const place = [str(probe.city), str(probe.country, 3)].filter(Boolean).join(', ') || '?';
  const network = str(probe.network);
  const base = { place, ...(network ? { network } : {}) };
  const { status, statusCode, rawOutput } = item.result;
  if (status === 'in-progress') return { ...base, verdict: 'pending' };
  if (status === 'offline') return null;
  if (status === 'finished' && typeof statusCode === 'number' && Number.isInteger(statusCode)) {
    // Any answer below 500 means the server is there and answering (a 403 or 405 to HEAD still is).
    return { ...base, verdict: statusCode >= 500 ? 'down' : 'up', statusCode };
  }
  const error = str(typeof rawOutput === 'string' ? rawOutput.split('\n')[0] : undefined, 160);
  return { ...base, verdict: 'unreachable', ...(error ? { error } : {}) };
}

/** GET /v1/measurements/{id} → per-probe rows; null when it is not a measurement at all. */
export function parseMeasurement(json: unknown): MeasurementReading | null {
  if (!isObject(json) || typeof json.status !== 'string' || !Array.isArray(json.results)) return null;
  return {
    finished: json.status !== 'in-progress',
    rows: json.results.map(parseRow).filter((r): r is ProbeRow => r !== null),
  };
}

export type Elsewhere = 'down' | 'up' | 'mixed' | 'unknown';

/** Facts for the verdict: does the site fail from other places too? Pending probes count for nothing. */
export function summarizeElsewhere(rows: readonly ProbeRow[]): { elsewhere: Elsewhere; answered: number; up: number } {
  const done = rows.filter((r) => r.verdict !== 'pending');
  const up = done.filter((r) => r.verdict === 'up').length;
  const elsewhere: Elsewhere = done.length === 0 ? 'unknown' : up === done.length ? 'up' : up === 0 ? 'down' : 'mixed';
  return { elsewhere, answered: done.length, up };
}

/** One evidence line per probe: "Frankfurt, DE (Hetzner) — 502". */
export function describeRow(row: ProbeRow): string {
  const where = row.network ? `${row.place} (${row.network})` : row.place;
  const what = row.statusCode !== undefined ? String(row.statusCode) : (row.error ?? '');
  return what ? `${where} — ${what}` : where;
}
