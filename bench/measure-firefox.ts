// Firefox ESR figures next to Chromium's: the popup, failure detection and healthy navigations, measured in
// Debian's firefox-esr (test/harness/firefox.ts: puppeteer-core over WebDriver BiDi) with the bench's
// instrumented copy of dist/firefox (extension-copy.ts). The event page cannot be evaluated in over BiDi,
// so what it does is read from its prologue (background-probe.ts) on a BroadcastChannel that a bench page
// of the extension (`bench-shell.html`, no scripts of its own) collects.
import type { Page } from 'puppeteer-core';
import {
  EXTENSION_ORIGIN,
  IDLE_TIMEOUT_PREF,
  launchFirefox,
  launchPlainFirefox,
  navigateExtensionPage,
  type FirefoxHarness,
} from '../test/harness/firefox';
import { waitFor } from '../test/harness/wait-for';
import { POPUP_MARKS } from '../src/popup/timing-marks';
import { markSeen } from './mark-seen';
import { heldFirstFrame } from './first-frame';
import { PROBE_CHANNEL, type ProbeEvent, type ReplayRequest } from './background-probe';
import { FIRST_FRAME_CAPTURE, POPUP_VARIANTS, SHELL_PAGE, writeFirstFramePage } from './extension-copy';
import { compareLoads, type NavigationFigures } from './measure-navigation';
import { spread, type Spread } from './stats';
import { detectionSteps, describeRound, type DetectionSteps } from './detection-steps';
import { toolbarPopupPath } from '../src/model/popup-address';

export interface FirefoxFigures {
  version: string;
  popup?: {
    popup: Spread;
    shell: Spread;
    trivialModule: Spread;
    /** The trivial module marking after the next frame, and the popup's first frame as a static page (first-frame.ts). */
    frameFloor?: Spread;
    contentFloor?: Spread;
    /** The content floor's page showing its content once the popup's first-frame reads answered (first-frame.ts, readsThenShow). */
    readsFloor?: Spread;
    ratioPerRound: Spread;
    scriptStart: Spread;
    readStart: Spread;
    readEnd: Spread;
    responseEnd: Spread;
  };
  detection?: DetectionFigures & {
    rounds: number;
    /** The same rounds in a do-nothing event page that only sets the badge and reads the page (firefox-floor.ts). */
    floor: DetectionFigures;
  };
  healthy?: {
    navigations: number;
    writes: { what: string; keys: string[] }[];
    scriptingCalls: number;
    controlWrites: number;
    controlScriptingCalls: number;
    /** µs per healthy onHeadersReceived: the extension's listener with its start-up `then`, and the same wrapper's floor. */
    handlerUs: Spread;
    floorUs: Spread;
  };
  /** The listener replayed on synthetic healthy events in the event page (Node figure's method), ns/event. */
  replay?: { count: number; ownNs: number; emptyNs: number };
  navigation?: NavigationFigures;
  errors: Record<string, string>;
}

interface DetectionFigures {
  badge: Spread;
  stored: Spread;
  /** ms from the response's timeStamp: each step of the way, as medians over the rounds (detection-steps.ts). */
  steps: DetectionSteps;
}

const PREFS = {
  // Firefox rounds performance.now() (1 ms, and 20 µs even then): the handler is timed in microseconds.
  'privacy.reduceTimerPrecision': false,
  'privacy.reduceTimerPrecision.unconditional': false,
  // The event page must not be suspended between the bench's steps (its prologue keeps no state across).
  [IDLE_TIMEOUT_PREF]: 3_600_000,
};

interface Listener {
  events(): Promise<ProbeEvent[]>;
  clear(): Promise<void>;
  send(request: ReplayRequest): Promise<void>;
}

