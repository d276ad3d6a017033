// Step "reload": loads the page again past the browser's cache and reports what came back.
import browser from 'webextension-polyfill';
import type { Check, CheckContext, CheckOutput } from './check';
import { observeTab, type TabLoad } from './observe-tab';
import { timeLeftMs } from './time-left';
import { interpretTabLoad } from './tab-load-result';

/** Reloads the tab past its cache and waits for the result (shared with clear-site-data). */
export async function reloadAndObserve(context: CheckContext, waitMs: number): Promise<TabLoad | null> {
  const watch = { since: Date.now(), incidentId: context.incident.id };
  const stop = new AbortController();
  // Listen first, then reload: a fast local error can land before the reload call returns.
  const observing = observeTab({
    tabId: context.tabId,
    watch,
    signal: AbortSignal.any([context.signal, stop.signal]),
    waitMs,
  });
  try {
    await browser.tabs.reload(context.tabId, { bypassCache: true });
  } catch (error) {
    stop.abort();
    await observing;
    throw error;
  }
  return observing;
}

export const reload: Check = {
  id: 'reload',
  automatic: true,
  async run(context: CheckContext): Promise<CheckOutput> {
    context.progress('progressReloading');
    const load = await reloadAndObserve(context, timeLeftMs(context));
    return interpretTabLoad('reload', load, context.incident.failure);
  },
};
