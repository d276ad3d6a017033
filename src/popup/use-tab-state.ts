// Loads the tab the popup is about and keeps its record live (storage.tabs, watched).
import browser from 'webextension-polyfill';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { TabRecord } from '../model/incident';
import type { LiveStatus, Message } from '../model/messages';
import { storage } from '../storage/storage';
import { preloadStored } from '../ui/use-stored';
import { gatherReportEnv } from './report-env';
import { POPUP_MARKS } from './timing-marks';

export interface TabState {
  loading: boolean;
  tabId: number | null;
  url: string | undefined;
  record: TabRecord | undefined;
  /** null while the background is asked (healthy tabs only). */
  live: LiveStatus | null;
}

/** `popup.html?tab=<id>` shows that tab (tests, "open in a tab"); otherwise the active tab of this window. */
async function resolveTab(): Promise<{ id: number; url: string | undefined } | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    try {
      const tab = await browser.tabs.get(Number(param));
      return { id: Number(param), url: tab.url };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

export function useTabState(): TabState {
  const [state, setState] = useState<TabState>({
    loading: true,
    tabId: null,
    url: undefined,
    record: undefined,
    live: null,
  });

  // A layout effect starts the reads as soon as the busy shell is in the DOM, not a frame later after its
  // paint: the popup shows its explanation one frame sooner (measured by `npm run bench`).
  useLayoutEffect(() => {
    let tabId: number | null = null;
    const stop = storage.tabs.watchAll((id, record) => {
      if (id === tabId) setState((s) => ({ ...s, record }));
    });

    void (async () => {
      performance.mark(POPUP_MARKS.readStart);
      const tab = await resolveTab();
      if (!tab) {
        setState((s) => ({ ...s, loading: false }));
        return;
      }
      tabId = tab.id;
      // Every read the popup's parts need (the record; settings, history and the footer's note for its sections), at once:
      // none of them starts its own once the popup shows.
      const [[record]] = await Promise.all([
        preloadStored([storage.tabs.item(tab.id), storage.settings, storage.history, storage.whatsNew]),
        gatherReportEnv(),
      ]);
      performance.mark(POPUP_MARKS.readEnd);
      // Only a healthy tab needs the in-memory status; never make an error wait for the worker to wake.
      setState({ loading: false, tabId: tab.id, url: tab.url, record, live: record?.incident ? {} : null });
      if (!record?.incident) {
        const message: Message = { type: 'get-live-status', tabId: tab.id };
        const live = (await browser.runtime.sendMessage(message).catch(() => ({}))) as LiveStatus | undefined;
        setState((s) => ({ ...s, live: live ?? {} }));
      }
    })();
    return stop;
  }, []);

  return state;
}
