// Does Chrome's code cache apply to the extension's pages? (issue 15) One popup open, traced (CDP Tracing,
// V8 categories) after the timed rounds: for each eager module of the extension, V8's compile event says
// whether it was compiled from the code cache (consumedCacheSize, cacheRejected) and how long compiling
// and evaluating took.
import type { BrowserContext } from 'playwright-core';
import { POPUP_MARKS } from '../src/popup/timing-marks';

export interface ScriptCompile {
  url: string;
  /** Bytes of code cache V8 consumed (0: compiled from source). */
  consumedCacheSize: number;
  cacheRejected: boolean;
  compileMs: number;
  evaluateMs: number;
}

interface TraceEvent {
  name: string;
  dur?: number;
  args?: { data?: { url?: string; consumedCacheSize?: number; cacheRejected?: boolean }; [key: string]: unknown };
}

export async function traceCodeCache(context: BrowserContext, popupUrl: string): Promise<ScriptCompile[]> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      categories: 'v8,devtools.timeline,disabled-by-default-v8.compile',
      transferMode: 'ReportEvents',
    });
    await page.goto(popupUrl);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, POPUP_MARKS.explanation, {
      timeout: 10_000,
    });
    await cdp.send('Tracing.end');
    await complete;
    // Node's URL gives `null` as the origin of a chrome-extension: address.
    const origin = `${new URL(popupUrl).protocol}//${new URL(popupUrl).host}`;
    const ms = (e: TraceEvent | undefined) => (e?.dur ?? 0) / 1000;
    // Every module the open compiled (eager and the lazy ones it loaded right after); no consumedCacheSize: from source.
    const compiles = events.filter((e) => e.name === 'v8.compileModule' && e.args?.data?.url?.startsWith(origin));
    return compiles.map((c) => {
      const url = c.args!.data!.url!;
      const evaluate = events.filter((e) => /evaluate/i.test(e.name) && JSON.stringify(e.args ?? {}).includes(url));
      return {
        url: url.slice(origin.length),
        consumedCacheSize: c.args!.data!.consumedCacheSize ?? 0,
        cacheRejected: Boolean(c.args!.data!.cacheRejected),
        compileMs: ms(c),
        evaluateMs: evaluate.reduce((sum, e) => sum + ms(e), 0),
      };
    });
  } finally {
    await page.close();
  }
}
