// Many tabs with real failing navigations (figures 5 and 6): pages navigate in a few lanes at once,
// and `settled` waits until the extension stored every tab's latest failure.
import type { Page, Worker } from 'playwright-core';
import { waitFor } from '../test/harness/wait-for';
import { tabIdOf, type ExtensionBrowser } from './bench-browser';
import type { ChromeApi } from '../test/harness/chrome-api';

declare const chrome: ChromeApi;

export interface FailingTab {
  page: Page;
  tabId: number;
  lastUrl: string;
}

/** Runs `task` over `items` with at most `lanes` at a time. */
export async function inLanes<T>(items: T[], lanes: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

export async function openFailingTabs(browser: ExtensionBrowser, urls: string[], lanes: number): Promise<FailingTab[]> {
  const tabs: FailingTab[] = [];
  await inLanes(urls, lanes, async (url) => {
    const page = await browser.context.newPage();
    await page.goto(url).catch(() => undefined);
    tabs.push({ page, tabId: await tabIdOf(browser.worker, url), lastUrl: url });
  });
  return tabs;
}

/** Every tab's stored incident is for the URL it loaded last. */
export async function settled(worker: Worker, tabs: FailingTab[], timeoutMs = 20_000): Promise<void> {
  const expected = Object.fromEntries(tabs.map((t) => [`tab:${t.tabId}`, t.lastUrl]));
  await waitFor(
    `${tabs.length} incidents to be stored`,
    () =>
      worker.evaluate(
        (want) =>
          chrome.storage.session
            .get(Object.keys(want))
            .then((items) =>
              Object.entries(want).every(
                ([key, url]) => (items[key] as { incident?: { url: string } } | undefined)?.incident?.url === url,
              ),
            ),
        expected,
      ),
    { timeoutMs, intervalMs: 100 },
  );
}

export async function storageBytes(worker: Worker): Promise<{ session: number; local: number; records: number }> {
  return worker.evaluate(async () => ({
    session: await chrome.storage.session.getBytesInUse(null),
    local: await chrome.storage.local.getBytesInUse(null),
    records: Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('tab:')).length,
  }));
}
