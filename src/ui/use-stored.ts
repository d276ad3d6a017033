// One stored item (src/storage/), kept live: pages reflect changes made elsewhere (the background adding
// to the history, another open options page) without a reload.
//
// A page can read at start, in one go, every item its parts will show (`preloadStored`). Its parts then
// render from that read and start no storage read of their own once the page is on screen, so no read is
// left in flight when the page goes away: Firefox reports each answer that arrives after its page unloaded
// ("Promise resolved after context unloaded"), and a popup closes whenever focus moves.
import { useEffect, useState } from 'preact/hooks';
import { storage } from '../storage/storage';
import type { StoredItem } from '../storage/stored-item';

const UNREAD = Symbol('unread');

/** Values read at start, by item id, kept current by one watch per item for the page's life. */
const preloaded = new Map<string, unknown>();
const followed = new Set<string>();

type Values<T extends readonly StoredItem<unknown>[]> = {
  [K in keyof T]: T[K] extends StoredItem<infer V> ? V : never;
};

/** Reads `items` once for the whole page (one call per area); `useStored` on any of them then reads nothing more. */
export async function preloadStored<const T extends readonly StoredItem<unknown>[]>(items: T): Promise<Values<T>> {
  for (const item of items) {
    if (followed.has(item.id)) continue;
    followed.add(item.id);
    item.watch((value) => preloaded.set(item.id, value));
  }
  const values = await storage.getMany(items);
  items.forEach((item, i) => preloaded.set(item.id, values[i]));
  return values as Values<T>;
}

/** `undefined` until the first read has finished (at once for a preloaded item). */
export function useStored<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T | typeof UNREAD>(() =>
    preloaded.has(item.id) ? (preloaded.get(item.id) as T) : UNREAD,
  );
  useEffect(() => {
    let alive = true;
    const stop = item.watch((next) => setValue(() => next));
    if (preloaded.has(item.id)) {
      // A change between the first render and this watch is in the preloaded value already.
      setValue(() => preloaded.get(item.id) as T);
    } else {
      void item.get().then((read) => {
        if (alive) setValue((current) => (current === UNREAD ? read : current));
      });
    }
    return () => {
      alive = false;
      stop();
    };
    // The item is rebuilt on each render (storage.tabs.item(id)); its id says whether it is another one.
  }, [item.id]);
  return value === UNREAD ? undefined : value;
}
