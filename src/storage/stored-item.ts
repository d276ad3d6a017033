// One typed storage key: read (parsed, with its default), write, watch. A family is a set of keys under
// one prefix (`tab:<id>`), each an item of its own. Every call looks the area up on the API at call time,
// so a wrapper put on storage.session.set (the bench's write counter, a test's spy) sees it.
import type { Area, StorageApi } from './storage-api';
import { migrate, type Migrations } from './migrate';

// A removed key's change has no newValue (null in some fakes); nothing the extension stores is null.
const missing = (stored: unknown): boolean => stored === undefined || stored === null;

export interface ItemSpec<T> {
  area: Area;
  key: string;
  /** What a missing key reads as. */
  defaultValue: () => T;
  /** A stored value (possibly old or corrupt) → a usable one. */
  parse: (stored: unknown) => T;
  /** The current `version` of the value and the migrations up to it (values without one skip this). */
  version?: number;
  migrations?: Migrations;
}

export interface StoredItem<T> {
  readonly area: Area;
  readonly key: string;
  /** `area:key`: one name for the item across the page (caches, hook dependencies). */
  readonly id: string;
  /** A raw stored value → the typed one: default when missing, migrated, parsed. */
  parse(stored: unknown): T;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** Read-modify-write from what is stored now, so a change made meanwhile elsewhere is not undone. */
  update(change: (current: T) => T): Promise<T>;
  /** Calls `listener` with the new value on every change made anywhere; returns the unsubscribe. */
  watch(listener: (value: T) => void): () => void;
}

export function storedItem<T>(api: StorageApi, spec: ItemSpec<T>): StoredItem<T> {
  const { area, key } = spec;
  const parse = (stored: unknown): T =>
    missing(stored)
      ? spec.defaultValue()
      : spec.parse(spec.version === undefined ? stored : migrate(stored, spec.version, spec.migrations ?? {}));
  return {
    area,
    key,
    id: `${area}:${key}`,
    parse,
    get: async () => parse((await api[area].get(key))[key]),
    set: (value) => api[area].set({ [key]: value }),
    remove: () => api[area].remove(key),
    async update(change) {
      const next = change(parse((await api[area].get(key))[key]));
      await api[area].set({ [key]: next });
      return next;
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        const change = changes[key];
        if (changedArea === area && change) listener(parse(change.newValue));
      };
      api.onChanged.addListener(onChanged);
      return () => api.onChanged.removeListener(onChanged);
    },
  };
}

export interface FamilySpec<T> {
  area: Area;
  /** Keys are `${prefix}${id}`, id a non-negative integer. */
  prefix: string;
  defaultValue: () => T;
  parse: (stored: unknown) => T;
}

export interface StoredFamily<T> {
  readonly area: Area;
  item(id: number): StoredItem<T>;
  /** The id a key names, or null for a key outside the family. */
  idOf(key: string): number | null;
  /** Every stored member, by id (one read of the whole area). */
  all(): Promise<Map<number, T>>;
  /** Calls `listener` on every change of any member; returns the unsubscribe. */
  watchAll(listener: (id: number, value: T) => void): () => void;
}

export function storedFamily<T>(api: StorageApi, spec: FamilySpec<T>): StoredFamily<T> {
  const { area, prefix } = spec;
  const parse = (stored: unknown): T => (missing(stored) ? spec.defaultValue() : spec.parse(stored));
  const idOf = (key: string): number | null => {
    if (!key.startsWith(prefix)) return null;
    const rest = key.slice(prefix.length);
    return /^\d+$/.test(rest) ? Number(rest) : null;
  };
  return {
    area,
    idOf,
    item: (id) => storedItem(api, { area, key: `${prefix}${id}`, defaultValue: spec.defaultValue, parse: spec.parse }),
    async all() {
      const items = await api[area].get(null);
      const members = new Map<number, T>();
      for (const [key, value] of Object.entries(items)) {
        const id = idOf(key);
        if (id !== null) members.set(id, parse(value));
      }
      return members;
    },
    watchAll(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea !== area) return;
        for (const [key, change] of Object.entries(changes)) {
          const id = idOf(key);
          if (id !== null) listener(id, parse(change.newValue));
        }
      };
      api.onChanged.addListener(onChanged);
      return () => api.onChanged.removeListener(onChanged);
    },
  };
}
