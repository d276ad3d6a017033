// A popup row over its budget says which part of the time is the browser's own floor, from the same rounds.
import { describe, expect, it } from 'vitest';
import { floorShare, popupLines } from '../../../bench/popup-lines';
import type { PopupFigures } from '../../../bench/measure-popup';

const spread = (median: number) => ({ median, min: median, max: median, n: 20 });
const figures = (popup: number, shell: number, contentFloor?: number, readsFloor?: number): PopupFigures => ({
  popup: spread(popup),
  shell: spread(shell),
  webPage: spread(40),
  ratioPerRound: spread(popup / shell),
  breakdown: Object.fromEntries(
    ['responseEnd', 'domContentLoaded', 'loadEventEnd', 'scriptsFetched', 'scriptStart', 'readStart', 'readEnd'].map(
      (k, i) => [k, spread(i * 10)],
    ),
  ) as PopupFigures['breakdown'],
  variants: {
    ...(contentFloor === undefined ? {} : { contentFloor: spread(contentFloor) }),
    ...(readsFloor === undefined ? {} : { readsFloor: spread(readsFloor) }),
  },
});

const share = (...args: Parameters<typeof figures>) => {
  const f = figures(...args);
  return floorShare(f.popup, f.shell, f.variants);
};

describe('floorShare', () => {
  it("splits the popup's time into the content floor and the popup's own code", () => {
    expect(share(107, 76, 106)).toBe(
      "the browser's own floor for this content (its first frame as static HTML, no code) is 106 ms, 1.39× the shell; the popup's own code adds 1 ms to it",
    );
  });

  it('takes the floor with the reads when that page was measured', () => {
    expect(share(120, 76, 106, 115)).toBe(
      "the browser's own floor for this content (its first frame as static HTML, shown once the reads it waits for have answered, no code of ours) is 115 ms, 1.51× the shell; the popup's own code adds 5 ms to it",
    );
  });

  it('never reports a negative share when the popup beat its floor in that run', () => {
    expect(share(100, 76, 104)).toContain("the popup's own code adds 0 ms");
  });

  it('says nothing without a measured floor', () => {
    expect(share(107, 76)).toBeUndefined();
  });
});

describe('popupLines', () => {
  const row = (lines: ReturnType<typeof popupLines>, start: string) => lines.find((l) => l.figure.startsWith(start))!;

  it('a failing row states the floor; a passing row does not', () => {
    const failing = popupLines({ popup: figures(107, 76, 106) });
    expect(row(failing, '1. Popup: navigation start').pass).toBe(false);
    expect(row(failing, '1. Popup: navigation start').baseline).toContain(
      'Over budget: the script-less shell alone takes 76 ms',
    );
    expect(row(failing, '1. Popup ÷ shell, ratio of medians').baseline).toContain("the popup's own code adds 1 ms");

    const passing = popupLines({ popup: figures(45, 40, 44) });
    expect(row(passing, '1. Popup: navigation start').pass).toBe(true);
    expect(row(passing, '1. Popup ÷ shell, ratio of medians').pass).toBe(true);
    expect(passing.map((l) => l.baseline).join(' ')).not.toContain('Over budget');
  });
});