async function listen(page: Page): Promise<Listener> {
  await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${SHELL_PAGE}`);
  await page.evaluate((name) => {
    const seen: unknown[] = ((globalThis as unknown as { __probe: unknown[] }).__probe = []);
    const channel = ((globalThis as unknown as { __channel: BroadcastChannel }).__channel = new BroadcastChannel(name));
    channel.onmessage = (e) => seen.push(e.data);
  }, PROBE_CHANNEL);
  return {
    events: () => page.evaluate(() => [...(globalThis as unknown as { __probe: ProbeEvent[] }).__probe]),
    clear: () => page.evaluate(() => void ((globalThis as unknown as { __probe: unknown[] }).__probe.length = 0)),
    send: (request) =>
      page.evaluate(
        (r) => (globalThis as unknown as { __channel: BroadcastChannel }).__channel.postMessage(r),
        request,
      ),
  };
}

async function popupFigures(
  ff: FirefoxHarness,
  tabId: number,
  opens: number,
): Promise<NonNullable<FirefoxFigures['popup']>> {
  // The content floor's page: the popup's first frame as static HTML, written into the installed copy (first-frame.ts).
  await writeFirstFramePage(ff.extensionDir, await captureFirstFrame(ff, tabId));
  const page = ff.popupPage;
  await page.bringToFront();
  const rows: {
    popup: number;
    shell: number;
    trivialModule: number;
    frameFloor: number;
    contentFloor: number;
    readsFloor: number;
    scriptStart: number;
    readStart: number;
    readEnd: number;
    responseEnd: number;
  }[] = [];
  // The floor pages (extension-copy.ts): each sets the popup's mark, opened the same way in the same rounds.
  const floorUrls: Record<string, string> = {
    trivial: `${EXTENSION_ORIGIN}/${POPUP_VARIANTS.trivialModule}?tab=${tabId}`,
    frame: `${EXTENSION_ORIGIN}/${POPUP_VARIANTS.frameFloor}?tab=${tabId}`,
    content: `${EXTENSION_ORIGIN}/${POPUP_VARIANTS.contentFloor}?tab=${tabId}`,
    reads: `${EXTENSION_ORIGIN}/${POPUP_VARIANTS.readsFloor}?tab=${tabId}`,
  };
  const warmUp = 3;
  for (let round = -warmUp; round < opens; round += 1) {
    let popup = { toExplanation: 0, scriptStart: 0, readStart: 0, readEnd: 0, responseEnd: 0 };
    let shell = 0;
    const floors: Record<string, number> = {};
    const order = ['popup', 'shell', 'trivial', 'frame', 'content', 'reads'];
    for (const what of round % 2 === 0 ? order : order.reverse()) {
      if (floorUrls[what]) {
        await navigateExtensionPage(page, floorUrls[what]);
        await page.evaluate(markSeen, POPUP_MARKS.explanation);
        floors[what] = await page.evaluate(
          (mark) => performance.getEntriesByName(mark)[0]!.startTime,
          POPUP_MARKS.explanation,
        );
      } else if (what === 'popup') {
        await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${toolbarPopupPath(tabId)}`);
        await page.evaluate(markSeen, POPUP_MARKS.explanation);
        popup = await page.evaluate((marks) => {
          const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          return {
            toExplanation: at(marks.explanation),
            scriptStart: at(marks.scriptStart),
            readStart: at(marks.readStart),
            readEnd: at(marks.readEnd),
            responseEnd: nav.responseEnd,
          };
        }, POPUP_MARKS);
      } else {
        await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${SHELL_PAGE}?tab=${tabId}`);
        await page.waitForFunction(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd > 0,
          { timeout: 10_000, polling: 20 },
        );
        shell = await page.evaluate(
          () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
        );
      }
    }
    if (round >= 0)
      rows.push({
        popup: popup.toExplanation,
        shell,
        trivialModule: floors.trivial!,
        frameFloor: floors.frame!,
        contentFloor: floors.content!,
        readsFloor: floors.reads!,
        scriptStart: popup.scriptStart,
        readStart: popup.readStart,
        readEnd: popup.readEnd,
        responseEnd: popup.responseEnd,
      });
  }
  const of = (key: keyof (typeof rows)[number]) => spread(rows.map((r) => r[key]));
  return {
    popup: of('popup'),
    shell: of('shell'),
    trivialModule: of('trivialModule'),
    frameFloor: of('frameFloor'),
    contentFloor: of('contentFloor'),
    readsFloor: of('readsFloor'),
    ratioPerRound: spread(rows.map((r) => r.popup / r.shell)),
    scriptStart: of('scriptStart'),
    readStart: of('readStart'),
    readEnd: of('readEnd'),
    responseEnd: of('responseEnd'),
  };
}

/** One popup open in a page of its own that copies the DOM its explanation's frame painted (first-frame.ts). */
async function captureFirstFrame(ff: FirefoxHarness, tabId: number): Promise<string> {
  const page = await ff.browser.newPage();
  try {
    await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${FIRST_FRAME_CAPTURE}?tab=${tabId}`);
    await page.evaluate(markSeen, POPUP_MARKS.explanation);
    const frame = await page.evaluate(heldFirstFrame);
    if (!frame) throw new Error('the popup set its mark without the first-frame hook seeing it');
    return frame;
  } finally {
    await page.close();
  }
}

