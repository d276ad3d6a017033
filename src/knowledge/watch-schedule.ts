// Pure: "tell me when it's back" — when to try the failing URL again, and what each try does to the watch.
// No browser API here; the shell (src/background/watch.ts) stores the state and sets the alarms.
import type { Incident, TabRecord } from '../model/incident';
import { parseRetryAfter } from './retry-after';

import type { WatchState, WatchTryResult } from '../model/watch';
import type { WatchTuning } from './watch-tuning';

/** A try that comes this much before its time (timer/alarm jitter) still counts as due. */
export const EARLY_TOLERANCE_MS = 250;
/** A claimed try that has not finished by its time limit plus this was lost with its worker: try again. */
export const LOST_TRY_GRACE_MS = 5_000;

/** The wait after `completedTries` tries: first delay, growing by `factor`, capped at the longest delay. */
export function backoffDelayMs(completedTries: number, tuning: WatchTuning): number {
  const grown = tuning.firstDelayMs * tuning.factor ** Math.max(0, completedTries);
  return Math.min(tuning.maxDelayMs, Math.max(tuning.firstDelayMs, grown));
}

/**
 * The earliest time the site allows a retry (epoch ms), clamped to `now + maxRetryAfterMs`; null without a
 * usable hint. A delta too large for parseRetryAfter (> 24 h) still means "much later": the clamp applies.
 */
export function retryAfterAt(
  value: string | undefined,
  receivedAt: number,
  now: number,
  tuning: WatchTuning,
): number | null {
  if (value === undefined) return null;
  const limit = now + tuning.maxRetryAfterMs;
  const at = parseRetryAfter(value, receivedAt);
  if (at === null) return /^\s*\d+\s*$/.test(value) ? limit : null;
  return Math.min(at, limit);
}

/** When the next try is due, or null when the watch should stop (too many tries, or past its hour). */
export function nextTryAt(
  state: Pick<WatchState, 'startedAt' | 'tries' | 'notBefore'>,
  now: number,
  tuning: WatchTuning,
): number | null {
  if (state.tries >= tuning.maxTries) return null;
  const at = Math.max(now + backoffDelayMs(state.tries, tuning), state.notBefore ?? 0);
  return at > state.startedAt + tuning.maxDurationMs ? null : at;
}

/** A new watch on the tab's incident; the incident's own Retry-After counts from when it was received. */
/** What a watch can follow: the tab's incident (a 5xx, a network failure) or its refusal (a 429). */
export type Watchable = Pick<Incident, 'id' | 'url' | 'headers' | 'lastSeenAt'>;

/** What the tab shows that a watch follows: its incident, else its refusal (a 4xx such as a 429). */
export function watchedOf(record: TabRecord | undefined): Watchable | undefined {
  return record?.incident ?? record?.clientError;
}

export function startWatchState(
  incident: Watchable,
  now: number,
  tuning: WatchTuning,
  reload: boolean,
  id: string,
): WatchState {
  const notBefore = retryAfterAt(incident.headers['retry-after'], incident.lastSeenAt, now, tuning);
  const base = { startedAt: now, tries: 0, ...(notBefore !== null ? { notBefore } : {}) };
  return {
    id,
    incidentId: incident.id,
    url: incident.url,
    status: 'watching',
    reload,
    ...base,
    // At most maxDurationMs away by construction (firstDelay and the clamped hint are both shorter).
    nextTryAt: nextTryAt(base, now, tuning) ?? now + tuning.firstDelayMs,
  };
}

/** Claims the due try (null when not due, or not watching); the stored nextTryAt then covers a lost worker. */
export function claimTry(state: WatchState, now: number, tuning: WatchTuning): WatchState | null {
  if (state.status !== 'watching' || now < state.nextTryAt - EARLY_TOLERANCE_MS) return null;
  return { ...state, tries: state.tries + 1, tryingSince: now, nextTryAt: now + tuning.timeoutMs + LOST_TRY_GRACE_MS };
}

/** 2xx and 3xx: the site answers normally again. */
export function isBackStatus(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status <= 399;
}

/** What a finished try does: back, another try later, or give up. */
export function afterTry(state: WatchState, result: WatchTryResult, now: number, tuning: WatchTuning): WatchState {
  const { tryingSince: _trying, notBefore: _old, ...rest } = state;
  void _trying;
  void _old;
  const lastTry = { at: now, ...result };
  if (isBackStatus(result.status)) return { ...rest, status: 'back', lastTry, endedAt: now };
  const hint = retryAfterAt(result.retryAfter, now, now, tuning);
  const next = { ...rest, lastTry, ...(hint !== null ? { notBefore: hint } : {}) };
  const at = nextTryAt(next, now, tuning);
  return at === null ? { ...next, status: 'gave-up', endedAt: now } : { ...next, nextTryAt: at };
}

/** The watch belongs to what the tab shows now (same incident or refusal, same URL). */
export function isWatchCurrent(record: TabRecord | undefined): boolean {
  const watch = record?.watch;
  const shown = watchedOf(record);
  return !!watch && shown?.id === watch.incidentId && shown.url === watch.url;
}

/** The record's watch when it belongs to what the tab shows now, else undefined (a stale one is not shown). */
export function currentWatch(record: TabRecord | undefined): WatchState | undefined {
  return isWatchCurrent(record) ? record?.watch : undefined;
}

/** "It's back" holds until the tab shows the failure again (a later lastSeenAt). */
export function showsBack(record: TabRecord | undefined): boolean {
  const watch = record?.watch;
  return (
    !!watch &&
    watch.status === 'back' &&
    isWatchCurrent(record) &&
    (watch.endedAt ?? 0) >= watchedOf(record)!.lastSeenAt
  );
}
