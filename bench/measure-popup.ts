// Figure 1: popup time to explanation. Each open is a fresh page navigated to the popup URL (the toolbar
// also creates a fresh document per open); the time is from the document's navigation start
// (performance.timeOrigin) to the `explanation-rendered` mark the incident view sets after rendering.
// Baselines, opened the same way and in the same rounds (alternating order):
//  - shell: the same popup.html with JavaScript disabled (CDP Emulation.setScriptExecutionDisabled):
//    the same static HTML and CSS from the same extension origin, with none of the extension's code —
//    a minimal static page inside the extension without adding a page to the build; to loadEventEnd.
//  - web page: a one-line static HTML page from the loopback server; to loadEventEnd (for reference).
// Breakdown of the popup's own time (issue 15), from marks the popup sets (src/popup/timing-marks.ts) and
// Resource Timing: module fetch (navigation start → the last eager JS file's responseEnd), parse + compile +
// evaluate (→ the entry module's body runs), storage read (the tab, its record, settings, history), render
// (→ the explanation's first effect).
import type { BrowserContext } from 'playwright-core';
import { POPUP_MARKS } from '../src/popup/timing-marks';
import { spread, type Spread } from './stats';
import { traceCodeCache, type ScriptCompile } from './popup-code-cache';
import { markSeen } from './mark-seen';
import { traceMainThread, type MainThreadWork } from './popup-main-thread';
import { heldFirstFrame } from './first-frame';
import { FIRST_FRAME_CAPTURE } from './extension-copy';

const EXPLANATION_MARK = POPUP_MARKS.explanation;

export interface PopupTiming {
  /** Navigation start → explanation-rendered mark. */
  toExplanation: number;
  responseEnd: number;
  domContentLoaded: number;
  loadEventEnd: number;
  /** The last eager JS file's responseEnd (Resource Timing; lazy chunks come after the explanation). */
  scriptsFetched: number;
  scriptStart: number;
  readStart: number;
  readEnd: number;
}

export interface PopupFigures {
  popup: Spread;
  breakdown: {
    responseEnd: Spread;
    domContentLoaded: Spread;
    loadEventEnd: Spread;
    scriptsFetched: Spread;
    scriptStart: Spread;
    readStart: Spread;
    readEnd: Spread;
  };
  shell: Spread;
  webPage: Spread;
  /** Per round: popup / shell of the same round. */
  ratioPerRound: Spread;
  /** Variants of the popup page opened in the same rounds (bench/extension-copy.ts), to the same mark. */
  variants: Record<string, Spread>;
  /** One traced open after the rounds: each eager module's compile (from Chrome's code cache or not). */
  codeCache?: ScriptCompile[];
  /** Traced opens after the rounds: the page's main-thread time to the mark, by kind (bench/popup-main-thread.ts). */
  mainThread?: { popup: MainThreadWork; trivialModule?: MainThreadWork };
}

export async function openPopupTimed(context: BrowserContext, popupUrl: string): Promise<PopupTiming> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 390, height: 600 });
    await page.goto(popupUrl);
    await page.evaluate(markSeen, EXPLANATION_MARK);
    return await page.evaluate((marks) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      const explanationAt = at(marks.explanation);
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (r) => r.name.endsWith('.js') && r.startTime < explanationAt,
      );
      return {
        toExplanation: explanationAt,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        loadEventEnd: nav.loadEventEnd,
        scriptsFetched: Math.max(nav.responseEnd, ...scripts.map((r) => r.responseEnd)),
        scriptStart: at(marks.scriptStart),
        readStart: at(marks.readStart),
        readEnd: at(marks.readEnd),
      };
    }, POPUP_MARKS);
  } finally {
    await page.close();
  }
}

/** One popup open that copies the DOM its explanation's frame painted (bench/first-frame.ts), as JSON. */
export async function captureFirstFrame(context: BrowserContext, popupUrl: string): Promise<string> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 390, height: 600 });
    await page.goto(popupUrl.replace('/popup.html', `/${FIRST_FRAME_CAPTURE}`));
    await page.evaluate(markSeen, EXPLANATION_MARK);
    const frame = await page.evaluate(heldFirstFrame);
    if (!frame) throw new Error('the popup set its mark without the first-frame hook seeing it');
    return frame;
  } finally {
    await page.close();
  }
}

export async function staticPageLoad(context: BrowserContext, url: string, withoutScript: boolean): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: 390, height: 600 });
    if (withoutScript) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    );
  } finally {
    await page.close();
  }
}

export async function measurePopup(
  context: BrowserContext,
  popupUrl: string,
  webPageUrl: string,
  opens: number,
  variantUrls: Record<string, string> = {},
): Promise<PopupFigures> {
  const variants: Record<string, number[]> = Object.fromEntries(Object.keys(variantUrls).map((name) => [name, []]));
  const popup: PopupTiming[] = [];
  const shell: number[] = [];
  const webPage: number[] = [];
  const ratios: number[] = [];
  const warmUp = 3;
  for (let round = -warmUp; round < opens; round += 1) {
    const order = round % 2 === 0 ? ['popup', 'shell', 'web'] : ['web', 'shell', 'popup'];
    let p: PopupTiming | undefined;
    let s = 0;
    let w = 0;
    const v: Record<string, number> = {};
    for (const what of [...order, ...Object.keys(variantUrls)]) {
      if (what === 'popup') p = await openPopupTimed(context, popupUrl);
      else if (what === 'shell') s = await staticPageLoad(context, popupUrl, true);
      else if (what === 'web') w = await staticPageLoad(context, webPageUrl, false);
      else v[what] = (await openPopupTimed(context, variantUrls[what]!)).toExplanation;
    }
    if (round < 0 || !p) continue;
    for (const [name, time] of Object.entries(v)) variants[name]!.push(time);
    popup.push(p);
    shell.push(s);
    webPage.push(w);
    ratios.push(p.toExplanation / s);
  }
  return {
    popup: spread(popup.map((p) => p.toExplanation)),
    breakdown: {
      responseEnd: spread(popup.map((p) => p.responseEnd)),
      domContentLoaded: spread(popup.map((p) => p.domContentLoaded)),
      loadEventEnd: spread(popup.map((p) => p.loadEventEnd)),
      scriptsFetched: spread(popup.map((p) => p.scriptsFetched)),
      scriptStart: spread(popup.map((p) => p.scriptStart)),
      readStart: spread(popup.map((p) => p.readStart)),
      readEnd: spread(popup.map((p) => p.readEnd)),
    },
    shell: spread(shell),
    webPage: spread(webPage),
    ratioPerRound: spread(ratios),
    variants: Object.fromEntries(Object.entries(variants).map(([name, times]) => [name, spread(times)])),
    codeCache: await traceCodeCache(context, popupUrl),
    mainThread: {
      popup: await traceMainThread(context, popupUrl),
      ...(variantUrls.trivialModule
        ? { trivialModule: await traceMainThread(context, variantUrls.trivialModule) }
        : {}),
    },
  };
}
