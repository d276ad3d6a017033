// Firefox ESR's rows, each placed next to the Chromium row of the same figure (results-lines.ts).
import { BUDGETS } from './budgets';
import type { FirefoxFigures } from './measure-firefox';
import type { DetectionSteps } from './detection-steps';
import type { ResultLine } from './report';
import { CONTENT_FLOOR_FIGURE, READS_FLOOR_FIGURE, floorParts, floorShare } from './popup-lines';
import { formatSpread, round } from './stats';

const FF = 'Firefox ESR';
const ms = (s: { median: number; min: number; max: number; n: number }) => formatSpread(s, 'ms', 0);

const missing = (ff: FirefoxFigures | undefined, key: string, figure: string, error?: string): ResultLine => ({
  figure: `${figure} — ${FF}`,
  measured: `not measured: ${ff?.errors[key] ?? error ?? 'no result'}`,
  baseline: '—',
  budget: '—',
  pass: false,
});

export function firefoxPopupLines(ff: FirefoxFigures | undefined, error?: string): ResultLine[] {
  const p = ff?.popup;
  if (!p) return [missing(ff, 'popup', '1. Popup: navigation start → explanation rendered', error)];
  const ratio = p.popup.median / p.shell.median;
  const overAbsolute = p.popup.median > BUDGETS.popupMedianMs;
  const why = floorShare(p.popup, p.shell, p);
  return [
    {
      figure: `1. Popup: navigation start → explanation rendered — ${FF}`,
      measured: ms(p.popup),
      baseline:
        `shell (popup.html without its scripts) ${ms(p.shell)}; HTML ${round(p.responseEnd.median, 0)} ms, entry module runs ${round(p.scriptStart.median, 0)}, reads ${round(p.readStart.median, 0)} → ${round(p.readEnd.median, 0)}, explanation ${round(p.popup.median, 0)} ms` +
        (overAbsolute
          ? `. Over budget: the script-less shell alone takes ${round(p.shell.median, 0)} ms${why ? `; ${why}` : ''}`
          : ''),
      budget: `≤ ${BUDGETS.popupMedianMs} ms`,
      pass: !overAbsolute,
    },
    {
      figure: `1. Popup ÷ shell, ratio of medians (issue 15) — ${FF}`,
      measured: `${round(ratio, 2)}×`,
      baseline: `per round: ${round(p.ratioPerRound.median, 2)}× (min ${round(p.ratioPerRound.min, 2)}, max ${round(p.ratioPerRound.max, 2)}); ${floorAndOwn(p)}`,
      budget: `≤ ${BUDGETS.popupVsShellMedians}×`,
      pass: ratio <= BUDGETS.popupVsShellMedians,
    },
    {
      figure: `1. Floor: the popup's HTML and CSS with one trivial module (sets the mark) ÷ shell, ratio of medians — ${FF}`,
      measured: `${round(p.trivialModule.median / p.shell.median, 2)}× (${ms(p.trivialModule)})`,
      baseline: `the browser's own cost of running a module in an extension page; the popup: ${round(ratio, 2)}×`,
      budget: '—',
      pass: null,
    },
    ...(p.contentFloor
      ? [
          {
            figure: `${CONTENT_FLOOR_FIGURE} — ${FF}`,
            measured: `${round(p.contentFloor.median / p.shell.median, 2)}× (${ms(p.contentFloor)})`,
            baseline: `${floorParts(p.trivialModule, p.frameFloor, p.contentFloor)}; the popup: ${round(ratio, 2)}×`,
            budget: '—',
            pass: null,
          },
        ]
      : []),
    ...(p.readsFloor
      ? [
          {
            figure: `${READS_FLOOR_FIGURE} — ${FF}`,
            measured: `${round(p.readsFloor.median / p.shell.median, 2)}× (${ms(p.readsFloor)})`,
            baseline: `the same page as the row above, its content shown only once the popup's first-frame reads have answered (tabs.get, storage.session.get, storage.local.get and a storage.onChanged listener, native \`browser\`, no bundle): ${at(p.readsFloor.median - (p.contentFloor?.median ?? NaN))} more than that page; the popup: ${round(ratio, 2)}×`,
            budget: '—',
            pass: null,
          },
        ]
      : []),
  ];
}

