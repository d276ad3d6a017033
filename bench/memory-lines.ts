// Rows 5 and 6 of the results: the worker's memory and how the popup and storage scale with tabs.
import { BUDGETS } from './budgets';
import type { MemoryFigures } from './measure-memory';
import type { ScaleLevel } from './measure-scale';
import type { ResultLine } from './report';
import { kib, round } from './stats';

const mib = (bytes: number) => `${round(bytes / 1024 / 1024, 2)} MB`;

export function memoryLines(memory: MemoryFigures): ResultLine[] {
  return [
    {
      figure: `5. Worker heap after ${memory.navigations} failing loads in ${memory.tabs} tabs`,
      measured: `${mib(memory.heapAfter)} (after GC)`,
      baseline: `fresh worker ${mib(memory.heapBefore)}`,
      budget: `≤ ${mib(BUDGETS.workerHeapBytes)}`,
      pass: memory.heapAfter <= BUDGETS.workerHeapBytes,
    },
    {
      figure: `5. storage.session bytes, ${memory.records} tabs`,
      measured: `${kib(memory.sessionBytes)} KB (storage.local ${kib(memory.localBytes)} KB)`,
      baseline: '—',
      budget: `≤ ${mib(BUDGETS.sessionBytes50Tabs)}`,
      pass: memory.sessionBytes <= BUDGETS.sessionBytes50Tabs,
    },
  ];
}

export function scaleLines(scale: ScaleLevel[]): ResultLine[] {
  const one = scale[0]!;
  const top = scale[scale.length - 1]!;
  const bytesGrowth = top.bytesPerTab / one.bytesPerTab;
  const popupGrowth = top.ratio.median / one.ratio.median;
  return [
    {
      figure: `6. Session bytes per tab, ${top.tabs} vs ${one.tabs} tab(s)`,
      measured: `${round(bytesGrowth, 2)}× (${scale.map((l) => `${l.tabs}: ${round(l.bytesPerTab, 0)} B/tab`).join(', ')})`,
      baseline: '—',
      budget: `≤ ${BUDGETS.bytesPerTabGrowth}× (linear)`,
      pass: bytesGrowth <= BUDGETS.bytesPerTabGrowth,
    },
    {
      figure: `6. Popup ÷ shell, ${top.tabs} vs ${one.tabs} tab(s)`,
      measured: `${round(popupGrowth, 2)}× (${scale.map((l) => `${l.tabs}: ${round(l.ratio.median, 2)}×`).join(', ')})`,
      baseline: `popup ${scale.map((l) => `${round(l.popup.median, 0)}`).join('/')} ms, shell ${scale.map((l) => `${round(l.shell.median, 0)}`).join('/')} ms`,
      budget: `≤ ${BUDGETS.popupScaleGrowth}× (linear would be ${top.tabs / one.tabs}×)`,
      pass: popupGrowth <= BUDGETS.popupScaleGrowth,
    },
  ];
}
