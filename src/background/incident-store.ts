// The one typed store of per-tab records in storage.session (survives the worker stopping; never on disk).
import browser from 'webextension-polyfill';
import { isTabKey, tabKey, type TabRecord } from '../model/incident';

type Updated = TabRecord | undefined | typeof UNCHANGED;
type Updater = (current: TabRecord | undefined) => Updated | Promise<Updated>;
export const UNCHANGED = Symbol('unchanged');

// Updates to one tab run one after another: several checks finish at once and each
// read-modify-write must see the previous one. Only ordering lives here, never state.
const queues = new Map<number, Promise<unknown>>();

function serialized<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return next;
}

// Which tabs have a record, read from storage once per worker instance and kept in step by the writes
// below (only this module writes tab records). A healthy navigation in a tab without a record then
// costs no storage call at all. Derived from storage, so losing it with the worker loses nothing.
let tabsWithRecords: Promise<Set<number>> | null = null;

function knownTabs(): Promise<Set<number>> {
  tabsWithRecords ??= browser.storage.session
    .get(null)
    .then((items) => new Set(Object.keys(items).filter(isTabKey).map((key) => Number(key.slice('tab:'.length)))));
  return tabsWithRecords;
}

export async function readRecord(tabId: number): Promise<TabRecord | undefined> {
  if (!(await knownTabs()).has(tabId)) return undefined;
  const key = tabKey(tabId);
  const items = await browser.storage.session.get(key);
  return items[key] as TabRecord | undefined;
}

/** Applies `update` to the tab's record; writes only when it returns a new value. */
export function updateRecord(tabId: number, update: Updater): Promise<TabRecord | undefined> {
  return serialized(tabId, async () => {
    const current = await readRecord(tabId);
    const next = await update(current);
    if (next === UNCHANGED) return current;
    const known = await knownTabs();
    if (next === undefined) {
      if (known.has(tabId)) await browser.storage.session.remove(tabKey(tabId));
      known.delete(tabId);
    } else {
      await browser.storage.session.set({ [tabKey(tabId)]: next });
      known.add(tabId);
    }
    return next;
  });
}

/** Reads the record after any pending update of that tab has been written. */
export function readRecordInOrder(tabId: number): Promise<TabRecord | undefined> {
  return serialized(tabId, () => readRecord(tabId));
}

export function removeRecord(tabId: number): Promise<void> {
  return serialized(tabId, async () => {
    const known = await knownTabs();
    if (!known.has(tabId)) return;
    await browser.storage.session.remove(tabKey(tabId));
    known.delete(tabId);
  });
}

export async function allRecords(): Promise<TabRecord[]> {
  const items = await browser.storage.session.get(null);
  return Object.entries(items)
    .filter(([key]) => isTabKey(key))
    .map(([, value]) => value as TabRecord);
}
