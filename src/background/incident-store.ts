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

export async function readRecord(tabId: number): Promise<TabRecord | undefined> {
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
    if (next === undefined) await browser.storage.session.remove(tabKey(tabId));
    else await browser.storage.session.set({ [tabKey(tabId)]: next });
    return next;
  });
}

/** Reads the record after any pending update of that tab has been written. */
export function readRecordInOrder(tabId: number): Promise<TabRecord | undefined> {
  return serialized(tabId, () => readRecord(tabId));
}

export function removeRecord(tabId: number): Promise<void> {
  return serialized(tabId, () => browser.storage.session.remove(tabKey(tabId)));
}

export async function allRecords(): Promise<TabRecord[]> {
  const items = await browser.storage.session.get(null);
  return Object.entries(items)
    .filter(([key]) => isTabKey(key))
    .map(([, value]) => value as TabRecord);
}
