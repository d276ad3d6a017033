// Turns the measurements into budget lines (PASS/FAIL) and the explanatory sections of results.md.
import { BUDGETS, BUNDLE_BUDGET_MISSES, BUNDLE_BUDGETS_KB } from './budgets';
import type { EntryWeight } from '../test/harness/measure/bundle-size';
import type { CheckCaps } from '../test/harness/measure/check-caps';
import type { HealthyWrites } from '../test/harness/measure/healthy-writes';
import type { PageReadingFigures } from './measure-page-reading';
import type { MemoryFigures } from './measure-memory';
import type { NavigationFigures } from './measure-navigation';
import type { PopupFigures } from './measure-popup';
import type { ScaleLevel } from './measure-scale';
import type { VerdictFigures } from './measure-verdict';
import type { HandlerFigures } from './node-handler';
import type { ResultLine } from './report';
import { formatSpread, kib, round, spread, type Spread } from './stats';
import type { FirefoxFigures } from './measure-firefox';
import { HOW_MEASURED } from './how-measured';
import type { ColdStartFigures } from './measure-cold-start';
import { coldStartLines } from './cold-start-lines';
import type { BackgroundModules } from './background-modules';
import { popupIdeas } from './popup-ideas';
import { popupLines, popupMainThreadLines, popupParts } from './popup-lines';
import { memoryLines, scaleLines } from './memory-lines';
import { firefoxDetectionLines, firefoxHealthyLines, firefoxPopupLines } from './firefox-lines';

/** What the bench measured; a figure whose phase failed is missing, with its error in `errors`. */
export interface BenchRaw {
  errors: Partial<Record<string, string>>;
  bundles?: EntryWeight[];
  handler?: HandlerFigures;
  caps?: CheckCaps;
  popup?: PopupFigures;
  navigation?: NavigationFigures;
  writes?: HealthyWrites;
  pageReading?: PageReadingFigures;
  verdict?: { answering: VerdictFigures; blackHoled: VerdictFigures };
  memory?: MemoryFigures;
  scale?: ScaleLevel[];
  firefox?: FirefoxFigures;
  /** One per way of waking the stopped worker (COLD_WAKES), in that order. */
  coldStart?: ColdStartFigures[];
  backgroundModules?: BackgroundModules;
}

type Figure = Exclude<keyof BenchRaw, 'errors' | 'caps'>;

const notMeasured = (raw: BenchRaw, figure: Figure, label: string): ResultLine => ({
  figure: label,
  measured: `not measured: ${raw.errors[figure] ?? 'no result'}`,
  baseline: '—',
  budget: '—',
  pass: false,
});

const ms = (s: Spread) => formatSpread(s, 'ms', 0);
const mib = (bytes: number) => `${round(bytes / 1024 / 1024, 2)} MB`;

const splitOf = (m: BackgroundModules) =>
  m.files
    .map(
      (f) =>
        `${f.file} (${f.eager ? 'at start' : 'on the first step'}): ${f.parts.map((p) => `${p.area} ${kib(p.share)}`).join('; ')}`,
    )
    .join(' — ');

function bundleLines(bundles: EntryWeight[], modules?: BackgroundModules): ResultLine[] {
  const by = (entry: EntryWeight['entry']) => bundles.find((b) => b.entry === entry)!;
  const line = (entry: EntryWeight['entry'], budget?: number, miss?: string): ResultLine => {
    const b = by(entry);
    return {
      figure: `Bundle: ${entry} JS loaded at start (gzip, ${b.js.filter((f) => !f.lazy).length} of ${b.js.length} files)`,
      measured: `${kib(b.eagerJsGzip)} KB (+ ${kib(b.jsGzip - b.eagerJsGzip)} KB on demand; ${kib(b.jsBytes)} KB raw in all)`,
      baseline: '—',
      budget: budget === undefined ? '—' : `≤ ${budget} KB${miss ? ` (missed: ${miss})` : ''}`,
      pass: budget === undefined ? null : b.eagerJsGzip <= budget * 1024,
    };
  };
  const css = bundles
    .filter((b) => b.css.length)
    .map((b) => `${b.entry} ${kib(b.cssGzip)} KB`)
    .join(', ');
  return [
    line('popup', BUNDLE_BUDGETS_KB.popupJs),
    {
      ...line('background', BUNDLE_BUDGETS_KB.backgroundJs, BUNDLE_BUDGET_MISSES.backgroundJs),
      ...(modules ? { baseline: `measured split (KB gzip, shares of each file): ${splitOf(modules)}` } : {}),
    },
    line('options'),
    { figure: 'Bundle: CSS (gzip)', measured: css, baseline: '—', budget: '—', pass: null },
  ];
}

