// "Tell me when it's back": re-checks a failing tab's URL on a backoff schedule until it answers.
// The watch lives in the tab's record (storage.session); the timing in browser.alarms, so a stopped
// worker or suspended event page goes on where it left off.
import browser from 'webextension-polyfill';
import type { TabRecord } from '../model/incident';
import { afterTry, claimTry, isWatchCurrent, startWatchState, watchedOf } from '../knowledge/watch-schedule';
import type { WatchState } from '../model/watch';
import { UNCHANGED, updateRecord } from './incident-store';
import { storage } from '../storage/storage';
import { watchTuning } from '../storage/watch-tuning';
import { probeUrl } from './watch-probe';
import { announceBack, clearBackNotification } from './watch-notify';
import { showBadge } from './badge';

const ALARM_PREFIX = 'watch:';
const alarmName = (tabId: number): string => `${ALARM_PREFIX}${tabId}`;

// Chrome fires a packed MV3 extension's alarm no sooner than 30 s after it is set (1 s when unpacked).
// A worker lives ~30 s after its last event, so a shorter wait also gets an in-memory timer; the alarm
// stays as the backup when the worker is stopped first. Whichever comes first claims the try.
const ALARM_FLOOR_MS = 30_000;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function setTimer(tabId: number, at: number): void {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  const wait = at - Date.now();
  if (wait >= ALARM_FLOOR_MS) return;
  timers.set(
    tabId,
    setTimeout(
      () => {
        timers.delete(tabId);
        void runDueTry(tabId);
      },
      Math.max(0, wait),
    ),
  );
}

async function arm(tabId: number, at: number): Promise<void> {
  await browser.alarms.create(alarmName(tabId), { when: at });
  setTimer(tabId, at);
}

async function disarm(tabId: number): Promise<void> {
  clearTimeout(timers.get(tabId));
  timers.delete(tabId);
  await browser.alarms.clear(alarmName(tabId));
}

const withoutWatch = (record: TabRecord): TabRecord => {
  const { watch: _watch, ...rest } = record;
  void _watch;
  return rest;
};

/** Starts (or restarts) watching the tab's current incident or refusal (a 429); false when the tab shows neither. */
export async function startWatch(tabId: number, reload?: boolean): Promise<boolean> {
  const [settings, tuning] = await Promise.all([storage.settings.get(), watchTuning.get()]);
  const now = Date.now();
  let started: WatchState | undefined;
  const record = await updateRecord(tabId, (r) => {
    const shown = watchedOf(r);
    if (!r || !shown) return UNCHANGED;
    started = startWatchState(shown, now, tuning, reload ?? settings.reloadWhenBack, crypto.randomUUID());
    return { ...r, watch: started };
  });
  if (!started) return false;
  await clearBackNotification(tabId);
  await arm(tabId, started.nextTryAt);
  await showBadge(tabId, record);
  return true;
}

export async function stopWatch(tabId: number): Promise<void> {
  await disarm(tabId);
  const record = await updateRecord(tabId, (r) => (r?.watch ? withoutWatch(r) : UNCHANGED));
  await showBadge(tabId, record);
}

/** The tab is gone: its record goes with it (tab-lifecycle), only the alarm and notification are left. */
export async function forgetWatch(tabId: number): Promise<void> {
  await disarm(tabId);
  await clearBackNotification(tabId);
}

/** Runs the tab's try if it is due (from the alarm, the timer, or both: only one claims it). */
export async function runDueTry(tabId: number): Promise<void> {
  const tuning = await watchTuning.get();
  let claimed: WatchState | undefined;
  const record = await updateRecord(tabId, (r) => {
    if (!r?.watch) return UNCHANGED;
    // The tab moved on (recovered, other URL, new incident): the watch ends without another request.
    if (!isWatchCurrent(r)) return withoutWatch(r);
    claimed = claimTry(r.watch, Date.now(), tuning) ?? undefined;
    return claimed ? { ...r, watch: claimed } : UNCHANGED;
  });
  const watch = record?.watch;
  if (!claimed) {
    // Not due yet (an early timer, or the other path claimed it): keep one alarm; otherwise clean up.
    if (watch?.status === 'watching') await arm(tabId, watch.nextTryAt);
    else await disarm(tabId);
    return;
  }
  await arm(tabId, claimed.nextTryAt); // the backup if this worker stops mid-try

  const result = await probeUrl(claimed.url, tuning.timeoutMs);
  let after: WatchState | undefined;
  const id = claimed.id;
  const updated = await updateRecord(tabId, (r) => {
    // Stopped, restarted or made stale while the request ran: that newer state wins.
    if (r?.watch?.id !== id || r.watch.status !== 'watching' || !isWatchCurrent(r)) return UNCHANGED;
    after = afterTry(r.watch, result, Date.now(), tuning);
    return { ...r, watch: after };
  });
  if (!after) return;
  if (after.status === 'watching') return arm(tabId, after.nextTryAt);
  await disarm(tabId);
  if (after.status === 'back') await announceBack(tabId, after, updated);
}

export function onAlarm(alarm: { name: string }): void {
  if (!alarm.name.startsWith(ALARM_PREFIX)) return;
  const tabId = Number(alarm.name.slice(ALARM_PREFIX.length));
  if (Number.isInteger(tabId)) void runDueTry(tabId);
}

/**
 * Start-up of every worker / event page: each stored watch gets its alarm back if it was lost (Firefox
 * keeps no alarms across a browser restart, Chrome drops them on disable/enable) and its short timer back
 * (timers die with the worker); alarms left without a watch (Chrome keeps alarms across a browser
 * restart, storage.session does not) are cleared. `stored`: the start-up's one read of every record.
 */
export async function resumeWatches(stored: Promise<readonly TabRecord[]>): Promise<void> {
  const [records, alarms] = await Promise.all([stored, browser.alarms.getAll()]);
  const watching = new Set<number>();
  for (const record of records) {
    const watch = record.watch;
    if (watch?.status !== 'watching') continue;
    if (!isWatchCurrent(record)) {
      await updateRecord(record.tabId, (r) => (r?.watch?.id === watch.id ? withoutWatch(r) : UNCHANGED));
      continue;
    }
    watching.add(record.tabId);
    // Re-creating an existing alarm could push it back (Chrome clamps `when` to ≥ 30 s when packed).
    if (!alarms.some((a) => a.name === alarmName(record.tabId)))
      await browser.alarms.create(alarmName(record.tabId), { when: watch.nextTryAt });
    setTimer(record.tabId, watch.nextTryAt);
  }
  for (const alarm of alarms) {
    if (!alarm.name.startsWith(ALARM_PREFIX)) continue;
    const tabId = Number(alarm.name.slice(ALARM_PREFIX.length));
    if (!watching.has(tabId)) await browser.alarms.clear(alarm.name);
  }
}
