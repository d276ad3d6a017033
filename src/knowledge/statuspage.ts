// Pure: reading Atlassian Statuspage JSON (`/api/v2/status.json`, `/api/v2/summary.json`), and which
// provider status page belongs to the infrastructure that answered.
import type { EdgeId } from '../model/fingerprint';
import { DEFAULT_SETTINGS } from '../model/settings';
import { isObject } from '../model/json-shape';

export const STATUS_INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type StatusIndicator = (typeof STATUS_INDICATORS)[number];

export interface OpenIncident {
  name: string;
  /** investigating | identified | monitoring … (free text from the page). */
  status: string;
  impact?: string;
  shortlink?: string;
  updatedAt?: string;
}

export interface StatusReading {
  indicator: StatusIndicator;
  description: string;
  /** The page's own name and human address, when it says. */
  pageName?: string;
  pageUrl?: string;
  /** Unresolved incidents; present only when the summary was read. */
  incidents?: OpenIncident[];
}

const MAX_INCIDENTS = 5;
const MAX_TEXT = 200;
const FINISHED = new Set(['resolved', 'postmortem', 'completed']);

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, MAX_TEXT) : undefined;

/** Only http(s) addresses are ever shown as links. */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

function parseIncident(value: unknown): OpenIncident | null {
  if (!isObject(value)) return null;
  const name = text(value.name);
  const status = text(value.status);
  if (!name || !status || FINISHED.has(status)) return null;
  const impact = text(value.impact);
  const shortlink = safeHttpUrl(value.shortlink);
  const updatedAt = text(value.updated_at);
  return {
    name,
    status,
    ...(impact ? { impact } : {}),
    ...(shortlink ? { shortlink } : {}),
    ...(updatedAt ? { updatedAt } : {}),
  };
}

/** `status.json` or `summary.json` (both carry `status`); anything else → null. */
export function parseStatuspage(json: unknown): StatusReading | null {
  if (!isObject(json) || !isObject(json.status)) return null;
  const indicator = json.status.indicator;
  if (typeof indicator !== 'string' || !(STATUS_INDICATORS as readonly string[]).includes(indicator)) return null;
  const reading: StatusReading = {
    indicator: indicator as StatusIndicator,
    description: text(json.status.description) ?? indicator,
  };
  if (isObject(json.page)) {
    const pageName = text(json.page.name);
    const pageUrl = safeHttpUrl(json.page.url);
    if (pageName) reading.pageName = pageName;
    if (pageUrl) reading.pageUrl = pageUrl;
  }
  if (Array.isArray(json.incidents)) {
    reading.incidents = json.incidents
      .map(parseIncident)
      .filter((i): i is OpenIncident => i !== null)
      .slice(0, MAX_INCIDENTS);
  }
  return reading;
}

/** A Statuspage API address (ends in `/api/v2/<something>.json`), as opposed to a page only a person can read. */
export function isStatuspageApi(url: string): boolean {
  return /\/api\/v2\/[a-z_]+\.json$/i.test(safeHttpUrl(url)?.split(/[?#]/)[0] ?? '');
}

/** The summary (status + open incidents) next to a `status.json` address; null when there is none to guess. */
export function summaryUrlOf(statusUrl: string): string | null {
  const url = safeHttpUrl(statusUrl);
  if (!url) return null;
  const parsed = new URL(url);
  if (!/\/api\/v2\/status\.json$/i.test(parsed.pathname)) return null;
  parsed.pathname = parsed.pathname.replace(/status\.json$/i, 'summary.json');
  return parsed.href;
}

/** The human page behind an API address: `https://www.cloudflarestatus.com/api/v2/status.json` → its origin. */
export function humanPageOf(url: string): string {
  const safe = safeHttpUrl(url);
  if (!safe) return url;
  return isStatuspageApi(safe) ? `${new URL(safe).origin}/` : safe;
}

export function hasProblem(reading: StatusReading): boolean {
  return reading.indicator !== 'none' || (reading.incidents?.length ?? 0) > 0;
}

/** Who runs a status page worth reading: a CDN/edge that answered, or the platform a host lives on. */
export type StatusProvider = EdgeId | 'github';

/**
 * The configured status page of a provider: a stored value when it is an http(s) address, '' when the person
 * turned it off, else the default. Stored settings may be partial or corrupt (mergeSettings takes any object).
 */
export function providerStatusUrl(provider: StatusProvider, configured: unknown): string | null {
  const stored = isObject(configured) ? configured[provider] : undefined;
  if (stored === '') return null;
  const fromStored = safeHttpUrl(stored);
  if (fromStored) return fromStored;
  return DEFAULT_SETTINGS.endpoints.providerStatusPages?.[provider] ?? null;
}
