// Row 1 of the results (Chromium): the popup against its script-less shell, its breakdown and issue 15's ideas.
import { BUDGETS } from './budgets';
import type { PopupFigures } from './measure-popup';
import type { ResultLine } from './report';
import { formatSpread, round, type Spread } from './stats';

const ms = (s: Spread) => formatSpread(s, 'ms', 0);

/** Module fetch, parse + compile + evaluate, storage read, render: the popup's time, part by part (medians). */
export function popupParts(popup: PopupFigures): string {
  const b = popup.breakdown;
  const part = (from: number, to: number) => `${round(to - from, 0)} ms`;
  // Chromium gave no Resource Timing entry for the extension's own module scripts in the runs so far:
  // then fetch and compile cannot be told apart, and the row says so rather than show a 0 ms fetch.
  const fetchSeen = b.scriptsFetched.median > b.responseEnd.median;
  return [
    `HTML ${round(b.responseEnd.median, 0)} ms`,
    ...(fetchSeen
      ? [
          `module fetch ${part(b.responseEnd.median, b.scriptsFetched.median)}`,
          `parse + compile + evaluate ${part(b.scriptsFetched.median, b.scriptStart.median)}`,
        ]
      : [
          `module fetch + parse + compile + evaluate ${part(b.responseEnd.median, b.scriptStart.median)} (no Resource Timing for the extension's scripts)`,
        ]),
    // The reads start as the first module's body runs (src/popup/popup-reads.ts): before the entry's, overlapping.
    b.readStart.median < b.scriptStart.median
      ? `reads started ${part(b.readStart.median, b.scriptStart.median)} before the entry runs (overlapping the modules)`
      : `until the reads start ${part(b.scriptStart.median, b.readStart.median)}`,
    `storage read ${part(b.readStart.median, b.readEnd.median)}`,
    `render ${part(b.readEnd.median, popup.popup.median)}`,
  ].join(', ');
}

/**
 * Why a popup row is over its budget, from figures of the same rounds: the browser's floor for this content
 * (the popup's first frame as static HTML, no code of ours building it; shown once the reads it waits for
 * have answered, when that page was measured) against what the popup's own code adds.
 */
export function floorShare(
  popup: Spread,
  shell: Spread,
  { readsFloor, contentFloor }: { readsFloor?: Spread; contentFloor?: Spread },
): string | undefined {
  const floor = readsFloor ?? contentFloor;
  if (!floor) return undefined;
  const page = readsFloor
    ? 'its first frame as static HTML, shown once the reads it waits for have answered, no code of ours'
    : 'its first frame as static HTML, no code';
  const own = Math.max(popup.median - floor.median, 0);
  return (
    `the browser's own floor for this content (${page}) is ${round(floor.median, 0)} ms, ` +
    `${round(floor.median / shell.median, 2)}× the shell; the popup's own code adds ${round(own, 0)} ms to it`
  );
}

export function popupLines({ popup }: { popup: PopupFigures }): ResultLine[] {
  const ratio = popup.popup.median / popup.shell.median;
  const overAbsolute = popup.popup.median > BUDGETS.popupMedianMs;
  const overRatio = ratio > BUDGETS.popupVsShellMedians;
  const why = floorShare(popup.popup, popup.shell, popup.variants ?? {});
  return [
    {
      figure: '1. Popup: navigation start → explanation rendered',
      measured: ms(popup.popup),
      baseline:
        `shell without JS ${ms(popup.shell)}; web page ${ms(popup.webPage)}` +
        (overAbsolute
          ? `. Over budget: the script-less shell alone takes ${round(popup.shell.median, 0)} ms${why ? `; ${why}` : ''}`
          : ''),
      budget: `≤ ${BUDGETS.popupMedianMs} ms`,
      pass: !overAbsolute,
    },
    {
      figure: '1. Popup ÷ shell (same round)',
      measured: `${round(popup.ratioPerRound.median, 2)}× (min ${round(popup.ratioPerRound.min, 2)}, max ${round(popup.ratioPerRound.max, 2)})`,
      baseline: `ratio of medians: ${round(ratio, 2)}×`,
      budget: `≤ ${BUDGETS.popupVsShell}×`,
      pass: popup.ratioPerRound.median <= BUDGETS.popupVsShell,
    },
    {
      figure: '1. Popup ÷ shell, ratio of medians (issue 15)',
      measured: `${round(ratio, 2)}×`,
      baseline:
        `parts of the popup's own time (medians, see "Popup breakdown"): ${popupParts(popup)}` +
        (overRatio && why ? `. Over budget: ${why}` : ''),
      budget: `≤ ${BUDGETS.popupVsShellMedians}×`,
      pass: !overRatio,
    },
    ...popupVariantLines(popup),
  ];
}

/**
 * What the content floor is made of, each page opened in the same rounds: a module page (trivial module), the
 * same with its mark after the next frame (nothing to paint), and that page with the popup's first frame
 * already in its HTML: the last two differ only in that markup (first-frame.ts).
 */
export function floorParts(trivial?: Spread, frame?: Spread, content?: Spread): string {
  if (!trivial || !frame || !content) return "parsing, style, layout and paint of the explanation's markup, one frame";
  const at = (n: number) => `${round(n, 0)} ms`;
  return (
    `no code builds the content: a module runs at ${at(trivial.median)}, the same page's next frame ${at(frame.median)} (${at(frame.median - trivial.median)}),` +
    ` the same page with the explanation's DOM in its HTML ${at(content.median)} (${at(content.median - frame.median)} more: parsing, style, layout and paint of that markup, the one difference between the two pages)`
  );
}

