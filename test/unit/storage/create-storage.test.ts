// Every stored key of the extension through the seam, against an in-memory browser storage.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createStorage, SETTINGS_MIGRATIONS } from '../../../src/storage/create-storage';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../src/model/settings';
import { HISTORY_KEY } from '../../../src/model/history';
import { DEFAULT_WATCH_TUNING } from '../../../src/knowledge/watch-tuning';

// watch-tuning.ts also builds the background's item on the real browser API (the polyfill refuses to load
// outside an extension): the fake stands in for it; the items under test get the fake passed in.
vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { createWatchTuning, WATCH_TUNING_KEY } = await import('../../../src/storage/watch-tuning');

const api = fakeBrowser.storage;
const storage = { ...createStorage(api), watchTuning: createWatchTuning(api) };

beforeEach(() => fakeBrowser.reset());

describe('createStorage', () => {
  it('each key has its defaults when nothing is stored', async () => {
    expect(await storage.settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(await storage.history.get()).toEqual([]);
    expect(await storage.watchTuning.get()).toEqual(DEFAULT_WATCH_TUNING);
    expect(await storage.tabs.item(1).get()).toBeUndefined();
  });

  it('a default is a fresh copy each time: changing one read never changes the next', async () => {
    const first = await storage.settings.get();
    first.endpoints.connectivity.push('https://changed.example/');
    expect((await storage.settings.get()).endpoints.connectivity).toEqual(DEFAULT_SETTINGS.endpoints.connectivity);
  });

  it('tab records live in storage.session (memory only); settings, history and tuning in storage.local', async () => {
    await storage.tabs.item(4).set({ tabId: 4 });
    await storage.settings.update((s) => ({ ...s, ownerMode: true }));
    await storage.history.set([{ site: 'https://a.example', at: 1, failure: { type: 'http', status: 502 } }]);
    await storage.watchTuning.set({ ...DEFAULT_WATCH_TUNING, firstDelayMs: 1000 });
    expect(Object.keys(await api.session.get(null))).toEqual(['tab:4']);
    expect(Object.keys(await api.local.get(null)).sort()).toEqual([HISTORY_KEY, SETTINGS_KEY, WATCH_TUNING_KEY].sort());
  });

  it('parses what is stored: partial settings over defaults, corrupt history entries dropped, tuning clamped', async () => {
    await api.local.set({
      [SETTINGS_KEY]: { ownerMode: true, checkTimeoutMs: 'soon' },
      [HISTORY_KEY]: [
        { site: 'https://a.example', at: 5, failure: { type: 'http', status: 503 } },
        { site: 'not a site' },
      ],
      [WATCH_TUNING_KEY]: { firstDelayMs: 1 },
    });
    const settings = await storage.settings.get();
    expect([settings.ownerMode, settings.checkTimeoutMs]).toEqual([true, DEFAULT_SETTINGS.checkTimeoutMs]);
    expect(await storage.history.get()).toEqual([
      { site: 'https://a.example', at: 5, failure: { type: 'http', status: 503 } },
    ]);
    expect((await storage.watchTuning.get()).firstDelayMs).toBe(500);
  });

  it('settings are at the current version, with a migration for every older one', () => {
    const versions = Array.from({ length: DEFAULT_SETTINGS.version - 1 }, (_, i) => i + 1);
    expect(versions.filter((v) => !(v in SETTINGS_MIGRATIONS))).toEqual([]);
  });

  it('getMany reads several items with one call per area, values in the order asked', async () => {
    await api.session.set({ 'tab:9': { tabId: 9 } });
    await api.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, historyEnabled: false } });
    const calls: string[] = [];
    const counted = createStorage({
      local: { ...api.local, get: (keys) => (calls.push(`local ${JSON.stringify(keys)}`), api.local.get(keys)) },
      session: {
        ...api.session,
        get: (keys) => (calls.push(`session ${JSON.stringify(keys)}`), api.session.get(keys)),
      },
      onChanged: api.onChanged,
    });
    const [record, settings, history] = await counted.getMany([
      counted.tabs.item(9),
      counted.settings,
      counted.history,
    ]);
    expect(record).toEqual({ tabId: 9 });
    expect((settings as typeof DEFAULT_SETTINGS).historyEnabled).toBe(false);
    expect(history).toEqual([]);
    expect(calls.sort()).toEqual([`local ${JSON.stringify([SETTINGS_KEY, HISTORY_KEY])}`, 'session ["tab:9"]']);
  });
});