type PopupFigures = NonNullable<FirefoxFigures['popup']>;
const at = (n: number) => `${round(n, 0)} ms`;

/**
 * Which part of the popup's time is the browser's own floor and which is the popup's, from one run's medians:
 * the floor pages (extension-copy.ts) add one thing each — a module, a frame, the content's markup, the reads
 * it waits for — and what the popup takes over the last of them is its own code (its eager modules, Preact
 * building the DOM). "—" parts when a floor page was not measured.
 */
export function floorAndOwn(p: PopupFigures): string {
  const { shell, trivialModule, frameFloor, contentFloor, readsFloor, popup } = p;
  if (!frameFloor || !contentFloor || !readsFloor) return 'floor pages not measured';
  const floor = readsFloor.median;
  const own = popup.median - floor;
  const ratioAt = (ms: number) => `${round(ms / shell.median, 2)}×`;
  const steps = [shell, trivialModule, frameFloor, contentFloor, readsFloor].map((s) => s.median);
  // Each part is a difference of two pages' medians: on a loaded machine one can come out below zero.
  const noisy = steps.some((median, i) => i > 0 && median < steps[i - 1]!)
    ? ' (a part below zero: those two pages differ by less than this run’s noise)'
    : '';
  return (
    `the browser's own floor, measured in the same rounds: ${at(floor)} (${ratioAt(floor)} the shell) = shell ${at(shell.median)}` +
    ` + running a module ${at(trivialModule.median - shell.median)} + one frame ${at(frameFloor.median - trivialModule.median)}` +
    ` + the explanation's markup (parse, style, layout, paint) ${at(contentFloor.median - frameFloor.median)}` +
    ` + the reads it waits for (each API's first use in the page) ${at(readsFloor.median - contentFloor.median)}${noisy};` +
    ` the popup's own: ${at(own)} (${round((own / popup.median) * 100, 0)}% of its time): its entry module runs at ${at(p.scriptStart.median)}` +
    ` where the trivial module has run at ${at(trivialModule.median)} (its eager files fetched, compiled, evaluated; the reads asked at ${at(p.readStart.median)}` +
    ` and in at ${at(p.readEnd.median)}), then ${at(popup.median - p.readEnd.median)} from the reads to the mark (Preact building the DOM, style, layout, paint, one frame).` +
    ` With none of its own time the popup would be at ${ratioAt(floor)}: ${floor / shell.median <= BUDGETS.popupVsShellMedians ? 'the budget is within reach' : `the budget (${BUDGETS.popupVsShellMedians}×) is below the browser's own floor`}`
  );
}

/** "delivered 26, badge call 27" from the steps' medians (ms from the response), the named ones that are there. */
function stepList(steps: DetectionSteps, names: [string, string][]): string {
  return names
    .filter(([step]) => steps[step])
    .map(([step, label]) => `${label} ${round(steps[step]!.median, 0)}`)
    .join(', ');
}

const BADGE_STEPS: [string, string][] = [
  ['delivered to the event page', 'webRequest event delivered to the event page'],
  ['badge text set (call)', 'setBadgeText called'],
  ['action.setBadgeText settled', 'settled'],
];
const READING_STEPS: [string, string][] = [
  ['webNavigation.onCommitted (timeStamp)', 'document committed'],
  ['webNavigation.onDOMContentLoaded (timeStamp)', 'DOMContentLoaded'],
  ['scripting.executeScript starts', 'executeScript sent'],
  ['scripting.executeScript settled', 'its result back'],
  ['stored with the page', 'stored'],
];

