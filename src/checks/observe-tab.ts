// Waits for a tab's next top-level result after a step made it load (reload, clear data, private window).
// Failures land in the tab's record in storage.session (the detector writes them); a healthy load is seen
// as the incident moving to `lastError`, or — for a tab without an incident, whose healthy loads are never
// stored — straight from webRequest.onCompleted.
import browser, { type WebRequest } from 'webextension-polyfill';
import type { Failure } from '../model/failure';
import type { TabRecord } from '../model/incident';
import { storage } from '../storage/storage';
import { isServerErrorStatus, isTopLevelNavigation } from '../knowledge/classify-navigation';

export type TabLoad =
  | { kind: 'failed'; failure: Failure; incidentId: string }
  | { kind: 'loaded'; status: number }
  /** A bot check (Cloudflare/Vercel challenge) answered instead of the page. */
  | { kind: 'challenge'; status: number };

export interface TabWatch {
  /** Only results seen at or after this time count (epoch ms, taken before the load was started). */
  since: number;
  /** The incident the tab had; its move to `lastError` means the page loaded. */
  incidentId?: string;
}

/**
 * Pure: the tab's new result, if the record shows one since `watch.since`. Only these fields count —
 * the record also changes whenever a step writes its own progress into it.
 */
export function tabLoadFromRecord(record: TabRecord | undefined, watch: TabWatch): TabLoad | null {
  if (!record) return null;
  const { incident, lastError, challenge } = record;
  if (incident && incident.lastSeenAt >= watch.since)
    return { kind: 'failed', failure: incident.failure, incidentId: incident.id };
  if (challenge && challenge.at >= watch.since) return { kind: 'challenge', status: challenge.status };
  const ended =
    lastError &&
    lastError.endedAt >= watch.since &&
    (watch.incidentId === undefined || lastError.id === watch.incidentId);
  if (ended && !incident) return { kind: 'loaded', status: lastError.recoveredStatus ?? 200 };
  return null;
}

/** Pure: a webRequest completion of the tab's page that is not a server error means it loaded. */
export function tabLoadFromCompletion(details: WebRequest.OnCompletedDetailsType, tabId: number): TabLoad | null {
  if (details.tabId !== tabId || !isTopLevelNavigation(details)) return null;
  return isServerErrorStatus(details.statusCode) ? null : { kind: 'loaded', status: details.statusCode };
}

export interface ObserveOptions {
  /** The tab to watch; a promise when the tab is being created (events that come first are kept). */
  tabId: number | Promise<number>;
  watch: TabWatch;
  signal: AbortSignal;
  /** How long to wait before giving up with `null`. */
  waitMs: number;
}

/** Resolves with the tab's next result, or null after `waitMs` / on abort. Every listener goes in finally. */
export async function observeTab({ tabId, watch, signal, waitMs }: ObserveOptions): Promise<TabLoad | null> {
  let known: number | undefined = typeof tabId === 'number' ? tabId : undefined;
  const completions: WebRequest.OnCompletedDetailsType[] = [];
  let settle: (load: TabLoad | null) => void = () => {};
  const done = new Promise<TabLoad | null>((resolve) => (settle = resolve));

  const onRecord = (id: number, record: TabRecord | undefined) => {
    if (id !== known) return;
    const load = tabLoadFromRecord(record, watch);
    if (load) settle(load);
  };
  const onCompleted = (details: WebRequest.OnCompletedDetailsType) => {
    if (known === undefined) completions.push(details);
    else {
      const load = tabLoadFromCompletion(details, known);
      if (load) settle(load);
    }
  };
  const onAbort = () => settle(null);
  const timer = setTimeout(() => settle(null), waitMs);

  const stopWatchingRecords = storage.tabs.watchAll(onRecord);
  browser.webRequest.onCompleted.addListener(onCompleted, { urls: ['<all_urls>'], types: ['main_frame'] });
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) return null;
    if (known === undefined) {
      known = await Promise.race([tabId, done.then(() => undefined)]);
      if (known === undefined) return await done;
      for (const details of completions.splice(0)) {
        const load = tabLoadFromCompletion(details, known);
        if (load) settle(load);
      }
    }
    // The result may have landed before the listener was added.
    const already = tabLoadFromRecord(await storage.tabs.item(known).get(), watch);
    if (already) settle(already);
    return await done;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    stopWatchingRecords();
    browser.webRequest.onCompleted.removeListener(onCompleted);
  }
}