interface Side {
  ff: FirefoxHarness;
  probe: Listener;
}

interface DetectionRound {
  badge: number;
  stored: number;
  events: ProbeEvent[];
}

/** One failing load in a fresh tab: ms from its response's timeStamp to the badge call and to its reading stored. */
async function detectionRound({ ff, probe }: Side, address: string): Promise<DetectionRound> {
  await probe.clear();
  const { tabId } = await ff.openTab(address);
  try {
    const [respondedAt, badgeAt, storedAt] = await waitFor(
      `the badge of ${address} set and its page stored`,
      async () => {
        const events = await probe.events();
        const response = events.find((e) => e.kind === 'response' && e.url === address);
        const badgeSet = events.find(
          (e) => e.kind === 'call' && e.what === 'action.setBadgeText' && e.tabId === tabId && e.text,
        );
        const page = events.find((e) => e.kind === 'stored' && e.url === address && e.withPage);
        return response?.kind === 'response' && badgeSet && page
          ? [response.timeStamp, badgeSet.at, page.at]
          : undefined;
      },
      { timeoutMs: 10_000 },
    );
    return { badge: badgeAt - respondedAt, stored: storedAt - respondedAt, events: await probe.events() };
  } finally {
    await ff.closeTabs([tabId]);
  }
}

const summary = (rounds: { round: DetectionRound; url: string }[]): DetectionFigures => ({
  badge: spread(rounds.map((r) => r.round.badge)),
  stored: spread(rounds.map((r) => r.round.stored)),
  steps: detectionSteps(rounds.map((r) => ({ events: r.round.events, url: r.url }))),
});

/** The extension's rounds and the do-nothing event page's (firefox-floor.ts) take turns, so load hits both. */
async function detectionFigures(
  real: Side,
  floor: Side,
  url: (round: number, side: 'real' | 'floor') => string,
  rounds: number,
  log: (message: string) => void,
): Promise<NonNullable<FirefoxFigures['detection']>> {
  const seen: Record<'real' | 'floor', { round: DetectionRound; url: string }[]> = { real: [], floor: [] };
  for (let round = 0; round < rounds; round += 1) {
    for (const side of round % 2 ? (['floor', 'real'] as const) : (['real', 'floor'] as const)) {
      const address = url(round, side);
      const result = await detectionRound(side === 'real' ? real : floor, address);
      seen[side].push({ round: result, url: address });
      log(`  ${side}: ${describeRound(result.events, address)}`);
    }
  }
  return { ...summary(seen.real), rounds, floor: summary(seen.floor) };
}

const isCount = (e: ProbeEvent) =>
  e.kind === 'call' &&
  (e.what.startsWith('session.') || e.what.startsWith('local.') || e.what === 'scripting.executeScript');

