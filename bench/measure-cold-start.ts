// Background cold start (issue 15): from the worker's start to its first event handled — a failing
// navigation recorded — against a worker that registers the same listeners and does nothing
// (empty-worker.ts). Each extension in its own Chromium (one worker waking cannot slow the other), rounds
// alternating between the two. A round: the worker is stopped (CDP ServiceWorker.stopAllWorkers), then a
// fresh tab loads a new failing URL; its webRequest event starts the worker. Both workers carry the same
// prologue (background-probe.ts), which posts on a BroadcastChannel to a bench page of the extension:
//  - start: the worker's performance.timeOrigin (its global created, before its script runs);
//  - handled: the real worker — storage.onChanged shows the tab's incident (recorded); the empty one — its
//    onHeadersReceived listener has returned and the microtasks it queued have run;
//  - the failing response: webRequest's own timeStamp (the browser's clock), which is also what woke it.
import type { BrowserContext, Page } from 'playwright-core';
import { extensionIdOf, extensionPageUrl, launchChromiumContext, stopExtensionWorker } from '../test/harness/chromium';
import { waitFor } from '../test/harness/wait-for';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBE_CHANNEL, type ProbeEvent } from './background-probe';
import { SHELL_PAGE } from './extension-copy';
import { spread, type Spread } from './stats';

export interface ColdStartSide {
  /** Worker start (timeOrigin) → first failing navigation handled. */
  startToHandled: Spread;
  /** The failing response (which woke the worker) → handled. */
  responseToHandled: Spread;
  /** Worker start → its script's first statement (the prologue): fetch + compile of background.js. */
  startToScript: Spread;
}

export interface ColdStartFigures {
  real: ColdStartSide;
  empty: ColdStartSide;
  rounds: number;
}

interface Side {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  real: boolean;
  rows: { startToHandled: number; responseToHandled: number; startToScript: number }[];
  close(): Promise<void>;
}

async function launchSide(extensionDir: string, real: boolean, args: string[]): Promise<Side> {
  const profile = await mkdtemp(join(tmpdir(), 'epe-bench-cold-'));
  const context = await launchChromiumContext(profile, { extensionDir, args });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = extensionIdOf(worker);
    const page = await context.newPage();
    await page.goto(extensionPageUrl(extensionId, SHELL_PAGE));
    await page.evaluate((name) => {
      const seen: unknown[] = ((globalThis as unknown as { __probe: unknown[] }).__probe = []);
      new BroadcastChannel(name).onmessage = (e) => seen.push(e.data);
    }, PROBE_CHANNEL);
    return { context, page, extensionId, real, rows: [], close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function coldRound(side: Side, url: string): Promise<void> {
  await stopExtensionWorker(side.context, side.page, side.extensionId);
  await side.page.evaluate(() => void ((globalThis as unknown as { __probe: unknown[] }).__probe.length = 0));
  const tab = await side.context.newPage();
  try {
    await tab.goto(url).catch(() => undefined);
    const row = await waitFor(
      `the ${side.real ? 'real' : 'empty'} worker to handle ${url}`,
      async () => {
        const events = await side.page.evaluate(() => [
          ...(globalThis as unknown as { __probe: ProbeEvent[] }).__probe,
        ]);
        const started = events.find((e) => e.kind === 'started');
        const response = events.find((e) => e.kind === 'response' && e.url === url);
        const handled = side.real
          ? events.find((e) => e.kind === 'stored' && e.url === url)
          : events.find((e) => e.kind === 'handler' && e.url === url);
        if (started?.kind !== 'started' || response?.kind !== 'response' || !handled) return undefined;
        return {
          startToHandled: handled.at - started.timeOrigin,
          responseToHandled: handled.at - response.timeStamp,
          startToScript: started.at - started.timeOrigin,
        };
      },
      { timeoutMs: 15_000 },
    );
    side.rows.push(row);
  } finally {
    await tab.close();
  }
}

const summary = (side: Side): ColdStartSide => ({
  startToHandled: spread(side.rows.map((r) => r.startToHandled)),
  responseToHandled: spread(side.rows.map((r) => r.responseToHandled)),
  startToScript: spread(side.rows.map((r) => r.startToScript)),
});

export async function measureColdStart(
  realDir: string,
  emptyDir: string,
  url: (side: string, round: number) => string,
  rounds: number,
  args: string[] = [],
): Promise<ColdStartFigures> {
  const real = await launchSide(realDir, true, args);
  let empty: Side | undefined;
  try {
    empty = await launchSide(emptyDir, false, args);
    // One warm-up round each (the first start after install also runs onInstalled), then alternate.
    for (let round = -1; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [real, empty] : [empty, real];
      for (const side of order) await coldRound(side, url(side.real ? 'real' : 'empty', round));
      if (round < 0) for (const side of order) side.rows.length = 0;
    }
    return { real: summary(real), empty: summary(empty), rounds };
  } finally {
    await real.close();
    await empty?.close();
  }
}
