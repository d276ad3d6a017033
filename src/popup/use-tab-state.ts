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
function tabParam(): number | null {
  const param = new URLSearchParams(location.search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
}

async function resolveTab(param: number | null): Promise<{ id: number; url: string | undefined } | null> {
  if (param !== null) {
    try {
      const tab = await browser.tabs.get(param);
      return { id: param, url: tab.url };
    } catch {
      return null;
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const readRecord = (tabId: number) => preloadStored([storage.tabs.item(tabId)]).then(([record]) => record);

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
      // Every read the popup's parts need (the record; settings, history and the footer's note for its sections;
      // the report's environment), all asked for at once: none waits for another's answer, and none starts once
      // the popup shows. Only the record needs the tab's id, known at once when the address names the tab.
      const param = tabParam();
      const recordByParam = param === null ? null : readRecord(param);
      const others = Promise.all([
        preloadStored([storage.settings, storage.history, storage.whatsNew]),
        gatherReportEnv(),
      ]);
      const tab = await resolveTab(param);
      // Followed from here: a change while the record is read lands after it (the read came first).
      tabId = tab?.id ?? null;
      const record = await (recordByParam ?? (tab ? readRecord(tab.id) : undefined));
      await others;
      if (!tab) {
        setState((s) => ({ ...s, loading: false }));
        return;
      }
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