export function firefoxDetectionLines(ff: FirefoxFigures | undefined, error?: string): ResultLine[] {
  const d = ff?.detection;
  if (!d) return [missing(ff, 'detection', "3d. Failing response → badge, → the page's reason stored", error)];
  const f = d.floor;
  const floorText = (part: 'badge' | 'stored') =>
    `Firefox's own floor, measured in the same run (a do-nothing event page, rounds taking turns): ${ms(f[part])}`;
  return [
    {
      figure: `3d. Failing response (webRequest) → badge set on its tab — ${FF}`,
      measured: ms(d.badge),
      baseline: `${d.rounds} failing loads, each in a fresh tab (tabs.create); medians in ms from the response: ${stepList(d.steps, BADGE_STEPS)}. ${floorText('badge')} (${stepList(f.steps, BADGE_STEPS)}): the event's delivery is the browser's`,
      budget: `≤ ${BUDGETS.failureToBadgeMs} ms`,
      pass: d.badge.median <= BUDGETS.failureToBadgeMs,
    },
    {
      figure: `3d. Failing response (webRequest) → the page's reason stored — ${FF}`,
      measured: ms(d.stored),
      baseline: `medians in ms from the response: ${stepList(d.steps, READING_STEPS)}. ${floorText('stored')} (${stepList(f.steps, READING_STEPS)}): the page's own DOMContentLoaded and executeScript's round trip are the browser's`,
      budget: `≤ ${BUDGETS.failureToReasonMs} ms`,
      pass: d.stored.median <= BUDGETS.failureToReasonMs,
    },
  ];
}

export function firefoxHealthyLines(ff: FirefoxFigures | undefined, error?: string): ResultLine[] {
  const lines: ResultLine[] = [];
  const h = ff?.healthy;
  if (!h) lines.push(missing(ff, 'healthy', '3a/3c. Healthy navigations', error));
  else {
    const listed = h.writes.map((w) => `${w.what} ${w.keys.join(',')}`).join('; ');
    const r = ff?.replay;
    lines.push(
      r
        ? {
            figure: `3a. onHeadersReceived, healthy, in the event page (${r.count.toLocaleString('en')} synthetic events) — ${FF}`,
            measured: `${round(r.ownNs, 0)} ns/event`,
            baseline: `empty listener ${round(r.emptyNs, 0)} ns; the listener index.ts registered (with its start-up \`then\`), after a 20,000-event warm-up, timed until its microtasks ran`,
            budget: `≤ ${BUDGETS.handlerNsPerEvent} ns`,
            pass: r.ownNs <= BUDGETS.handlerNsPerEvent,
          }
        : missing(ff, 'replay', '3a. onHeadersReceived replayed in the event page', error),
      {
        figure: `3a. onHeadersReceived, the first ${h.handlerUs.n} real healthy events (cold code) — ${FF}`,
        measured: `${formatSpread(h.handlerUs, 'µs/event', 1)}`,
        baseline: `the same timer's floor (one microtask hop, no listener) ${round(h.floorUs.median, 1)} µs; performance.now() in the event page, timer rounding off; IPC delivery not included`,
        budget: '—',
        pass: null,
      },
      {
        figure: `3c. Storage writes for ${h.navigations} healthy navigations — ${FF}`,
        measured: `${h.writes.length}${listed ? ` (${listed})` : ''}`,
        baseline: `control failure: ${h.controlWrites} writes`,
        budget: '= 0 (control > 0)',
        pass: h.writes.length === BUDGETS.healthyWrites && h.controlWrites > 0,
      },
      {
        figure: `3c. Scripting calls (reading a page) for ${h.navigations} healthy navigations — ${FF}`,
        measured: `${h.scriptingCalls}`,
        baseline: `control failure: ${h.controlScriptingCalls} calls`,
        budget: '= 0 (control > 0)',
        pass: h.scriptingCalls === BUDGETS.healthyScriptingCalls && h.controlScriptingCalls > 0,
      },
    );
  }
  const nav = ff?.navigation;
  if (!nav) lines.push(missing(ff, 'navigation', '3b. Healthy loads, with ÷ without extension', error));
  else
    lines.push({
      figure: `3b. ${nav.pagesPerRound} healthy loads, with ÷ without extension — ${FF}`,
      measured: `${round(nav.ratioPerRound.median, 3)}× (min ${round(nav.ratioPerRound.min, 3)}, max ${round(nav.ratioPerRound.max, 3)}); with: ${ms(nav.withExtension)}`,
      baseline: `without: ${ms(nav.without)} (a second Firefox from the same harness launch — same arguments, prefs, fresh profile, as many pages — without the extension; the loads in a tab the extension handles)`,
      budget: `≤ ${BUDGETS.navigationRatio}×`,
      pass: nav.ratioPerRound.median <= BUDGETS.navigationRatio,
    });
  return lines;
}