async function healthyFigures(
  ff: FirefoxHarness,
  probe: Listener,
  healthyUrl: (tab: number, nav: number) => string,
  failingUrl: string,
): Promise<NonNullable<FirefoxFigures['healthy']>> {
  await probe.clear();
  const tabIds: number[] = [];
  let navigations = 0;
  const healthyUrls = new Set<string>();
  for (let tab = 0; tab < 4; tab += 1) {
    const first = healthyUrl(tab, 0);
    healthyUrls.add(first);
    const { tabId } = await ff.openTab(first);
    tabIds.push(tabId);
    navigations += 1;
    for (let nav = 1; nav <= 4; nav += 1, navigations += 1) {
      healthyUrls.add(healthyUrl(tab, nav));
      await ff.navigateTab(tabId, healthyUrl(tab, nav));
    }
    await ff.reloadTab(tabId);
    navigations += 1;
  }
  // The control: a failure in another tab. Its writes and its page's scripting call prove the counters
  // work; the prologue posts in order, so every call before its response is the healthy loads'.
  const control = await ff.openTab(failingUrl);
  const events = await waitFor('the control failure read and stored', async () => {
    const all = await probe.events();
    return all.some((e) => e.kind === 'stored' && e.url === failingUrl && e.withPage) ? all : undefined;
  });
  await ff.closeTabs([...tabIds, control.tabId]);
  const cut = events.findIndex((e) => e.kind === 'response' && e.url === failingUrl);
  const healthy = events.slice(0, cut).filter(isCount);
  const controlCalls = events.slice(cut).filter(isCount);
  const handler = events.filter(
    (e): e is Extract<ProbeEvent, { kind: 'handler' }> => e.kind === 'handler' && healthyUrls.has(e.url),
  );
  const scripting = (list: ProbeEvent[]) =>
    list.filter((e) => e.kind === 'call' && e.what === 'scripting.executeScript').length;
  return {
    navigations,
    writes: healthy
      .filter((e) => e.kind === 'call' && e.what !== 'scripting.executeScript')
      .map((e) => ({ what: (e as { what: string }).what, keys: (e as { keys: string[] }).keys })),
    scriptingCalls: scripting(healthy),
    controlWrites: controlCalls.length - scripting(controlCalls),
    controlScriptingCalls: scripting(controlCalls),
    handlerUs: spread(handler.map((h) => h.ownUs)),
    floorUs: spread(handler.map((h) => h.emptyUs)),
  };
}

export interface FirefoxScenario {
  /** The instrumented copy of dist/firefox (extension-copy.ts). */
  dist: string;
  /** The do-nothing event page (firefox-floor.ts): Firefox's own floor for the detection figures. */
  floorDist: string;
  /** A copy as built (no prologue): the page-load comparison. */
  plainDist: string;
  origin: string;
  popupOpens: number;
  detectionRounds: number;
  navigationRounds: number;
  /** Only these parts (`--only=firefox.detection`); all when absent. */
  parts?: Set<string>;
  log(message: string): void;
}

