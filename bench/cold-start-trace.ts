// One traced cold start of the real worker after the timed rounds (issue 15: is the worker's script
// compiled from V8's code cache?). CDP Tracing with V8's categories: for each script of the extension the
// worker compiled, whether V8 consumed a code cache (consumedCacheSize, cacheRejected) and the compile's
// time; and the worker thread's biggest costs by name (isolate set-up, script evaluation, deserialising).
import { writeFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';

const CATEGORIES = 'v8,devtools.timeline,disabled-by-default-v8.compile,ServiceWorker';
// With BENCH_TRACE_DUMP=<file>: also every task of the worker thread, its extension API requests and fetches,
// and the raw events are written to the file (where a cold start's time goes, task by task).
const TIMELINE_CATEGORIES = 'toplevel,extensions,disabled-by-default-devtools.timeline,blink,loading';
const dumpTo = process.env.BENCH_TRACE_DUMP;

export interface ColdStartTrace {
  scripts: { url: string; consumedCacheSize: number; cacheRejected: boolean; compileMs: number }[];
  /** The worker thread's time by event name (ms), the largest first. */
  workerThread: [string, number][];
}

interface TraceEvent {
  name: string;
  ph?: string;
  tid?: number;
  dur?: number;
  args?: { data?: { url?: string; consumedCacheSize?: number; cacheRejected?: boolean } };
}

export async function traceColdStart(
  context: BrowserContext,
  page: Page,
  extensionId: string,
  coldLoad: () => Promise<void>,
): Promise<ColdStartTrace> {
  const cdp = await context.newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: dumpTo ? `${CATEGORIES},${TIMELINE_CATEGORIES}` : CATEGORIES,
      transferMode: 'ReportEvents',
    });
    await coldLoad();
    await cdp.send('Tracing.end');
    await complete;
    if (dumpTo) await writeFile(dumpTo, JSON.stringify(events));
    const origin = `chrome-extension://${extensionId}/`;
    const compiles = events.filter((e) => e.name === 'v8.compile' && e.args?.data?.url?.startsWith(origin));
    const worker = compiles.find((c) => c.args!.data!.url!.endsWith('/background.js'))?.tid;
    const byName = new Map<string, number>();
    for (const e of events)
      if (worker !== undefined && e.tid === worker && e.ph === 'X')
        byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    return {
      scripts: compiles.map((c) => ({
        url: c.args!.data!.url!.slice(origin.length),
        consumedCacheSize: c.args!.data!.consumedCacheSize ?? 0,
        cacheRejected: Boolean(c.args!.data!.cacheRejected),
        compileMs: (c.dur ?? 0) / 1000,
      })),
      workerThread: [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
