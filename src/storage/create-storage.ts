// Every key the extension stores, one typed item each, built on the storage API it is given.
// Tab records live in storage.session (memory only: a private window's incident never reaches disk);
// settings and the history in storage.local. (The watch tuning, read by the background only: ./watch-tuning.ts.)
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';
import { HISTORY_KEY, parseHistory, type HistoryEntry } from '../model/history';
import type { TabRecord } from '../model/incident';
import { WHATS_NEW_KEY, storedNoteKey } from '../model/whats-new';
import type { Area, StorageApi } from './storage-api';
import { storedFamily, storedItem, type StoredFamily, type StoredItem } from './stored-item';
import type { Migrations } from './migrate';

/** How a settings value of each older version becomes the next (none yet: version 1 is the first). */
export const SETTINGS_MIGRATIONS: Migrations = {};

export interface ExtensionStorage {
  settings: StoredItem<Settings>;
  history: StoredItem<HistoryEntry[]>;
  /** The i18n key of the "what's new" line the popup shows after an update, until dismissed; null for none. */
  whatsNew: StoredItem<string | null>;
  /** `tab:<id>`: the tab's incident, last error, challenge and watch; undefined for a tab without one. */
  tabs: StoredFamily<TabRecord | undefined>;
  /** Reads several items with one call per area (a page reads all it shows at once); values in order. */
  getMany(items: readonly StoredItem<unknown>[]): Promise<unknown[]>;
}

export function createStorage(api: StorageApi): ExtensionStorage {
  return {
    settings: storedItem(api, {
      area: 'local',
      key: SETTINGS_KEY,
      defaultValue: () => structuredClone(DEFAULT_SETTINGS),
      parse: mergeSettings,
      version: DEFAULT_SETTINGS.version,
      migrations: SETTINGS_MIGRATIONS,
    }),
    history: storedItem(api, { area: 'local', key: HISTORY_KEY, defaultValue: () => [], parse: parseHistory }),
    whatsNew: storedItem(api, { area: 'local', key: WHATS_NEW_KEY, defaultValue: () => null, parse: storedNoteKey }),
    tabs: storedFamily(api, {
      area: 'session',
      prefix: 'tab:',
      defaultValue: () => undefined,
      parse: (stored) => stored as TabRecord,
    }),
    async getMany(items) {
      const areas = [...new Set(items.map((item) => item.area))];
      const read = await Promise.all(
        areas.map((area) => api[area].get(items.filter((i) => i.area === area).map((i) => i.key))),
      );
      const raw = new Map<Area, Record<string, unknown>>(areas.map((area, i) => [area, read[i] ?? {}]));
      return items.map((item) => item.parse(raw.get(item.area)?.[item.key]));
    },
  };
}
