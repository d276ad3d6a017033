// The incident store: per-tab records (storage.tabs, in storage.session: survives the worker stopping,
// never on disk), with updates of one tab in order and no storage call for a tab without a record.
import type { TabRecord } from '../model/incident';
import { storage } from '../storage/storage';

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

const tabsOf = (read: Promise<Map<number, unknown>>) => read.then((records) => new Set(records.keys()));

function knownTabs(): Promise<Set<number>> {
  tabsWithRecords ??= tabsOf(storage.tabs.all());
  return tabsWithRecords;
}

export async function readRecord(tabId: number): Promise<TabRecord | undefined> {
  if (!(await knownTabs()).has(tabId)) return undefined;
  return storage.tabs.item(tabId).get();
}

/** Applies `update` to the tab's record; writes only when it returns a new value. */
export function updateRecord(tabId: number, update: Updater): Promise<TabRecord | undefined> {
  return serialized(tabId, async () => {
    const current = await readRecord(tabId);
    const next = await update(current);
    if (next === UNCHANGED) return current;
    const known = await knownTabs();
    if (next === undefined) {
      if (known.has(tabId)) await storage.tabs.item(tabId).remove();
      known.delete(tabId);
    } else {
      await storage.tabs.item(tabId).set(next);
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
    await storage.tabs.item(tabId).remove();
    known.delete(tabId);
  });
}

/**
 * Every stored record. The instance's first read also tells which tabs have one: the start-up's read
 * (interrupted steps, watches) then serves a cold worker's first failure, which needs no read of its own.
 * Set when the read is asked for, so an update queued after it still adds its tab to the set.
 */
export async function allRecords(): Promise<TabRecord[]> {
  const read = storage.tabs.all();
  tabsWithRecords ??= tabsOf(read);
  return [...(await read).values()].filter((record): record is TabRecord => record !== undefined);
}
