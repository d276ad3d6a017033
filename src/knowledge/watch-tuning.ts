// Pure: the timing of "tell me when it's back" (watch-schedule.ts) and how a stored override is read. Apart
// from the schedule because the storage seam parses the stored override, and every page loads the seam: the
// popup's start-up code carries this, not the whole schedule.

export interface WatchTuning {
  /** Delay before the first try, and the shortest delay between tries. */
  firstDelayMs: number;
  /** Longest delay between tries (the backoff stops growing here). */
  maxDelayMs: number;
  factor: number;
  maxTries: number;
  /** The watch gives up when the next try would fall later than this after the start. */
  maxDurationMs: number;
  /** Time limit of one try. */
  timeoutMs: number;
  /** A Retry-After further away than this is clamped to it (a 1-hour hint still gets tries within the hour). */
  maxRetryAfterMs: number;
}

// 12 s, 24 s, 48 s, 96 s, 192 s, then every 5 min: 15 tries fit in the hour, 20 is the hard bound.
export const DEFAULT_WATCH_TUNING: WatchTuning = {
  firstDelayMs: 12_000,
  maxDelayMs: 5 * 60_000,
  factor: 2,
  maxTries: 20,
  maxDurationMs: 60 * 60_000,
  timeoutMs: 8_000,
  maxRetryAfterMs: 10 * 60_000,
};

/** Allowed range of each tuning value (storage can override them, e.g. e2e tests use a 1 s first delay). */
const TUNING_BOUNDS: Record<keyof WatchTuning, [number, number]> = {
  firstDelayMs: [500, 10 * 60_000],
  maxDelayMs: [500, 30 * 60_000],
  factor: [1, 4],
  maxTries: [1, 100],
  maxDurationMs: [5_000, 6 * 60 * 60_000],
  timeoutMs: [500, 60_000],
  maxRetryAfterMs: [1_000, 60 * 60_000],
};

export function mergeWatchTuning(stored: unknown): WatchTuning {
  const tuning = { ...DEFAULT_WATCH_TUNING };
  if (typeof stored !== 'object' || stored === null) return tuning;
  for (const key of Object.keys(TUNING_BOUNDS) as (keyof WatchTuning)[]) {
    const value = (stored as Record<string, unknown>)[key];
    const [min, max] = TUNING_BOUNDS[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const clamped = Math.min(max, Math.max(min, value));
    // Tries are counted in whole numbers: 1.0000000000000002 must not allow a second try.
    tuning[key] = key === 'maxTries' ? Math.floor(clamped) : clamped;
  }
  tuning.maxDelayMs = Math.max(tuning.maxDelayMs, tuning.firstDelayMs);
  // The first try must fit in the watch's lifetime (the fallback in startWatchState relies on it).
  tuning.maxDurationMs = Math.max(tuning.maxDurationMs, tuning.firstDelayMs);
  return tuning;
}
