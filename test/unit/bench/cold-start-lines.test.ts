// Row 7 over its budget says which part of the cold start is the browser's own floor, from the same rounds.
import { describe, expect, it } from 'vitest';
import { coldStartLines, coldStartShare } from '../../../bench/cold-start-lines';
import type { ColdStartSide } from '../../../bench/measure-cold-start';

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
  const row = (real: ColdStartSide, empty: ColdStartSide) =>
    coldStartLines({ real, empty, rounds: 15 }).find((l) => l.figure.includes('÷ a do-nothing worker'))!;

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
