// The item and family against an in-memory browser storage, passed in as the seam's one object.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { storedFamily, storedItem } from '../../../src/storage/stored-item';

const api = fakeBrowser.storage;
const counter = () =>
  storedItem(api, {
    area: 'local',
    key: 'counter',
    defaultValue: () => ({ version: 2, count: 0 }),
    parse: (stored) => stored as { version: number; count: number },
    version: 2,
    migrations: { 1: (old) => ({ count: Number(old.n) }) },
  });

beforeEach(() => fakeBrowser.reset());

describe('storedItem', () => {
  it('reads its default when nothing is stored, and what was set afterwards', async () => {
    const item = counter();
    expect(await item.get()).toEqual({ version: 2, count: 0 });
    await item.set({ version: 2, count: 5 });
    expect(await api.local.get('counter')).toEqual({ counter: { version: 2, count: 5 } });
    expect(await item.get()).toEqual({ version: 2, count: 5 });
    await item.remove();
    expect(await api.local.get(null)).toEqual({});
  });

  it('migrates a value stored by an older version when reading it', async () => {
    await api.local.set({ counter: { version: 1, n: '7' } });
    expect(await counter().get()).toEqual({ version: 2, count: 7 });
  });

  it('writes only to its own area', async () => {
    const item = storedItem(api, { area: 'session', key: 'k', defaultValue: () => 0, parse: Number });
    await item.set(3);
    expect(await api.local.get(null)).toEqual({});
    expect(await api.session.get(null)).toEqual({ k: 3 });
  });

  it('update reads what is stored now, changes it and writes it back', async () => {
    const item = counter();
    await api.local.set({ counter: { version: 2, count: 1 } });
    expect(await item.update((c) => ({ ...c, count: c.count + 1 }))).toEqual({ version: 2, count: 2 });
    expect(await item.get()).toEqual({ version: 2, count: 2 });
  });

  it('watch sees changes of its key in its area only, parsed, until unsubscribed', async () => {
    const item = counter();
    const seen = vi.fn();
    const stop = item.watch(seen);
    await api.session.set({ counter: { version: 2, count: 9 } }); // other area
    await api.local.set({ other: 1 }); // other key
    await api.local.set({ counter: { version: 1, n: '3' } });
    await item.remove();
    stop();
    await item.set({ version: 2, count: 4 });
    expect(seen.mock.calls).toEqual([[{ version: 2, count: 3 }], [{ version: 2, count: 0 }]]);
  });

  it('calls the area method looked up at call time (a wrapper put on it later sees the write)', async () => {
    const item = counter();
    const set = vi.spyOn(api.local, 'set');
    await item.set({ version: 2, count: 1 });
    expect(set).toHaveBeenCalledWith({ counter: { version: 2, count: 1 } });
  });
});

describe('storedFamily', () => {
  const tabs = () =>
    storedFamily(api, {
      area: 'session',
      prefix: 'tab:',
      defaultValue: () => undefined,
      parse: (s) => s as { n: number },
    });

  it('keeps each member under its own key and lists them all', async () => {
    const family = tabs();
    await family.item(1).set({ n: 1 });
    await family.item(22).set({ n: 22 });
    await api.session.set({ 'tab:x': { n: -1 }, other: { n: -2 } });
    expect(await api.session.get('tab:22')).toEqual({ 'tab:22': { n: 22 } });
    expect([...(await family.all())]).toEqual([
      [1, { n: 1 }],
      [22, { n: 22 }],
    ]);
    expect(await family.item(3).get()).toBeUndefined();
  });

  it('names the id of a key, or none', () => {
    const family = tabs();
    expect(family.idOf('tab:42')).toBe(42);
    expect([family.idOf('tab:'), family.idOf('tab:4x'), family.idOf('settings')]).toEqual([null, null, null]);
  });

  it('watchAll reports each member that changed, with its id', async () => {
    const family = tabs();
    const seen = vi.fn();
    const stop = family.watchAll(seen);
    await api.session.set({ 'tab:5': { n: 5 }, unrelated: 1 });
    await api.local.set({ 'tab:6': { n: 6 } });
    await family.item(5).remove();
    stop();
    await family.item(7).set({ n: 7 });
    expect(seen.mock.calls).toEqual([
      [5, { n: 5 }],
      [5, undefined],
    ]);
  });
});