function handlerLine(handler: HandlerFigures): ResultLine {
  return {
    figure: `3a. onHeadersReceived, healthy (Node, ${handler.eventsPerRound.toLocaleString('en')} events × ${handler.onHeadersReceived.n})`,
    measured: `${formatSpread(handler.onHeadersReceived, 'ns/event', 0)}; browser API touches: ${handler.browserTouches}`,
    baseline: `pure decision ${round(handler.pureDecision.median, 0)} ns; empty loop ${round(handler.emptyLoop.median, 0)} ns`,
    budget: `≤ ${BUDGETS.handlerNsPerEvent} ns, 0 touches`,
    pass: handler.onHeadersReceived.median <= BUDGETS.handlerNsPerEvent && handler.browserTouches === 0,
  };
}

function navigationLine(navigation: NavigationFigures): ResultLine {
  return {
    figure: `3b. ${navigation.pagesPerRound} healthy loads, with ÷ without extension`,
    measured: `${round(navigation.ratioPerRound.median, 3)}× (min ${round(navigation.ratioPerRound.min, 3)}, max ${round(navigation.ratioPerRound.max, 3)}); with: ${ms(navigation.withExtension)}`,
    baseline: `without: ${ms(navigation.without)}`,
    budget: `≤ ${BUDGETS.navigationRatio}×`,
    pass: navigation.ratioPerRound.median <= BUDGETS.navigationRatio,
  };
}

const scriptingCalls = (calls: Record<string, number>): number => calls['scripting.executeScript'] ?? 0;

function pageReadingLines(figures: PageReadingFigures): ResultLine[] {
  return [
    {
      figure: '3d. Failing response (webRequest) → badge set on its tab',
      measured: ms(figures.badge),
      baseline: `${figures.rounds} failing loads, each in a fresh tab (the first one loads the infrastructure data)`,
      budget: `≤ ${BUDGETS.failureToBadgeMs} ms`,
      pass: figures.badge.median <= BUDGETS.failureToBadgeMs,
    },
    {
      figure: "3d. Failing response (webRequest) → the page's reason stored",
      measured: ms(figures.time),
      baseline: `${figures.rounds} failing loads, each in a fresh tab`,
      budget: `≤ ${BUDGETS.failureToReasonMs} ms`,
      pass: figures.time.median <= BUDGETS.failureToReasonMs,
    },
  ];
}

function writeLines(writes: HealthyWrites): ResultLine[] {
  const listed = writes.healthyWrites.map((w) => `${w.what} ${w.keys.join(',')}`).join('; ');
  return [
    {
      figure: `3c. Storage writes for ${writes.navigations} healthy navigations`,
      measured: `${writes.healthyWrites.length}${listed ? ` (${listed})` : ''}`,
      baseline: `control failure: ${writes.controlWrites} writes`,
      budget: '= 0 (control > 0)',
      pass: writes.healthyWrites.length === BUDGETS.healthyWrites && writes.controlWrites > 0,
    },
    {
      figure: `3c. Scripting calls (reading a page) for ${writes.navigations} healthy navigations`,
      measured: `${scriptingCalls(writes.apiCalls)}`,
      baseline: `control failure: ${scriptingCalls(writes.apiCallsWithControl) - scriptingCalls(writes.apiCalls)} calls`,
      budget: '= 0 (control > 0)',
      pass:
        scriptingCalls(writes.apiCalls) === BUDGETS.healthyScriptingCalls &&
        scriptingCalls(writes.apiCallsWithControl) > 0,
    },
    {
      figure: '3b/3c. Extension API calls per healthy navigation (worker)',
      measured:
        Object.entries(writes.apiCalls)
          .filter(([, count]) => count > 0)
          .map(([call, count]) => `${call} ${round(count / writes.navigations, 2)}`)
          .join(', ') || 'none',
      baseline: `${writes.navigations} navigations`,
      budget: '—',
      pass: null,
    },
    {
      figure: '3c. Closing those tabs (not a navigation)',
      measured: `${writes.closeRemoveCalls} storage.session.remove calls, ${writes.closeChanges} changes`,
      baseline: '—',
      budget: '—',
      pass: null,
    },
  ];
}

