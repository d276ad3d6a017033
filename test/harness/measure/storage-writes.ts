// Counts every storage write the extension makes: wraps set/remove/clear of storage.session and
// storage.local in the service worker (webextension-polyfill looks the method up on each call, so the
// wrapper sees every call, even one that changes nothing) and logs storage.onChanged from any context.
// Shared by `npm run bench` and test/e2e/budgets.e2e.ts.
import type { Worker } from 'playwright-core';
import type { ChromeApi } from '../chrome-api';

declare const chrome: ChromeApi;

export interface StorageWrite {
  /** `session.set`, `local.remove`, … or `changed.session` for an onChanged event. */
  what: string;
  keys: string[];
}

interface WriteLog {
  marker: string;
  writes: StorageWrite[];
}

const LOG = '__benchStorageWrites';

/** Starts counting; returns a reader that fails if the worker restarted since (the wrappers would be gone). */
export async function countStorageWrites(worker: Worker): Promise<() => Promise<StorageWrite[]>> {
  const marker = `m${Date.now()}${Math.random()}`;
  await worker.evaluate(
    ({ log, marker }) => {
      const global = globalThis as unknown as Record<string, WriteLog | undefined>;
      const installed = global[log] !== undefined;
      global[log] = { marker, writes: [] };
      if (installed) return;
      // The wrappers look the log up at call time, so counting again only starts a new log.
      const note = (write: StorageWrite) => global[log]?.writes.push(write);
      const keysOf = (arg: unknown): string[] =>
        arg === undefined
          ? ['*']
          : typeof arg === 'string'
            ? [arg]
            : Array.isArray(arg)
              ? arg.map(String)
              : Object.keys(arg as object);
      for (const area of ['session', 'local'] as const) {
        const storage = chrome.storage[area] as unknown as Record<string, (...args: unknown[]) => unknown>;
        for (const method of ['set', 'remove', 'clear']) {
          const original = storage[method]!;
          storage[method] = function (this: unknown, ...args: unknown[]) {
            note({ what: `${area}.${method}`, keys: keysOf(args[0]) });
            return original.apply(this, args);
          };
        }
      }
      chrome.storage.onChanged.addListener((changes, area) =>
        note({ what: `changed.${area}`, keys: Object.keys(changes) }),
      );
    },
    { log: LOG, marker },
  );
  return () =>
    worker.evaluate(
      ({ log, marker }) => {
        const state = (globalThis as unknown as Record<string, WriteLog | undefined>)[log];
        if (state?.marker !== marker) throw new Error('the service worker restarted: storage writes were not counted');
        return state.writes.map((w) => ({ ...w }));
      },
      { log: LOG, marker },
    );
}
