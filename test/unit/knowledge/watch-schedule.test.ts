import { describe, expect, it } from 'vitest';
import {
  afterTry,
  backoffDelayMs,
  claimTry,
  isBackStatus,
  currentWatch,
  isWatchCurrent,
  nextTryAt,
  retryAfterAt,
  showsBack,
  startWatchState,
} from '../../../src/knowledge/watch-schedule';
import { DEFAULT_WATCH_TUNING as T, mergeWatchTuning } from '../../../src/knowledge/watch-tuning';
import type { WatchState } from '../../../src/model/watch';
import type { Incident, TabRecord } from '../../../src/model/incident';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const S = 1000;
const MIN = 60 * S;

const incident = (headers: Record<string, string> = {}, lastSeenAt = NOW): Incident => ({
  id: 'inc-1',
  url: 'https://a.test/page',
  failure: { type: 'http', status: 503, statusLine: 'HTTP/1.1 503' },
  at: lastSeenAt,
  lastSeenAt,
  occurrences: 1,
  headers,
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks: {},
});
const watching = (over: Partial<WatchState> = {}): WatchState => ({
  ...startWatchState(incident(), NOW, T, false, 'w1'),
  ...over,
});

/** Runs the watch against a site that always fails, returning every try time. */
function tryTimes(state: WatchState, fail = { status: 503 }): number[] {
  const times: number[] = [];
  let s = state;
  for (let guard = 0; guard < 500 && s.status === 'watching'; guard++) {
    const claimed = claimTry(s, s.nextTryAt, T)!;
    times.push(s.nextTryAt);
    s = afterTry(claimed, fail, s.nextTryAt + 100, T);
  }
  return times;
}

describe('backoff', () => {
  it('starts near 10–15 s and grows to a few minutes', () => {
    expect(backoffDelayMs(0, T)).toBe(12 * S);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, T))).toEqual([24 * S, 48 * S, 96 * S, 192 * S]);
    expect(backoffDelayMs(5, T)).toBe(5 * MIN);
  });
  it('never goes below the first delay nor above the longest', () => {
    for (let n = 0; n < 60; n++) {
      const d = backoffDelayMs(n, T);
      expect(d).toBeGreaterThanOrEqual(T.firstDelayMs);
      expect(d).toBeLessThanOrEqual(T.maxDelayMs);
      expect(Number.isFinite(d)).toBe(true);
    }
  });
  it('is not decreasing', () => {
    for (let n = 0; n < 30; n++) expect(backoffDelayMs(n + 1, T)).toBeGreaterThanOrEqual(backoffDelayMs(n, T));
  });
});

describe('stop conditions', () => {
  it('gives up within the hour and within the try limit', () => {
    const times = tryTimes(watching());
    expect(times.length).toBeLessThanOrEqual(T.maxTries);
    expect(times.length).toBeGreaterThanOrEqual(10);
    expect(times.at(-1)! - NOW).toBeLessThanOrEqual(T.maxDurationMs);
    expect(times[0]! - NOW).toBe(12 * S);
  });
  it('stops at maxTries even when the hour is not over', () => {
    const tuning = { ...T, firstDelayMs: 1000, maxDelayMs: 1000, maxTries: 5 };
    let s = startWatchState(incident(), NOW, tuning, false, 'w');
    let count = 0;
    while (s.status === 'watching') {
      s = afterTry(claimTry(s, s.nextTryAt, tuning)!, { error: 'network' }, s.nextTryAt, tuning);
      count++;
    }
    expect(count).toBe(5);
    expect(s.status).toBe('gave-up');
  });
  it('returns null once tries are used up or the next slot is past the hour', () => {
    expect(nextTryAt({ startedAt: NOW, tries: T.maxTries }, NOW, T)).toBeNull();
    expect(nextTryAt({ startedAt: NOW, tries: 3 }, NOW + 59 * MIN, T)).toBeNull();
    expect(nextTryAt({ startedAt: NOW, tries: 3 }, NOW, T)).toBe(NOW + 96 * S);
  });
});

describe('Retry-After', () => {
  it('is honoured from the incident: the first try is never earlier than asked', () => {
    const s = startWatchState(incident({ 'retry-after': '120' }), NOW, T, false, 'w');
    expect(s.nextTryAt).toBe(NOW + 120 * S);
  });
  it('counts from when the failing answer arrived, not from when the watch starts', () => {
    const s = startWatchState(incident({ 'retry-after': '120' }, NOW - 100 * S), NOW, T, false, 'w');
    expect(s.nextTryAt).toBe(NOW + 20 * S);
  });
  it('a short hint does not make tries come faster than the backoff', () => {
    const s = startWatchState(incident({ 'retry-after': '1' }), NOW, T, false, 'w');
    expect(s.nextTryAt).toBe(NOW + 12 * S);
  });
  it('accepts an HTTP-date', () => {
    const s = startWatchState(incident({ 'retry-after': 'Wed, 15 Jan 2025 12:03:00 GMT' }), NOW, T, false, 'w');
    expect(s.nextTryAt).toBe(NOW + 3 * MIN);
  });
  it('clamps absurd values (a day, a year, digits beyond parseRetryAfter’s limit)', () => {
    for (const value of ['86400', '31536000', '99999999999']) {
      expect(retryAfterAt(value, NOW, NOW, T)).toBe(NOW + T.maxRetryAfterMs);
    }
  });
  it('ignores malformed values', () => {
    expect(retryAfterAt('soon', NOW, NOW, T)).toBeNull();
    expect(retryAfterAt(undefined, NOW, NOW, T)).toBeNull();
    expect(retryAfterAt('-5', NOW, NOW, T)).toBeNull();
  });
  it('is honoured from a failing try’s answer', () => {
    const claimed = claimTry(watching(), NOW + 12 * S, T)!;
    const after = afterTry(claimed, { status: 503, retryAfter: '300' }, NOW + 13 * S, T);
    expect(after.nextTryAt).toBe(NOW + 13 * S + 300 * S);
    // 429 too: a rate limit is not "back".
    const limited = afterTry(claimed, { status: 429, retryAfter: '90' }, NOW + 13 * S, T);
    expect(limited.status).toBe('watching');
    expect(limited.nextTryAt).toBe(NOW + 13 * S + 90 * S);
  });
  it('a later answer without the header drops the old hint', () => {
    const claimed = claimTry(watching({ notBefore: NOW + 9 * MIN }), NOW + 12 * S, T)!;
    expect(afterTry(claimed, { status: 502 }, NOW + 13 * S, T).notBefore).toBeUndefined();
  });
});