function verdictLines(verdict: NonNullable<BenchRaw['verdict']>, caps: CheckCaps): ResultLine[] {
  const capOf = (id: string) => caps.automatic.find((c) => c.id === id)?.capMs ?? Number.NaN;
  const silentSteps = verdict.blackHoled.runs.flatMap((r) => r.steps);
  const stepsAtCap = silentSteps.every(
    (s) => s.state === 'done' && (s.durationMs ?? Infinity) <= capOf(s.id) + caps.graceMs,
  );
  const perStep = (f: VerdictFigures, withCap: boolean) =>
    Object.entries(f.perStep)
      .map(([id, s]) => `${id} ${round(s.median, 0)}${withCap ? `/${capOf(id)}` : ''}`)
      .join(', ');
  return [
    {
      figure: `4. Verdict, endpoints answering (${caps.automatic.map((c) => c.id).join(', ')})`,
      measured: ms(verdict.answering.total),
      baseline: `per step: ${perStep(verdict.answering, false)} ms`,
      budget: `≤ ${BUDGETS.verdictMedianMs} ms, all done`,
      pass:
        verdict.answering.runs.every((r) => !r.timedOut) && verdict.answering.total.median <= BUDGETS.verdictMedianMs,
    },
    {
      figure: '4. Verdict, everything black-holed',
      measured: ms(verdict.blackHoled.total),
      baseline: `per step (own/cap): ${perStep(verdict.blackHoled, true)} ms`,
      budget: `≤ ${BUDGETS.blackHoledVerdictMs} ms, each ≤ cap + ${caps.graceMs} ms`,
      pass:
        verdict.blackHoled.runs.every((r) => !r.timedOut) &&
        stepsAtCap &&
        verdict.blackHoled.total.max <= BUDGETS.blackHoledVerdictMs,
    },
  ];
}

export function buildLines(raw: BenchRaw): ResultLine[] {
  const { popup, bundles, handler, navigation, writes, pageReading, verdict, caps, memory, scale, firefox } = raw;
  const ffError = raw.errors.firefox;
  return [
    ...(popup ? popupLines({ popup }) : [notMeasured(raw, 'popup', '1. Popup time to explanation')]),
    ...firefoxPopupLines(firefox, ffError),
    ...(bundles ? bundleLines(bundles, raw.backgroundModules) : [notMeasured(raw, 'bundles', '2. Bundles')]),
    handler ? handlerLine(handler) : notMeasured(raw, 'handler', '3a. Handler in Node'),
    navigation ? navigationLine(navigation) : notMeasured(raw, 'navigation', '3b. Healthy loads'),
    ...(writes ? writeLines(writes) : [notMeasured(raw, 'writes', '3c. Storage writes')]),
    ...firefoxHealthyLines(firefox, ffError),
    ...(pageReading
      ? pageReadingLines(pageReading)
      : [notMeasured(raw, 'pageReading', "3d. Failing response → badge, and → the page's reason stored")]),
    ...firefoxDetectionLines(firefox, ffError),
    ...(verdict && caps ? verdictLines(verdict, caps) : [notMeasured(raw, 'verdict', '4. Time to verdict')]),
    ...(memory ? memoryLines(memory) : [notMeasured(raw, 'memory', '5. Worker memory')]),
    ...(scale?.length ? scaleLines(scale) : [notMeasured(raw, 'scale', '6. Scale')]),
    ...(raw.coldStart?.length
      ? raw.coldStart.flatMap(coldStartLines)
      : [notMeasured(raw, 'coldStart', '7. Background cold start')]),
  ];
}

