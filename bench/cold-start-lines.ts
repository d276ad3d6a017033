// The background cold-start rows (issue 15): the real worker against a do-nothing worker with the same listeners.
import { BUDGETS } from './budgets';
import type { ColdStartFigures } from './measure-cold-start';
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

export function coldStartLines(c: ColdStartFigures): ResultLine[] {
  const ratio = c.real.startToHandled.median / c.empty.startToHandled.median;
  const fromResponse = c.real.responseToHandled.median / c.empty.responseToHandled.median;
  return [
    {
      figure:
        '7. Background cold start: worker start → first failing navigation recorded, ÷ a do-nothing worker (ratio of medians)',
      measured: `${round(ratio, 2)}× (real ${ms(c.real.startToHandled)})`,
      baseline: `do-nothing worker, same listeners, recording the failure as one badge call and one storage.session write of the tab's record in its onHeadersReceived (both sides stop at storage.onChanged showing the record): ${ms(c.empty.startToHandled)}; worker start → first statement: real ${round(c.real.startToScript.median, 1)} ms, empty ${round(c.empty.startToScript.median, 1)} ms`,
      budget: `≤ ${BUDGETS.coldStartVsEmpty}×`,
      pass: ratio <= BUDGETS.coldStartVsEmpty,
    },
    {
      figure:
        '7. Background cold start: the failing response (it wakes the worker) → recorded, ÷ the do-nothing worker',
      measured: `${round(fromResponse, 2)}× (real ${ms(c.real.responseToHandled)})`,
      baseline: `do-nothing worker: ${ms(c.empty.responseToHandled)} (the browser starting a stopped worker is in both)`,
      budget: '—',
      pass: null,
    },
    {
      figure: '7. Background cold start, in parts (each measured per round, medians)',
      measured: `real: ${partsText(c.real.parts)}`,
      baseline: `do-nothing: ${partsText(c.empty.parts)}. The browser's own in both: reading and compiling a worker script, running the prologue and registering the same listeners, handing the event over, one storage write and its onChanged (the do-nothing worker's handling); the extension's own is the difference in each part`,
      budget: '—',
      pass: null,
    },
    ...(c.real.trace
      ? [
          {
            figure:
              "7. Background cold start: V8's code cache for the worker's scripts (one traced cold start after the rounds)",
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
      figure: "7. Background cold start: where the time goes (ms from the worker's start, medians)",
      measured: `real: ${stepsText(c.real.steps)}`,
      baseline: `do-nothing: ${stepsText(c.empty.steps)}`,
      budget: '—',
      pass: null,
    },
  ];
}
