// One value of storage, parsed, and kept live: pages reflect changes made elsewhere (the background
// adding to the history, another open options page) without a reload.
//
// A page can read at start, in one go, every key its parts will show (`preloadStored`). Its parts then
// render from that read and start no storage read of their own once the page is on screen, so no read is
// left in flight when the page goes away: Firefox reports each answer that arrives after its page unloaded
// ("Promise resolved after context unloaded"), and a popup closes whenever focus moves.
import browser from 'webextension-polyfill';
import { useEffect, useMemo, useState } from 'preact/hooks';

type Area = 'local' | 'session';
const UNREAD = Symbol('unread');

/** Raw stored values read at start, by `area:key`, kept current by one listener for the page's life. */
const preloaded = new Map<string, unknown>();
let following = false;

function follow(): void {
  if (following) return;
  following = true;
  browser.storage.onChanged.addListener((changes, area) => {
    for (const [key, change] of Object.entries(changes)) {
      if (preloaded.has(`${area}:${key}`)) preloaded.set(`${area}:${key}`, change.newValue);
    }
  });
}

/** Reads `keys` of `area` once for the whole page; `useStored` on any of them then reads nothing more. */
export async function preloadStored(area: Area, keys: string[]): Promise<Record<string, unknown>> {
  follow();
  const items = await browser.storage[area].get(keys);
  for (const key of keys) preloaded.set(`${area}:${key}`, items[key]);
  return items;
}

/** `undefined` until the first read has finished (at once for a preloaded key). */
export function useStored<T>(key: string, parse: (stored: unknown) => T, area: Area = 'local'): T | undefined {
  const id = `${area}:${key}`;
  const [raw, setRaw] = useState<unknown>(() => (preloaded.has(id) ? preloaded.get(id) : UNREAD));
  useEffect(() => {
    let alive = true;
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, changedArea: string) => {
      const change = changes[key];
      if (changedArea === area && change) setRaw(change.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    if (preloaded.has(id)) {
      // A change between the first render and this listener is in the preloaded value already.
      setRaw(preloaded.get(id));
    } else {
      void browser.storage[area].get(key).then((items) => {
        if (alive) setRaw((current: unknown) => (current === UNREAD ? items[key] : current));
      });
    }
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [id, key, area]);
  return useMemo(() => (raw === UNREAD ? undefined : parse(raw)), [raw, parse]);
}