export function explainSections(raw: BenchRaw): string[] {
  const { popup, verdict, scale = [], memory, caps } = raw;
  const capOf = (id: string) => caps?.automatic.find((c) => c.id === id)?.capMs ?? '?';
  const stepRows = (figures: VerdictFigures) =>
    figures.runs[0]?.steps.map((s) => {
      const all = figures.runs.map((r) => r.steps.find((x) => x.id === s.id));
      const d = spread(all.map((x) => x?.durationMs ?? Number.NaN));
      const outcomes = [...new Set(all.map((x) => `${x?.outcome ?? x?.state} (${x?.summary ?? ''})`))].join(', ');
      return `| ${s.id} | ${capOf(s.id)} | ${ms(d)} | ${outcomes} |`;
    }) ?? [];
  const errors = Object.entries(raw.errors).map(([figure, error]) => `- ${figure}: ${error}`);
  return [
    ...(errors.length ? ['## Phases that failed', ...errors, ''] : []),
    ...popupIdeas(popup, raw.firefox),
    ...(popup
      ? [
          '## Popup breakdown (ms from navigation start, medians)',
          `responseEnd ${round(popup.breakdown.responseEnd.median, 0)} → last eager JS fetched ${round(popup.breakdown.scriptsFetched.median, 0)} → entry module runs ${round(popup.breakdown.scriptStart.median, 0)} → DOMContentLoaded ${round(popup.breakdown.domContentLoaded.median, 0)} → reads start ${round(popup.breakdown.readStart.median, 0)} → reads done ${round(popup.breakdown.readEnd.median, 0)} → load ${round(popup.breakdown.loadEventEnd.median, 0)} → explanation-rendered ${round(popup.popup.median, 0)}; shell without JS: load ${round(popup.shell.median, 0)}.`,
          '',
          `Parts: ${popupParts(popup)}.`,
          '',
          ...popupMainThreadLines(popup),
        ]
      : []),
    ...(raw.bundles
      ? [
          '## Bundle composition (gzip bytes per file, as loaded)',
          ...raw.bundles.map(
            (b) =>
              `- ${b.entry}: ${[...b.js, ...b.css].map((f) => `${f.file} ${f.gzip}${f.lazy ? ' (lazy)' : ''}`).join(', ')}`,
          ),
          '',
        ]
      : []),
    ...(raw.backgroundModules
      ? raw.backgroundModules.files.flatMap((f) => [
          `## Background: where the bytes go — ${f.file}, ${f.eager ? 'evaluated before the first event' : 'loaded on the first step'} (KB gzip, each module minified and gzipped alone, scaled to the file's ${kib(f.total)} KB)`,
          ...f.parts.map(
            (p) =>
              `- **${p.area}** ${kib(p.share)}: ${p.modules.map((m) => `${m.id.replace(/^src\//, '').replace(/^.*node_modules\//, '')} ${round(m.share / 1024, 2)}`).join(', ')}`,
          ),
          '',
        ])
      : []),
    ...(verdict
      ? [
          '## Time to verdict, per step (durationMs as the runner stored it)',
          '| Step | Cap (ms) | Answering | Outcome |',
          '|---|---|---|---|',
          ...stepRows(verdict.answering),
          '',
          '| Step | Cap (ms) | Black-holed | Outcome |',
          '|---|---|---|---|',
          ...stepRows(verdict.blackHoled),
          '',
        ]
      : []),
    '## Scale',
    '| Tabs with incidents | Records | storage.session bytes | Bytes per tab | Popup (ms) | Shell without JS (ms) | Popup ÷ shell |',
    '|---|---|---|---|---|---|---|',
    ...scale.map(
      (l) =>
        `| ${l.tabs} | ${l.records} | ${l.sessionBytes} | ${round(l.bytesPerTab, 0)} | ${ms(l.popup)} | ${ms(l.shell)} | ${round(l.ratio.median, 2)}× (min ${round(l.ratio.min, 2)}, max ${round(l.ratio.max, 2)}) |`,
    ),
    '',
    ...(memory
      ? [
          `## Memory run\n${memory.navigations} navigations in ${round(memory.seconds, 1)} s; heap ${memory.heapBefore} → ${memory.heapAfter} bytes (after GC); ${memory.records} records, ${memory.sessionBytes} bytes in storage.session, ${memory.localBytes} bytes in storage.local (history).`,
          '',
        ]
      : []),
    '## How each figure is measured',
    HOW_MEASURED,
  ];
}
