// A "tell me when it's back" watch as it is stored with the tab's record (the schedule is in
// knowledge/watch-schedule.ts, the shell in background/watch.ts).

export type WatchStatus = 'watching' | 'back' | 'gave-up';

/** What one clean request to the URL gave. */
export interface WatchTryResult {
  status?: number;
  /** No HTTP answer at all. */
  error?: 'network' | 'timeout';
  /** The answer's Retry-After header, verbatim. */
  retryAfter?: string;
}

export interface WatchState {
  id: string;
  /** The incident being watched: a new incident (or another URL) in the tab makes this watch stale. */
  incidentId: string;
  url: string;
  status: WatchStatus;
  startedAt: number;
  /** Tries started so far (a try counts from the moment it is claimed). */
  tries: number;
  /** When the next try is due (epoch ms); while a try runs, when a stopped worker's try is retried. */
  nextTryAt: number;
  /** Set while a try is running. */
  tryingSince?: number;
  /** The site's Retry-After, as epoch ms already clamped: no try before it. */
  notBefore?: number;
  /** Reload the tab when it is back. */
  reload: boolean;
  lastTry?: WatchTryResult & { at: number };
  endedAt?: number;
}
