// Figure 3d: from a failing response to what its page says stored with the incident. In the worker, the
// browser's own timeStamp of webRequest.onHeadersReceived for the failing page (its response arriving),
// and the moment storage.onChanged shows the tab's incident with `page` (read from the tab, parsed,
// written). Both on the browser's wall clock. Each round is a fresh tab on a new URL, closed afterwards.
import type { BrowserContext, Worker } from 'playwright-core';
import { waitFor } from '../test/e2e/support/wait-for';
import { spread, type Spread } from './stats';

const LOG = '__benchPageReading';

interface Seen {
  respondedAt: Record<string, number>;
  storedAt: Record<string, number>;
}

interface WorkerApi {
  webRequest: { onHeadersReceived: { addListener(cb: (d: { url: string; timeStamp: number; statusCode: number }) => void, filter: object): void } };
  storage: { onChanged: { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void } };
}
declare const chrome: WorkerApi;

export interface PageReadingFigures {
  /** ms from the response's webRequest event to the reading stored. */
  time: Spread;
  rounds: number;
}

export async function measurePageReading(context: BrowserContext, worker: Worker, url: (round: number) => string, rounds: number): Promise<PageReadingFigures> {
  await worker.evaluate((log) => {
    const global = globalThis as unknown as Record<string, Seen | undefined>;
    if (global[log]) return;
    const seen: Seen = (global[log] = { respondedAt: {}, storedAt: {} });
    chrome.webRequest.onHeadersReceived.addListener(
      (d) => {
        if (d.statusCode >= 500) seen.respondedAt[d.url] = d.timeStamp;
      },
      { urls: ['<all_urls>'], types: ['main_frame'] },
    );
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
  for (let round = 0; round < rounds; round += 1) {
    const address = url(round);
    const page = await context.newPage();
    try {
      await page.goto(address).catch(() => undefined);
      const [respondedAt, storedAt] = await waitFor(`the page of ${address} to be read and stored`, () =>
        worker.evaluate(
          ({ log, u }) => {
            const seen = (globalThis as unknown as Record<string, Seen>)[log]!;
            const pair = [seen.respondedAt[u], seen.storedAt[u]];
            return pair.every((t) => t !== undefined) ? (pair as [number, number]) : undefined;
          },
          { log: LOG, u: address },
        ),
        { timeoutMs: 10_000 },
      );
      times.push(storedAt - respondedAt);
    } finally {
      await page.close();
    }
  }
  return { time: spread(times), rounds };
}
