// Row 7 over its budget says which part of the cold start is the browser's own floor, from the same rounds.
import { describe, expect, it } from 'vitest';
import { coldStartLines, coldStartShare, WAKE_LABEL } from '../../../bench/cold-start-lines';
import type { ColdStartSide, ColdWake } from '../../../bench/measure-cold-start';
import { buildLines } from '../../../bench/results-lines';

const spread = (median: number) => ({ median, min: median, max: median, n: 15 });
const side = (
  total: number,
  [compile, topLevel, dispatch, handling]: number[],
  beforeWrite = Number.NaN,
): ColdStartSide => ({
  startToHandled: spread(total),
  responseToHandled: spread(total / 3),
  startToScript: spread(compile!),
  steps: {},
  parts: {
    compile: spread(compile!),
    topLevel: spread(topLevel!),
    dispatch: spread(dispatch!),
    handling: spread(handling!),
    beforeWrite: spread(beforeWrite),
    afterWrite: spread(handling! - beforeWrite),
  },
});

describe('coldStartShare', () => {
  it("gives the do-nothing worker's parts as the floor and the real worker's difference in each part", () => {
    const text = coldStartShare({
      real: side(150, [55, 27.5, 30.4, 35.6], 17.2),
      empty: side(100, [46.4, 32.1, 19.4, 9.1]),
    });
    expect(text).toBe(
      "the browser's own floor (the do-nothing worker, same run) is 100 ms (script read and compiled 46.4 · prologue and listeners registered 32.1 · event handed over 19.4 · listener called → recorded 9.1 ms); " +
        'the budget allows 130 ms, the real worker took 150 ms. The extension adds, part by part: script read and compiled +8.6 ms · prologue and listeners registered −4.6 ms · event handed over +11 ms · listener called → recorded +26.5 ms (of which its JS before the record’s write 17.2 ms)',
    );
  });

  it('leaves out the split when no write was seen before the record', () => {
    expect(coldStartShare({ real: side(150, [55, 28, 30, 36]), empty: side(100, [46, 32, 19, 9]) })).not.toContain(
      'of which',
    );
  });
});

describe('coldStartLines', () => {
  const row = (real: ColdStartSide, empty: ColdStartSide, wake: ColdWake = 'new-tab') =>
    coldStartLines({ real, empty, rounds: 15, wake }).find((l) => l.figure.includes('÷ a do-nothing worker'))!;

  it('over budget, the ratio row fails and says where the time goes', () => {
    const line = row(side(150, [55, 27, 30, 36], 17), side(100, [46, 32, 19, 9]));
    expect(line.pass).toBe(false);
    expect(line.measured).toContain('1.5×');
    expect(line.baseline).toContain("Over budget: the browser's own floor");
  });

  it('within budget, it passes and adds no explanation', () => {
    const line = row(side(125, [50, 30, 25, 20], 5), side(100, [46, 32, 19, 9]));
    expect(line.pass).toBe(true);
    expect(line.baseline).not.toContain('Over budget');
  });
});

describe('row 7 for both wakes', () => {
  const newTab = { real: side(116, [50, 30, 25, 11], 5), empty: side(100, [46, 32, 19, 9]), rounds: 15 };
  const response = { real: side(154, [80, 30, 20, 24], 17), empty: side(100, [46, 32, 19, 9]), rounds: 15 };

  it('names every row after its wake', () => {
    for (const wake of ['new-tab', 'response'] as const) {
      const lines = coldStartLines({ ...newTab, wake });
      expect(lines.length).toBeGreaterThanOrEqual(4);
      for (const line of lines) expect(line.figure).toContain(`(${WAKE_LABEL[wake]})`);
    }
    expect(WAKE_LABEL['new-tab']).not.toBe(WAKE_LABEL.response);
  });

  it('gives each wake its rows in bench order, the budget judged on each: the open tab over, the new tab within', () => {
    const lines = buildLines({
      errors: {},
      coldStart: [
        { ...newTab, wake: 'new-tab' },
        { ...response, wake: 'response' },
      ],
    });
    const budgeted = lines.filter((l) => l.figure.startsWith('7.') && l.budget !== '—');
    expect(budgeted.map((l) => [l.figure.includes(WAKE_LABEL['new-tab']), l.pass])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(budgeted[1]!.measured).toContain('1.54×');
    expect(budgeted[1]!.baseline).toContain('the budget allows 130 ms, the real worker took 154 ms');
    expect(budgeted[1]!.baseline).toContain('script read and compiled +34 ms');
    const parts = lines.filter((l) => l.figure.includes(', in parts'));
    expect(parts.map((l) => l.figure.includes(WAKE_LABEL.response))).toEqual([false, true]);
  });

  it('says the row is missing when neither wake was measured', () => {
    const lines = buildLines({ errors: { coldStart: 'no worker' }, coldStart: [] });
    expect(lines.filter((l) => l.figure.startsWith('7.'))).toHaveLength(1);
  });
});
