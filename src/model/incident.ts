// The single source of truth for a tab: kept in storage.session under `tab:<id>`.
import type { CheckStates } from './checks';
import type { Failure } from './failure';
import type { Fingerprint } from './fingerprint';
import type { WatchState } from './watch';
import type { BodyReason } from './body-reason';

export interface Incident {
  id: string;
  url: string;
  failure: Failure;
  /** When it was first seen (epoch ms) and last seen again in this tab. */
  at: number;
  lastSeenAt: number;
  /** How many times this URL failed in a row in this tab. */
  occurrences: number;
  /** The IP the browser connected to, when the browser reports it. */
  ip?: string;
  /** A bounded subset of response headers useful for diagnosis (lower-case names). */
  headers: Record<string, string>;
  fingerprint: Fingerprint;
  incognito: boolean;
  checks: CheckStates;
  /** What the failing document in the tab says about itself, read once it loaded. Absent until then. */
  page?: PageReading;
}

/**
 * The tab's own error page, read in place (src/background/read-failing-page.ts) and parsed in the
 * background: only the parsed result is kept, capped (PAGE_READING_CAPS), never the page's text.
 */
export interface PageReading {
  /** When the document was read (epoch ms). */
  readAt: number;
  /** The vendor's own code and reference as printed in the page; null when it names nothing we know. */
  reason: BodyReason | null;
}

/** Longest stored values (characters): a page's text comes from the site and must not fill storage. */
export const PAGE_READING_CAPS = { code: 100, reference: 200 } as const;

/**
 * A top-level 4xx the tab shows (isExplainedClientStatus: 404, 401, 429 …): the site (or a proxy)
 * answered and refused. Not an outage — no alarm badge, no steps — but not a page that loaded normally
 * either. Kept beside the incident in the tab's record (storage.session: memory only, never on disk).
 */
export interface ClientError {
  id: string;
  url: string;
  failure: { type: 'http'; status: number; statusLine: string };
  at: number;
  lastSeenAt: number;
  headers: Record<string, string>;
  fingerprint: Fingerprint;
  incognito: boolean;
  /** What the refusing page says about itself (a WAF's reference number), read once it loaded. */
  page?: PageReading;
}

/** A bot check (Cloudflare/Vercel challenge): not an outage, no error badge. */
export interface Challenge {
  url: string;
  provider: 'cloudflare' | 'vercel';
  status: number;
  at: number;
}

export interface TabRecord {
  tabId: number;
  /** The failure the tab shows now, if any. */
  incident?: Incident;
  /** The most recent incident that has ended (the tab recovered). */
  lastError?: Incident & { endedAt: number; recoveredStatus?: number };
  challenge?: Challenge;
  /** The 4xx the tab shows now (a block, a sign-in, a rate limit), if any. */
  clientError?: ClientError;
  /** "Tell me when it's back": re-checks of the incident's URL (src/background/watch.ts). */
  watch?: WatchState;
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const isTabKey = (key: string): boolean => key.startsWith('tab:');
