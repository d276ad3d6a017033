// Loads the tab the popup is about and keeps its record live (storage.tabs, watched), from the reads the page
// started as it loaded (./popup-reads.ts).
import browser from 'webextension-polyfill';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { TabRecord } from '../model/incident';
import type { LiveStatus, Message } from '../model/messages';
import { takePopupReads } from './popup-reads';
import { POPUP_MARKS } from './timing-marks';

export interface TabState {
  loading: boolean;
  tabId: number | null;
  url: string | undefined;
  record: TabRecord | undefined;
  /** null while the background is asked (healthy tabs only). */
  live: LiveStatus | null;
  /** Every read the popup started has answered (the report's environment too, which the first frame does not wait for). */
  settled: boolean;
}

export function useTabState(): TabState {
  const [state, setState] = useState<TabState>({
    loading: true,
    tabId: null,
    url: undefined,
    record: undefined,
    live: null,
    settled: false,
  });

  // A layout effect takes the reads as soon as the busy shell is in the DOM, not a frame later after its paint.
  useLayoutEffect(() => {
    const reads = takePopupReads();
    let alive = true;
    let unfollow = () => {};
    void reads.all.then(
      () => alive && setState((s) => ({ ...s, settled: true })),
      () => alive && setState((s) => ({ ...s, settled: true })),
    );
    void (async () => {
      // The first frame waits only for what it shows: the tab, its record, and settings and history (the
      // history line). The report's environment is for a click: Firefox's first use of each API in a page is slow.
      const [tab, record] = await Promise.all([reads.tab, reads.record, reads.shown]);
      if (!alive) return;
      if (!tab) {
        setState((s) => ({ ...s, loading: false }));
        return;
      }
      performance.mark(POPUP_MARKS.readEnd);
      // Only a healthy tab needs the in-memory status; never make an error wait for the worker to wake.
      setState((s) => ({
        ...s,
        loading: false,
        tabId: tab.id,
        url: tab.url,
        record,
        live: record?.incident ? {} : null,
      }));
      unfollow = reads.followRecord((changed) => setState((s) => ({ ...s, record: changed })));
      if (!record?.incident) {
        const message: Message = { type: 'get-live-status', tabId: tab.id };
        const live = (await browser.runtime.sendMessage(message).catch(() => ({}))) as LiveStatus | undefined;
        if (alive) setState((s) => ({ ...s, live: live ?? {} }));
      }
    })();
    return () => {
      alive = false;
      unfollow();
      reads.stop();
    };
  }, []);

  return state;
}
