// Background cold start (issue 15): from the worker's start to its first event handled — a failing
// navigation recorded — against a worker that registers the same listeners and does nothing
// (empty-worker.ts). Each extension in its own Chromium (one worker waking cannot slow the other), rounds
// alternating between the two. A round: the worker is stopped (CDP ServiceWorker.stopAllWorkers), then a
// failing URL is loaded, woken one of two ways (ColdWake: a fresh tab, whose creation starts the worker, or
// the failing response in a tab already open); the bench measures both, their rounds interleaved. Both workers carry the same
// prologue (background-probe.ts), which posts on a BroadcastChannel to a bench page of the extension:
//  - start: the worker's performance.timeOrigin (its global created, before its script runs);
//  - handled: storage.onChanged shows the tab's incident (recorded), on both sides — the empty worker's
//    listener sets the badge and writes the record at once, the real one does what it does;
//  - where the time went: its first statement, its top level's end (an epilogue), the listener called,
//    and every API call or fetch from start to settled (cold-start-steps.ts);
//  - the failing response: webRequest's own timeStamp (the browser's clock).
import type { BrowserContext, Page } from 'playwright-core';
import { extensionIdOf, extensionPageUrl, launchChromiumContext, stopExtensionWorker } from '../test/harness/chromium';
import { waitFor } from '../test/harness/wait-for';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBE_CHANNEL, type ProbeEvent } from './background-probe';
import { SHELL_PAGE } from './extension-copy';
import { spread, type Spread } from './stats';
import { rotated } from './turns';
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

/** One side's rounds under one wake. */
interface Taken {
  rows: { startToHandled: number; responseToHandled: number; startToScript: number }[];
  rounds: { events: ProbeEvent[]; url: string }[];
}

interface Side {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  taken: Record<ColdWake, Taken>;
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
    const taken = { 'new-tab': { rows: [], rounds: [] }, response: { rows: [], rounds: [] } };
    return { context, page, extensionId, taken, close };
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

async function coldRound(side: Side, url: string, wake: ColdWake): Promise<void> {
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
        side.taken[wake].rounds.push({ events, url });
        return {
          startToHandled: handled.at - started.timeOrigin,
          responseToHandled: handled.at - response.timeStamp,
          startToScript: started.at - started.timeOrigin,
        };
      },
      { timeoutMs: 15_000 },
    );
    side.taken[wake].rows.push(row);
  } finally {
    await tab.close();
  }
}

const summary = (side: Taken): ColdStartSide => ({
  startToHandled: spread(side.rows.map((r) => r.startToHandled)),
  responseToHandled: spread(side.rows.map((r) => r.responseToHandled)),
  startToScript: spread(side.rows.map((r) => r.startToScript)),
  steps: coldStartSteps(side.rounds),
  parts: coldStartParts(side.rounds),
});

/**
 * Cold rounds for several extensions at once (each in its own Chromium), under one or more wakes, all taking
 * turns in every round: the order of the wakes and of the sides rotates, so none always goes first, and each
 * wake's figures see the same load. Keys: a name per extension directory; one warm-up round each (the first
 * start after install also runs onInstalled). Figures: per wake, per side.
 */
export async function measureColdStartSides(
  dirs: Record<string, string>,
  url: (side: string, round: number, wake: ColdWake) => string,
  rounds: number,
  args: string[] = [],
  traced?: string,
  wakes: readonly ColdWake[] = ['new-tab'],
): Promise<Partial<Record<ColdWake, Record<string, ColdStartSide>>>> {
  const sides: (Side & { name: string })[] = [];
  try {
    for (const [name, dir] of Object.entries(dirs)) sides.push({ ...(await launchSide(dir, args)), name });
    for (let round = -1; round < rounds; round += 1) {
      for (const wake of rotated(wakes, round))
        for (const side of rotated(sides, round)) await coldRound(side, url(side.name, round, wake), wake);
      if (round < 0)
        for (const { taken } of sides)
          for (const wake of wakes) taken[wake].rows.length = taken[wake].rounds.length = 0;
    }
    const figures: Partial<Record<ColdWake, Record<string, ColdStartSide>>> = {};
    for (const wake of wakes) {
      const ofWake = (figures[wake] = Object.fromEntries(sides.map((side) => [side.name, summary(side.taken[wake])])));
      for (const side of sides.filter((s) => s.name === traced))
        ofWake[side.name]!.trace = await traceColdStart(side.context, side.page, side.extensionId, () =>
          coldRound(side, url(side.name, rounds, wake), wake),
        ).catch(() => undefined);
    }
    return figures;
  } finally {
    for (const side of sides) await side.close();
  }
}

/** The real worker against the do-nothing one, the wakes' rounds interleaved: one figures set per wake. */
export async function measureColdStart(
  realDir: string,
  emptyDir: string,
  url: (side: string, round: number, wake: ColdWake) => string,
  rounds: number,
  wakes: readonly ColdWake[] = COLD_WAKES,
  args: string[] = [],
): Promise<ColdStartFigures[]> {
  const figures = await measureColdStartSides({ real: realDir, empty: emptyDir }, url, rounds, args, 'real', wakes);
  return wakes.map((wake) => ({ real: figures[wake]!.real!, empty: figures[wake]!.empty!, rounds, wake }));
}
