// The single source of truth for a tab: kept in storage.session under `tab:<id>`.
import type { CheckStates } from './checks';
import type { Failure } from './failure';
import type { Fingerprint } from './fingerprint';
import type { WatchState } from '../knowledge/watch-schedule';

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
  /** "Tell me when it's back": re-checks of the incident's URL (src/background/watch.ts). */
  watch?: WatchState;
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const isTabKey = (key: string): boolean => key.startsWith('tab:');
