// The popup's reads, started by this module's own body: main.tsx imports it first, and module bodies run in
// import order, so the reads are in flight while the rest of the popup's modules evaluate, not after them
// (Firefox answers each API's first use in a page slowly: `npm run bench`, the popup breakdown).
import browser from 'webextension-polyfill';
import type { TabRecord } from '../model/incident';
import { storage } from '../storage/storage';
import { preloadStored } from '../ui/use-stored';
import { gatherReportEnv } from './report-env';
import { POPUP_MARKS } from './timing-marks';
import { readPopupAddress } from '../model/popup-address';

export interface PopupReads {
  /** The tab shown (its id and address), null when there is none. */
  tab: Promise<{ id: number; url: string | undefined } | null>;
  /** The tab's record, read once its id is known (at once when the address names the tab). */
  record: Promise<TabRecord | undefined>;
  /** What the first frame shows besides the record: settings and history (the history line), the footer's note. */
  shown: Promise<unknown>;
  /** Every read started here, the report's environment too (for a click, not for the first frame). */
  all: Promise<unknown>;
  /** Changes to the tab's record from the moment the reads started: those before `listener` came are replayed. */
  followRecord(listener: (record: TabRecord | undefined) => void): () => void;
  /** Stops following the records (the page's reads are done with). */
  stop(): void;
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

/** Starts every read the popup's parts need, all at once: none waits for another's answer. */
export function startPopupReads(): PopupReads {
  performance.mark(POPUP_MARKS.readStart);
  // Followed from the start: a change while the record is read lands after it (the read came first).
  const changes = new Map<number, TabRecord | undefined>();
  const listeners = new Set<(id: number, record: TabRecord | undefined) => void>();
  const stop = storage.tabs.watchAll((id, record) => {
    changes.set(id, record);
    listeners.forEach((listener) => listener(id, record));
  });
  // `?tab=<id>`: the toolbar button of a badged tab, or the popup as a page; otherwise the active tab of this window.
  const param = readPopupAddress(location.search).tabId;
  const tab = resolveTab(param);
  const record = param === null ? tab.then((t) => (t ? readRecord(t.id) : undefined)) : readRecord(param);
  const shown = preloadStored([storage.settings, storage.history, storage.whatsNew]);
  const all = Promise.all([tab, record, shown, gatherReportEnv()]);
  return {
    tab,
    record,
    shown,
    all,
    followRecord(listener) {
      let tabId: number | null = null;
      void tab.then((t) => {
        tabId = t?.id ?? null;
        if (tabId !== null && changes.has(tabId)) listener(changes.get(tabId));
      });
      const forward = (id: number, changed: TabRecord | undefined) => {
        if (id === tabId) listener(changed);
      };
      listeners.add(forward);
      return () => listeners.delete(forward);
    },
    stop,
  };
}

// Only the popup page has an #app root: the welcome page loads the popup's chunk too (scripts/popup-chunk.ts).
let started: PopupReads | null = document.getElementById('app') ? startPopupReads() : null;

/** The reads this page started at load (once), or new ones (a second mount, a test). */
export function takePopupReads(): PopupReads {
  const reads = started ?? startPopupReads();
  started = null;
  return reads;
}
