// Pure: the local incident history in storage.local under `history` — what failed, where, when.
// Only the site's origin (never a path or query), the status or network kind, and the time are kept.
import { NETWORK_ERROR_KINDS, type Failure, type NetworkErrorKind } from './failure';
import type { Incident } from './incident';
import { siteOf } from './url-parts';

export const HISTORY_KEY = 'history';

export const HISTORY_LIMITS = {
  total: 200,
  perSite: 20,
  maxAgeMs: 7 * 24 * 60 * 60 * 1000,
  /** The same failure of the same site seen again this soon is one event reported twice, not two. */
  duplicateWithinMs: 2000,
};
export type HistoryLimits = typeof HISTORY_LIMITS;

export type HistoryFailure = { type: 'http'; status: number } | { type: 'network'; kind: NetworkErrorKind };

export interface HistoryEntry {
  /** `https://example.com` (scheme + host + port). */
  site: string;
  at: number;
  failure: HistoryFailure;
}

const KINDS: readonly string[] = NETWORK_ERROR_KINDS;

function parseFailure(value: unknown): HistoryFailure | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = value as Record<string, unknown>;
  if (f.type === 'http' && typeof f.status === 'number' && Number.isInteger(f.status))
    return { type: 'http', status: f.status };
  if (f.type === 'network' && typeof f.kind === 'string' && KINDS.includes(f.kind)) {
    return { type: 'network', kind: f.kind as NetworkErrorKind };
  }
  return null;
}

/** Stored history (possibly missing, old or corrupt) → valid entries, oldest first. */
export function parseHistory(stored: unknown): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  const entries: HistoryEntry[] = [];
  for (const item of stored as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { site, at, failure } = item as Record<string, unknown>;
    const parsedFailure = parseFailure(failure);
    if (
      typeof site !== 'string' ||
      siteOf(site) !== site ||
      typeof at !== 'number' ||
      !Number.isFinite(at) ||
      !parsedFailure
    )
      continue;
    entries.push({ site, at, failure: parsedFailure });
  }
  return entries.sort((a, b) => a.at - b.at);
}

/** Drops entries past the age limit, then keeps the newest per site and in total. Oldest first. */
export function pruneHistory(
  entries: readonly HistoryEntry[],
  now: number,
  limits: HistoryLimits = HISTORY_LIMITS,
): HistoryEntry[] {
  const fresh = entries.filter((e) => now - e.at <= limits.maxAgeMs).sort((a, b) => b.at - a.at);
  const perSite = new Map<string, number>();
  const kept: HistoryEntry[] = [];
  for (const entry of fresh) {
    const count = perSite.get(entry.site) ?? 0;
    if (count >= limits.perSite) continue;
    perSite.set(entry.site, count + 1);
    kept.push(entry);
    if (kept.length >= limits.total) break;
  }
  return kept.reverse();
}

function toHistoryFailure(failure: Failure): HistoryFailure {
  return failure.type === 'http' ? { type: 'http', status: failure.status } : { type: 'network', kind: failure.kind };
}

const sameFailure = (a: HistoryFailure, b: HistoryFailure): boolean =>
  a.type === 'http' ? b.type === 'http' && a.status === b.status : b.type === 'network' && a.kind === b.kind;

/**
 * The history after one more failure, or null when nothing is to be written: a private window's
 * incident, a URL that is not a web site, or the same failure reported twice in a row.
 */
export function addToHistory(
  stored: unknown,
  incident: Pick<Incident, 'url' | 'failure' | 'incognito' | 'lastSeenAt'>,
  now: number,
  limits: HistoryLimits = HISTORY_LIMITS,
): HistoryEntry[] | null {
  if (incident.incognito) return null;
  const site = siteOf(incident.url);
  if (!site) return null;
  const entry: HistoryEntry = { site, at: incident.lastSeenAt, failure: toHistoryFailure(incident.failure) };
  const entries = parseHistory(stored);
  const duplicate = entries.some(
    (e) =>
      e.site === site && sameFailure(e.failure, entry.failure) && Math.abs(e.at - entry.at) < limits.duplicateWithinMs,
  );
  if (duplicate) return null;
  return pruneHistory([...entries, entry], now, limits);
}

/** Midnight of `now`'s day in local time. */
export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export interface SiteSummary {
  /** Failures of this site since local midnight. */
  today: number;
  /** The most recent failure today. */
  last?: HistoryEntry;
}

export function summarizeSite(entries: readonly HistoryEntry[], url: string, now: number): SiteSummary {
  const site = siteOf(url);
  const since = startOfLocalDay(now);
  const todays = entries.filter((e) => e.site === site && e.at >= since && e.at <= now);
  const last = todays.reduce<HistoryEntry | undefined>(
    (latest, e) => (!latest || e.at > latest.at ? e : latest),
    undefined,
  );
  return last ? { today: todays.length, last } : { today: 0 };
}

export interface SiteGroup {
  site: string;
  /** Newest first. */
  entries: HistoryEntry[];
}

/** For the options page: one group per site, the most recently failing site first. */
export function groupBySite(entries: readonly HistoryEntry[]): SiteGroup[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of [...entries].sort((a, b) => b.at - a.at)) {
    const list = groups.get(entry.site);
    if (list) list.push(entry);
    else groups.set(entry.site, [entry]);
  }
  return [...groups].map(([site, list]) => ({ site, entries: list }));
}