export const READS_FLOOR_FIGURE =
  "1. Floor: the popup's first frame as static HTML, shown once the reads it waits for have answered ÷ shell, ratio of medians";

export const CONTENT_FLOOR_FIGURE =
  "1. Floor: the popup's first frame as static HTML (the explanation's DOM copied from an open into popup.html's markup, same CSS) with one module that only sets the mark after the next frame ÷ shell, ratio of medians";

/** Issue 15's ideas, measured in the same rounds as the popup (bench/extension-copy.ts writes the pages). */
function popupVariantLines(popup: PopupFigures): ResultLine[] {
  const { trivialModule, inlineCss, contentFloor, frameFloor, readsFloor } = popup.variants ?? {};
  const lines: ResultLine[] = [];
  if (trivialModule)
    lines.push({
      figure: "1. Floor: the popup's HTML and CSS with one trivial module (sets the mark) ÷ shell, ratio of medians",
      measured: `${round(trivialModule.median / popup.shell.median, 2)}× (${ms(trivialModule)})`,
      baseline: `the browser's own cost of running a module in an extension page; the popup above: ${round(popup.popup.median / popup.shell.median, 2)}×`,
      budget: '—',
      pass: null,
    });
  if (contentFloor)
    lines.push({
      figure: CONTENT_FLOOR_FIGURE,
      measured: `${round(contentFloor.median / popup.shell.median, 2)}× (${ms(contentFloor)})`,
      baseline: `${floorParts(trivialModule, frameFloor, contentFloor)}; the popup above: ${round(popup.popup.median / popup.shell.median, 2)}×`,
      budget: '—',
      pass: null,
    });
  if (readsFloor)
    lines.push({
      figure: READS_FLOOR_FIGURE,
      measured: `${round(readsFloor.median / popup.shell.median, 2)}× (${ms(readsFloor)})`,
      baseline: `the page of the row above, its content shown only once the popup's first-frame reads have answered (tabs.get, storage.session.get, storage.local.get and a storage.onChanged listener, no bundle)${contentFloor ? `: ${round(readsFloor.median - contentFloor.median, 0)} ms more than that page` : ''}; the popup above: ${round(popup.popup.median / popup.shell.median, 2)}×, its own time over this floor ${round(popup.popup.median - readsFloor.median, 0)} ms`,
      budget: '—',
      pass: null,
    });
  if (inlineCss)
    lines.push({
      figure: '1. Idea: critical CSS inline (both stylesheets in a <style>) ÷ the popup as built, ratio of medians',
      measured: `${round(inlineCss.median / popup.popup.median, 2)}× (${ms(inlineCss)})`,
      baseline: `popup as built ${ms(popup.popup)}`,
      budget: '—',
      pass: null,
    });
  if (popup.codeCache?.length) {
    const c = popup.codeCache;
    lines.push({
      figure: "1. Idea: Chrome's code cache for the extension's pages (one traced open after the rounds)",
      measured: `${c.filter((s) => s.consumedCacheSize > 0 && !s.cacheRejected).length} of ${c.length} modules compiled from the cache`,
      baseline: c
        .map(
          (s) =>
            `${s.url}: cache ${s.consumedCacheSize} B${s.cacheRejected ? ' (rejected)' : ''}, compile ${round(s.compileMs, 1)} ms, evaluate ${round(s.evaluateMs, 1)} ms`,
        )
        .join('; '),
      budget: '—',
      pass: null,
    });
  }
  return lines;
}

/**
 * The "Popup breakdown" lines from the traced opens (bench/popup-main-thread.ts): each kind of main-thread time
 * to the mark, the popup next to the trivial-module page, so what the browser spends on any module page (its
 * floor) stands apart from what the popup's own code adds.
 */
export function popupMainThreadLines(popup: PopupFigures): string[] {
  const work = popup.mainThread;
  if (!work) return [];
  const floor = work.trivialModule ?? {};
  const kinds = [...new Set([...Object.keys(work.popup), ...Object.keys(floor)])].sort(
    (a, b) => (work.popup[b] ?? 0) - (floor[b] ?? 0) - ((work.popup[a] ?? 0) - (floor[a] ?? 0)),
  );
  const total = (w: Record<string, number>) => Object.values(w).reduce((sum, ms) => sum + ms, 0);
  const at = (ms: number | undefined) => `${round(ms ?? 0, 1)} ms`;
  return [
    `Main thread from navigation start to the mark, by kind (Chrome trace of ${work.trivialModule ? '3 popup opens and 3 of the trivial-module page' : '3 popup opens'} after the rounds, medians; tracing slows everything, so read the differences): ` +
      `popup ${at(total(work.popup))}${work.trivialModule ? `, trivial module ${at(total(floor))}` : ''}.`,
    ...kinds.map(
      (kind) =>
        `- ${kind}: popup ${at(work.popup[kind])}${work.trivialModule ? `, trivial module ${at(floor[kind])} (the popup's own: ${at((work.popup[kind] ?? 0) - (floor[kind] ?? 0))})` : ''}`,
    ),
    '',
  ];
}