describe('tries', () => {
  it('claims a due try once: a second caller (timer and alarm) gets nothing', () => {
    const s = watching();
    expect(claimTry(s, s.nextTryAt - 5 * S, T)).toBeNull();
    const claimed = claimTry(s, s.nextTryAt, T)!;
    expect(claimed.tries).toBe(1);
    expect(claimed.tryingSince).toBe(s.nextTryAt);
    expect(claimTry(claimed, s.nextTryAt + 1, T)).toBeNull();
    // …but a try lost with its worker becomes due again after its time limit.
    expect(claimTry(claimed, claimed.nextTryAt, T)?.tries).toBe(2);
  });
  it('2xx and 3xx are back; 4xx, 5xx and no answer are not', () => {
    expect([200, 204, 301, 304, 399].every(isBackStatus)).toBe(true);
    expect([undefined, 0, 199, 400, 404, 429, 500, 503, 522].some(isBackStatus)).toBe(false);
  });
  it('a success ends the watch as back', () => {
    const claimed = claimTry(watching({ reload: true }), NOW + 12 * S, T)!;
    const after = afterTry(claimed, { status: 200 }, NOW + 13 * S, T);
    expect(after).toMatchObject({
      status: 'back',
      endedAt: NOW + 13 * S,
      reload: true,
      lastTry: { status: 200, at: NOW + 13 * S },
    });
    expect(after.tryingSince).toBeUndefined();
    expect(claimTry(after, NOW + 99 * MIN, T)).toBeNull();
  });
  it('a failure records the last try and schedules the next', () => {
    const claimed = claimTry(watching(), NOW + 12 * S, T)!;
    const after = afterTry(claimed, { error: 'timeout' }, NOW + 20 * S, T);
    expect(after).toMatchObject({
      status: 'watching',
      tries: 1,
      lastTry: { error: 'timeout', at: NOW + 20 * S },
      nextTryAt: NOW + 44 * S,
    });
  });
});

describe('tuning from storage', () => {
  it('takes valid overrides and bounds the rest', () => {
    expect(mergeWatchTuning({ firstDelayMs: 1000, maxDelayMs: 2000 })).toMatchObject({
      firstDelayMs: 1000,
      maxDelayMs: 2000,
      maxTries: 20,
    });
    expect(mergeWatchTuning({ firstDelayMs: 0, timeoutMs: 1e9, maxTries: 'many' })).toMatchObject({
      firstDelayMs: 500,
      timeoutMs: 60_000,
      maxTries: 20,
    });
    expect(mergeWatchTuning({ firstDelayMs: 60_000, maxDelayMs: 1000 }).maxDelayMs).toBe(60_000);
    expect(mergeWatchTuning(null)).toEqual(T);
    expect(mergeWatchTuning({ firstDelayMs: Number.NaN })).toEqual(T);
  });

  it('counts tries in whole numbers (a fuzz run found 1.0000000000000002 allowing a second try)', () => {
    const tuning = mergeWatchTuning({ maxTries: 1.0000000000000002 });
    expect(tuning.maxTries).toBe(1);
    const first = claimTry(watching(), NOW + 60 * S, tuning)!;
    const after = afterTry(first, { error: 'network' }, NOW + 61 * S, tuning);
    expect(claimTry(after, NOW + 3600 * S, tuning)).toBeNull();
  });
});

describe('which watch is current', () => {
  const record = (watch: WatchState, inc: Incident | null = incident()): TabRecord => ({
    tabId: 1,
    watch,
    ...(inc ? { incident: inc } : {}),
  });
  it('belongs to the incident the tab shows', () => {
    expect(isWatchCurrent(record(watching()))).toBe(true);
    expect(isWatchCurrent(record(watching(), null))).toBe(false);
    expect(isWatchCurrent(record(watching(), { ...incident(), id: 'other' }))).toBe(false);
    expect(isWatchCurrent(record(watching(), { ...incident(), url: 'https://b.test/' }))).toBe(false);
    expect(isWatchCurrent({ tabId: 1, incident: incident() })).toBe(false);
  });
  it('the popup is given the current watch only, never one left from an earlier incident', () => {
    const w = watching();
    expect(currentWatch(record(w))).toBe(w);
    expect(currentWatch(record(w, { ...incident(), id: 'other' }))).toBeUndefined();
    expect(currentWatch(undefined)).toBeUndefined();
  });
  it('shows "back" until the tab fails again', () => {
    const back = { ...watching(), status: 'back' as const, endedAt: NOW + MIN };
    expect(showsBack(record(back))).toBe(true);
    expect(showsBack(record(back, { ...incident(), lastSeenAt: NOW + 2 * MIN }))).toBe(false);
    expect(showsBack(record(watching()))).toBe(false);
  });
});