export async function measureFirefox(s: FirefoxScenario): Promise<FirefoxFigures> {
  const figures: FirefoxFigures = { version: '', errors: {} };
  const step = async <K extends 'popup' | 'detection' | 'healthy' | 'replay' | 'navigation'>(
    key: K,
    what: string,
    work: () => Promise<FirefoxFigures[K]>,
  ) => {
    if (s.parts && !s.parts.has(key)) return;
    s.log(`firefox: ${what}`);
    try {
      figures[key] = await work();
    } catch (error) {
      figures.errors[key] = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      s.log(`  failed: ${figures.errors[key]}`);
    }
  };
  const inOneBrowser = ['detection', 'healthy', 'replay', 'popup'];
  const ff =
    !s.parts || inOneBrowser.some((part) => s.parts!.has(part))
      ? await launchFirefox({ dist: s.dist, prefs: PREFS })
      : undefined;
  if (ff)
    try {
      figures.version = await ff.browser.version();
      const probe = await listen(await ff.browser.newPage());
      await step(
        'detection',
        `failing response → badge, → reason stored (${s.detectionRounds} failing loads, and as many in a do-nothing event page)`,
        async () => {
          const floor = await launchFirefox({ dist: s.floorDist, prefs: PREFS });
          try {
            const floorProbe = await listen(await floor.browser.newPage());
            return await detectionFigures(
              { ff, probe },
              { ff: floor, probe: floorProbe },
              (round, side) => `${s.origin}/fail?ff-read=${round}&${side}`,
              s.detectionRounds,
              s.log,
            );
          } finally {
            await floor.close();
          }
        },
      );
      await step('healthy', 'storage writes, scripting calls and handler time for healthy navigations', () =>
        healthyFigures(
          ff,
          probe,
          (tab, nav) => `${s.origin}/ok?ff-writes=${tab}-${nav}`,
          `${s.origin}/fail?ff-control`,
        ),
      );
      await step('replay', 'the healthy listener replayed on 200,000 synthetic events in the event page', async () => {
        await probe.send({ kind: 'replay', count: 200_000 });
        return waitFor(
          'the replay',
          async () =>
            (await probe.events()).find((e): e is Extract<ProbeEvent, { kind: 'replayed' }> => e.kind === 'replayed'),
          { timeoutMs: 60_000 },
        );
      });
      await step('popup', `popup time to explanation (${s.popupOpens} rounds: popup, script-less shell)`, async () => {
        const { tabId } = await ff.openTab(`${s.origin}/fail?ff-popup`);
        await waitFor('the popup tab recorded', async () => ((await ff.record(tabId))?.incident ? true : undefined));
        return popupFigures(ff, tabId, s.popupOpens);
      });
    } finally {
      await ff.close();
    }
  // Page loads: the extension as built (the prologue's own listener and posts would count against it).
  await step(
    'navigation',
    `healthy loads with vs without the extension (${s.navigationRounds} rounds of 40 pages)`,
    async () => {
      // Both through the harness's one launch (test/harness/firefox.ts): same arguments, prefs and fresh
      // profile; only the extension differs. Each browser gets as many pages as the harness opens (its probe
      // and popup pages, idle during the loads), and the loads run in a tab the extension knows.
      const [withExtension, plain] = await Promise.all([
        launchFirefox({ dist: s.plainDist, prefs: PREFS }),
        launchPlainFirefox(PREFS),
      ]);
      try {
        const first = `${s.origin}/ok?ff-round=first`;
        // tabs.create gives the tab a real id in webRequest (a WebDriver navigation of a tab reports -1,
        // which the extension ignores): the loads are then the extension's to handle, as a person's are.
        const { tabId } = await withExtension.openTab(first);
        const a = (await withExtension.browser.pages()).find((page) => page.url() === first);
        if (!a) throw new Error('the tab opened by tabs.create has no page');
        await Promise.all([plain.newPage(), plain.newPage()]);
        const b = await plain.newPage();
        await b.goto(first, { waitUntil: 'load' });
        // A navigation the page starts itself, the same in both: never WebDriver's, whose tab id is -1.
        const load = (page: Page) => async (url: string) => {
          const started = performance.now();
          await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.evaluate((u) => void (location.href = u), url),
          ]);
          return performance.now() - started;
        };
        const pageUrl = (r: number, i: number) => `${s.origin}/ok?ff-round=${r}&page=${i}`;
        const figures = await compareLoads(load(a), load(b), pageUrl, 40, s.navigationRounds);
        // The extension saw the loads in that tab (its in-memory status of the tab's last healthy load).
        // (webRequest.onCompleted reaches the event page after the page's load event: wait for it.)
        const lastUrl = pageUrl(s.navigationRounds - 1, 39);
        await waitFor(`the extension to see ${lastUrl} in tab ${tabId}`, async () =>
          (await withExtension.liveStatus(tabId)).url === lastUrl ? true : undefined,
        );
        return figures;
      } finally {
        await Promise.all([withExtension.close(), plain.close()]);
      }
    },
  );
  return figures;
}
