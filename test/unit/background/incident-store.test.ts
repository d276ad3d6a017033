// Which tabs have a record is read once per worker instance: the start-up's read of every record serves
// the first failure too (a cold worker's first record needs no read of its own), and it stays in step
// with the writes queued after it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
type Store = typeof import('../../../src/background/incident-store');
let store: Store;

const stored = (tabId: number): TabRecord => ({ tabId });

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules(); // a fresh worker instance: nothing known yet
  store = await import('../../../src/background/incident-store');
});
afterEach(() => vi.restoreAllMocks());

describe('the tabs with a record', () => {
  it("are taken from the start-up's read: the first update then reads only its own tab's record", async () => {
    await fakeBrowser.storage.session.set({ 'tab:4': stored(4) });
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect((await store.allRecords()).map((r) => r.tabId)).toEqual([4]);
    expect(get).toHaveBeenCalledTimes(1);
    await store.updateRecord(7, () => stored(7)); // a tab without a record: nothing to read
    expect(get).toHaveBeenCalledTimes(1);
    await store.updateRecord(4, (r) => r && { ...r }); // one with a record: read it
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('an update asked for while that read is under way still counts its tab', async () => {
    const records = store.allRecords();
    const written = store.updateRecord(5, () => stored(5));
    await Promise.all([records, written]);
    // Known now: removing it must reach storage (a tab the set forgot would keep its record).
    await store.removeRecord(5);
    expect(await fakeBrowser.storage.session.get('tab:5')).toEqual({});
  });

  it('without a start-up read, the first update reads which tabs have one itself', async () => {
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    await store.updateRecord(3, () => stored(3));
    expect(get).toHaveBeenCalledTimes(1);
    expect((await store.readRecordInOrder(3))?.tabId).toBe(3);
  });
});
