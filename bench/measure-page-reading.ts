// Figure 3d: from a failing response to the badge set on its tab, and to what its page says stored with the
// incident. In the worker, the browser's own timeStamp of webRequest.onHeadersReceived for the failing page
// (its response arriving); the first action.setBadgeText with text for that tab (wrapped before the first
// round; webextension-polyfill looks `action` up at call time); and the moment storage.onChanged shows the
// tab's incident with `page` (read from the tab, parsed, written). All on the browser's wall clock. Each
// round is a fresh tab on a new URL, closed afterwards; the first round is the worker's first failure
// (it loads the infrastructure data file) and is counted like the others.
import type { BrowserContext, Worker } from 'playwright-core';
import { waitFor } from '../test/harness/wait-for';
import { spread, type Spread } from './stats';
import type { ChromeApi } from '../test/harness/chrome-api';

const LOG = '__benchPageReading';

interface Seen {
  respondedAt: Record<string, number>;
  storedAt: Record<string, number>;
  badgeAt: Record<string, number>;
  urlOfTab: Record<number, string>;
}

declare const chrome: ChromeApi;

export interface PageReadingFigures {
  /** ms from the response's webRequest event to the reading stored. */
  time: Spread;
  /** ms from the response's webRequest event to the badge text set on its tab. */
  badge: Spread;
  rounds: number;
}

export async function measurePageReading(
  context: BrowserContext,
  worker: Worker,
  url: (round: number) => string,
  rounds: number,
): Promise<PageReadingFigures> {
  await worker.evaluate((log) => {
    const global = globalThis as unknown as Record<string, Seen | undefined>;
    if (global[log]) return;
    const seen: Seen = (global[log] = { respondedAt: {}, storedAt: {}, badgeAt: {}, urlOfTab: {} });
    chrome.webRequest.onHeadersReceived.addListener(
      (d) => {
        if (d.statusCode < 500) return;
        seen.respondedAt[d.url] = d.timeStamp;
        seen.urlOfTab[(d as unknown as { tabId: number }).tabId] = d.url;
      },
      { urls: ['<all_urls>'], types: ['main_frame'] },
    );
    const setBadgeText = chrome.action.setBadgeText.bind(chrome.action);
    chrome.action.setBadgeText = (details) => {
      const url = details.tabId === undefined ? undefined : seen.urlOfTab[details.tabId];
      if (url && details.text && seen.badgeAt[url] === undefined) seen.badgeAt[url] = Date.now();
      return setBadgeText(details);
    };
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area !== 'session') return;
      const now = Date.now();
      for (const change of Object.values(changes)) {
        const incident = (change.newValue as { incident?: { url: string; page?: unknown } } | undefined)?.incident;
        if (incident?.page && seen.storedAt[incident.url] === undefined) seen.storedAt[incident.url] = now;
      }
    });
  }, LOG);

  const times: number[] = [];
  const badges: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const address = url(round);
    const page = await context.newPage();
    try {
      await page.goto(address).catch(() => undefined);
      const [respondedAt, storedAt, badgeAt] = await waitFor(
        `the badge of ${address} set and its page read and stored`,
        () =>
          worker.evaluate(
            ({ log, u }) => {
              const seen = (globalThis as unknown as Record<string, Seen>)[log]!;
              const times = [seen.respondedAt[u], seen.storedAt[u], seen.badgeAt[u]];
              return times.every((t) => t !== undefined) ? (times as [number, number, number]) : undefined;
            },
            { log: LOG, u: address },
          ),
        { timeoutMs: 10_000 },
      );
      times.push(storedAt - respondedAt);
      badges.push(badgeAt - respondedAt);
    } finally {
      await page.close();
    }
  }
  return { time: spread(times), badge: spread(badges), rounds };
}
