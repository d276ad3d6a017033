// The background cold-start rows (issue 15): the real worker against a do-nothing worker with the same listeners.
import { BUDGETS } from './budgets';
import type { ColdStartFigures, ColdWake } from './measure-cold-start';
import { COLD_START_PARTS, type ColdStartParts, type ColdStartSteps } from './cold-start-steps';
import type { ResultLine } from './report';
import { formatSpread, round } from './stats';

const ms = (s: { median: number; min: number; max: number; n: number }) => formatSpread(s, 'ms', 1);
const stepsText = (steps: ColdStartSteps) =>
  Object.entries(steps)
    .map(([name, s]) => `${name} ${round(s.median, 0)}`)
    .join(' · ');

const partsText = (parts: ColdStartParts) =>
  (Object.keys(COLD_START_PARTS) as (keyof ColdStartParts)[])
    .map((key) => `${COLD_START_PARTS[key]} ${round(parts[key].median, 1)} ms`)
    .join(' · ');

// The four parts that add up to a cold start (the split of the last one is listed apart).
const WHOLE_PARTS = ['compile', 'topLevel', 'dispatch', 'handling'] as const;
const SHORT: Record<(typeof WHOLE_PARTS)[number], string> = {
  compile: 'script read and compiled',
  topLevel: 'prologue and listeners registered',
  dispatch: 'event handed over',
  handling: 'listener called → recorded',
};
const signed = (value: number) => `${value < 0 ? '−' : '+'}${Math.abs(round(value, 1))} ms`;

/**
 * Over budget: which part of the cold start is the browser's own floor — the do-nothing worker's time in the
 * same run, part by part — and what the extension adds to each part (real − do-nothing, medians).
 */
export function coldStartShare(c: Pick<ColdStartFigures, 'real' | 'empty'>): string {
  const floor = c.empty.startToHandled.median;
  const allowed = floor * BUDGETS.coldStartVsEmpty;
  const floorParts = WHOLE_PARTS.map((k) => `${SHORT[k]} ${round(c.empty.parts[k].median, 1)}`).join(' · ');
  const added = WHOLE_PARTS.map((k) => `${SHORT[k]} ${signed(c.real.parts[k].median - c.empty.parts[k].median)}`);
  const beforeWrite = c.real.parts.beforeWrite.median;
  return (
    `the browser's own floor (the do-nothing worker, same run) is ${round(floor, 1)} ms (${floorParts} ms); ` +
    `the budget allows ${round(allowed, 1)} ms, the real worker took ${round(c.real.startToHandled.median, 1)} ms. ` +
    `The extension adds, part by part: ${added.join(' · ')}` +
    (Number.isFinite(beforeWrite) ? ` (of which its JS before the record’s write ${round(beforeWrite, 1)} ms)` : '')
  );
}

/** Each wake's rows are named after it, so the two sets of row 7 read apart. */
export const WAKE_LABEL: Record<ColdWake, string> = {
  'new-tab': "a new tab's load wakes the worker",
  response: 'the response in an open tab wakes the worker',
};

export function coldStartLines(c: ColdStartFigures): ResultLine[] {
  const title = `7. Background cold start (${WAKE_LABEL[c.wake]})`;
  const ratio = c.real.startToHandled.median / c.empty.startToHandled.median;
  const over = ratio > BUDGETS.coldStartVsEmpty;
  const fromResponse = c.real.responseToHandled.median / c.empty.responseToHandled.median;
  return [
    {
      figure: `${title}: worker start → first failing navigation recorded, ÷ a do-nothing worker (ratio of medians)`,
      measured: `${round(ratio, 2)}× (real ${ms(c.real.startToHandled)})`,
      baseline: `do-nothing worker, same listeners, recording the failure as one badge call and one storage.session write of the tab's record in its onHeadersReceived (both sides stop at storage.onChanged showing the record): ${ms(c.empty.startToHandled)}; worker start → first statement: real ${round(c.real.startToScript.median, 1)} ms, empty ${round(c.empty.startToScript.median, 1)} ms${over ? `. Over budget: ${coldStartShare(c)}` : ''}`,
      budget: `≤ ${BUDGETS.coldStartVsEmpty}×`,
      pass: ratio <= BUDGETS.coldStartVsEmpty,
    },
    {
      figure: `${title}: the failing response → recorded, ÷ the do-nothing worker`,
      measured: `${round(fromResponse, 2)}× (real ${ms(c.real.responseToHandled)})`,
      baseline: `do-nothing worker: ${ms(c.empty.responseToHandled)} (${c.wake === 'response' ? 'the response wakes the worker: its whole start is in both' : 'the new tab woke the worker before the request: only the part of its start still running at the response is in both'})`,
      budget: '—',
      pass: null,
    },
    {
      figure: `${title}, in parts (each measured per round, medians)`,
      measured: `real: ${partsText(c.real.parts)}`,
      baseline: `do-nothing: ${partsText(c.empty.parts)}. The browser's own in both: reading and compiling a worker script, running the prologue and registering the same listeners, handing the event over, one storage write and its onChanged (the do-nothing worker's handling); the extension's own is the difference in each part`,
      budget: '—',
      pass: null,
    },
    ...(c.real.trace
      ? [
          {
            figure: `${title}: V8's code cache for the worker's scripts (one traced cold start after the rounds)`,
            measured: c.real.trace.scripts
              .map(
                (s) =>
                  `${s.url}: ${s.consumedCacheSize ? `from the code cache (${s.consumedCacheSize} B${s.cacheRejected ? ', rejected' : ''})` : 'compiled from source'}, ${round(s.compileMs, 1)} ms`,
              )
              .join('; '),
            baseline: `the worker thread's largest costs in that start (ms): ${c.real.trace.workerThread.map(([name, ms]) => `${name} ${round(ms, 1)}`).join(' · ')}`,
            budget: '—',
            pass: null,
          },
        ]
      : []),
    {
      figure: `${title}: where the time goes (ms from the worker's start, medians)`,
      measured: `real: ${stepsText(c.real.steps)}`,
      baseline: `do-nothing: ${stepsText(c.empty.steps)}`,
      budget: '—',
      pass: null,
    },
  ];
}
