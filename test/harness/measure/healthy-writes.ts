// Figure 3c: storage writes caused by healthy navigations. Shared by the bench and the budget test.
// Healthy loads in several tabs (new tab, same-tab links, reload, back), then a control failure in another
// tab: its write proves the counters work and, handled after everything the healthy loads started, acts as
// the barrier before the log is read. Every write before the control's first write, or to any key but the
// control tab's record and the history it appends to, is a write caused by a healthy navigation.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { waitFor } from '../wait-for';
import { countApiCalls } from './api-calls';
import { countStorageWrites, type StorageWrite } from './storage-writes';
import type { ChromeApi } from '../chrome-api';

declare const chrome: ChromeApi;

export interface HealthyWrites {
  navigations: number;
  /** Writes (calls and change events) attributable to the healthy navigations: the budget is 0. */
  healthyWrites: StorageWrite[];
  /** The control failure's writes (must be > 0, or the counters saw nothing). */
  controlWrites: number;
  /** Closing the healthy tabs afterwards (not a navigation): remove() calls and actual changes. */
  closeRemoveCalls: number;
  closeChanges: number;
  /** Extension API calls the worker made during the healthy navigations (lower bounds; see api-calls.ts). */
  apiCalls: Record<string, number>;
  /** The same counters once the control failure's page was read (they must see its scripting call). */
  apiCallsWithControl: Record<string, number>;
}

export interface WriteScenario {
  context: BrowserContext;
  worker: Worker;
  healthyUrl: (tab: number, nav: number) => string;
  failingUrl: string;
  tabIdOf: (url: string) => Promise<number>;
  tabs?: number;
  linksPerTab?: number;
}

export async function measureHealthyWrites(s: WriteScenario): Promise<HealthyWrites> {
  const { tabs = 4, linksPerTab = 4 } = s;
  const read = await countStorageWrites(s.worker);
  const readCalls = await countApiCalls(s.worker);
  const pages: Page[] = [];
  const tabIds: number[] = [];
  let navigations = 0;
  for (let tab = 0; tab < tabs; tab += 1) {
    const page = await s.context.newPage();
    pages.push(page);
    const first = s.healthyUrl(tab, 0);
    await page.goto(first);
    tabIds.push(await s.tabIdOf(first));
    navigations += 1;
    for (let nav = 1; nav <= linksPerTab; nav += 1, navigations += 1) await page.goto(s.healthyUrl(tab, nav));
    await page.reload();
    await page.goBack();
    navigations += 2;
  }

  // Let the last load's events reach the worker before the calls are read (no barrier for reads).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const apiCalls = await readCalls();
  const control = await s.context.newPage();
  await control.goto(s.failingUrl).catch(() => undefined);
  const controlKey = `tab:${await s.tabIdOf(s.failingUrl)}`;
  const log = await waitFor('the control failure to be written', async () => {
    const writes = await read();
    return writes.some((w) => w.keys.includes(controlKey)) ? writes : undefined;
  });
  const first = log.findIndex((w) => w.keys.includes(controlKey));
  const isControl = (w: StorageWrite) => w.keys.every((k) => k === controlKey || k === 'history');
  const healthyWrites = [...log.slice(0, first), ...log.slice(first).filter((w) => !isControl(w))];
  const controlWrites = log.slice(first).filter(isControl).length;
  // The control page is read from its tab: the scripting counter must see that call, or its 0 above means nothing.
  await waitFor('the control page to be read', () =>
    s.worker.evaluate(
      (key) =>
        chrome.storage.session
          .get(key)
          .then((items) => Boolean((items[key] as { incident?: { page?: unknown } } | undefined)?.incident?.page)),
      controlKey,
    ),
  );
  const apiCallsWithControl = await readCalls();

  // Closing a tab is not a navigation; counted apart, for the record.
  await Promise.all(pages.map((p) => p.close()));
  await control.close();
  const healthyKeys = new Set(tabIds.map((id) => `tab:${id}`));
  const closing = await waitFor('the closed tabs to be handled', async () => {
    const writes = (await read()).filter((w) => w.keys.some((k) => healthyKeys.has(k)));
    return writes.filter((w) => w.what === 'session.remove').length >= tabIds.length ? writes : undefined;
  }).catch(() => [] as StorageWrite[]);
  return {
    navigations,
    healthyWrites,
    controlWrites,
    closeRemoveCalls: closing.filter((w) => w.what === 'session.remove').length,
    closeChanges: closing.filter((w) => w.what.startsWith('changed.')).length,
    apiCalls,
    apiCallsWithControl,
  };
}
