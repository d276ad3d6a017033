// One value of storage.local, parsed, and kept live: pages reflect changes made elsewhere
// (the background adding to the history, another open options page) without a reload.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';

/** `undefined` until the first read has finished. */
export function useStored<T>(key: string, parse: (stored: unknown) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      const change = changes[key];
      if (area === 'local' && change) setValue(parse(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local.get(key).then((items) => {
      if (alive) setValue((current) => current ?? parse(items[key]));
    });
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key, parse]);
  return value;
}
