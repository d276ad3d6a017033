// Counts the extension API calls the service worker makes (storage reads, badge and title updates,
// tab look-ups, reading a page): what a healthy navigation costs the extension besides the events themselves.
// webextension-polyfill looks most methods up at call time; a method it bound before counting started
// is missed, so the counts are lower bounds.
import type { Worker } from 'playwright-core';

const LOG = '__benchApiCalls';
const WATCHED = [
  'storage.session.get',
  'storage.local.get',
  'action.setBadgeText',
  'action.setTitle',
  'action.setBadgeBackgroundColor',
  'action.setBadgeTextColor',
  'tabs.get',
  'scripting.executeScript',
];

export async function countApiCalls(worker: Worker): Promise<() => Promise<Record<string, number>>> {
  await worker.evaluate(
    ({ log, watched }) => {
      const global = globalThis as unknown as Record<string, Record<string, number> | undefined>;
      const installed = global[log] !== undefined;
      global[log] = Object.fromEntries(watched.map((path) => [path, 0]));
      if (installed) return;
      for (const path of watched) {
        const parts = path.split('.');
        const method = parts.pop()!;
        const owner = parts.reduce<Record<string, unknown>>(
          (o, p) => o[p] as Record<string, unknown>,
          (globalThis as unknown as { chrome: Record<string, unknown> }).chrome,
        );
        const original = owner[method] as ((...args: unknown[]) => unknown) | undefined;
        if (typeof original !== 'function') continue;
        owner[method] = function (this: unknown, ...args: unknown[]) {
          const counts = global[log];
          if (counts) counts[path] = (counts[path] ?? 0) + 1;
          return original.apply(this, args);
        };
      }
    },
    { log: LOG, watched: WATCHED },
  );
  return () =>
    worker.evaluate((log) => ({ ...(globalThis as unknown as Record<string, Record<string, number>>)[log] }), LOG);
}
