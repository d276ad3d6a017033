// Background cold start (issue 15): from the worker's start to its first event handled — a failing
// navigation recorded — against a worker that registers the same listeners and does nothing
// (empty-worker.ts). Each extension in its own Chromium (one worker waking cannot slow the other), rounds
// alternating between the two. A round: the worker is stopped (CDP ServiceWorker.stopAllWorkers), then a
// failing URL is loaded, woken one of two ways (ColdWake: a fresh tab, whose creation starts the worker, or
// the failing response in a tab already open); the bench measures both. Both workers carry the same
// prologue (background-probe.ts), which posts on a BroadcastChannel to a bench page of the extension:
//  - start: the worker's performance.timeOrigin (its global created, before its script runs);
//  - handled: storage.onChanged shows the tab's incident (recorded), on both sides — the empty worker's
//    listener sets the badge and writes the record at once, the real one does what it does;
//  - where the time went: its first statement, its top level's end (an epilogue), the listener called,
//    and every API call or fetch from start to settled (cold-start-steps.ts);
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
import { traceColdStart, type ColdStartTrace } from './cold-start-trace';
import { coldStartParts, coldStartSteps, type ColdStartParts, type ColdStartSteps } from './cold-start-steps';

export interface ColdStartSide {
  /** Worker start (timeOrigin) → first failing navigation handled. */
  startToHandled: Spread;
  /** The failing response (which woke the worker) → handled. */
  responseToHandled: Spread;
  /** Worker start → its script's first statement (the prologue): fetch + compile of background.js. */
  startToScript: Spread;
  /** Each step in ms from the worker's start (medians). */
  steps: ColdStartSteps;
  /** The same time in four parts (the last split at the write), each measured per round. */
  parts: ColdStartParts;
  /** One more cold start, traced after the timed rounds (cold-start-trace.ts). */
  trace?: ColdStartTrace;
}

export interface ColdStartFigures {
  real: ColdStartSide;
  empty: ColdStartSide;
  rounds: number;
  /** What woke the stopped worker in these rounds. */
  wake: ColdWake;
}

interface Side {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  rows: { startToHandled: number; responseToHandled: number; startToScript: number }[];
  rounds: { events: ProbeEvent[]; url: string }[];
  close(): Promise<void>;
}

async function launchSide(extensionDir: string, args: string[]): Promise<Side> {
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
    return { context, page, extensionId, rows: [], rounds: [], close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * What wakes the stopped worker: `new-tab`, a new tab's about:blank, before the failing
 * request is even sent, so the worker's start overlaps the request; `response`, the failing response itself (the
 * tab is opened and loaded before the worker is stopped, as when a page is loaded in a tab one already has),
 * so the worker's script read and compile are all on the way from the response to its record.
 */
export type ColdWake = 'new-tab' | 'response';

/** Both ways a stopped worker is woken, each measured by the full bench (row 7 has rows for each). */
export const COLD_WAKES: readonly ColdWake[] = ['new-tab', 'response'];

async function coldRound(side: Side, url: string, wake: ColdWake = 'new-tab'): Promise<void> {
  const opened = wake === 'response' ? await side.context.newPage() : undefined;
  await opened?.waitForLoadState('load');
  await stopExtensionWorker(side.context, side.page, side.extensionId);
  await side.page.evaluate(() => void ((globalThis as unknown as { __probe: unknown[] }).__probe.length = 0));
  const tab = opened ?? (await side.context.newPage());
  try {
    await tab.goto(url).catch(() => undefined);
    const row = await waitFor(
      `the worker to handle ${url}`,
      async () => {
        const events = await side.page.evaluate(() => [
          ...(globalThis as unknown as { __probe: ProbeEvent[] }).__probe,
        ]);
        const started = events.find((e) => e.kind === 'started');
        const response = events.find((e) => e.kind === 'response' && e.url === url);
        const handled = events.find((e) => e.kind === 'stored' && e.url === url);
        if (started?.kind !== 'started' || response?.kind !== 'response' || !handled) return undefined;
        side.rounds.push({ events, url });
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
  steps: coldStartSteps(side.rounds),
  parts: coldStartParts(side.rounds),
});

/**
 * Cold rounds for several extensions at once (each in its own Chromium), taking turns: a round's order
 * rotates, so no side always goes first. Keys: a name per extension directory; one warm-up round each (the
 * first start after install also runs onInstalled).
 */
export async function measureColdStartSides(
  dirs: Record<string, string>,
  url: (side: string, round: number) => string,
  rounds: number,
  args: string[] = [],
  traced?: string,
  wake: ColdWake = 'new-tab',
): Promise<Record<string, ColdStartSide>> {
  const sides: (Side & { name: string })[] = [];
  try {
    for (const [name, dir] of Object.entries(dirs)) sides.push({ ...(await launchSide(dir, args)), name });
    for (let round = -1; round < rounds; round += 1) {
      const shift = ((round % sides.length) + sides.length) % sides.length;
      const order = [...sides.slice(shift), ...sides.slice(0, shift)];
      for (const side of order) await coldRound(side, url(side.name, round), wake);
      if (round < 0) for (const side of order) side.rows.length = side.rounds.length = 0;
    }
    const figures = Object.fromEntries(sides.map((side) => [side.name, summary(side)]));
    for (const side of sides.filter((s) => s.name === traced))
      figures[side.name]!.trace = await traceColdStart(side.context, side.page, side.extensionId, () =>
        coldRound(side, url(side.name, rounds), wake),
      ).catch(() => undefined);
    return figures;
  } finally {
    for (const side of sides) await side.close();
  }
}

export async function measureColdStart(
  realDir: string,
  emptyDir: string,
  url: (side: string, round: number) => string,
  rounds: number,
  wake: ColdWake,
  args: string[] = [],
): Promise<ColdStartFigures> {
  const dirs = { real: realDir, empty: emptyDir };
  const { real, empty } = await measureColdStartSides(dirs, url, rounds, args, 'real', wake);
  return { real: real!, empty: empty!, rounds, wake };
}
