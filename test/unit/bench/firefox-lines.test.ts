// Firefox's popup rows say which part of the popup's time is the browser's own floor, from the same rounds.
import { describe, expect, it } from 'vitest';
import { firefoxPopupLines, floorAndOwn } from '../../../bench/firefox-lines';
import type { FirefoxFigures } from '../../../bench/measure-firefox';

const spread = (median: number) => ({ median, min: median, max: median, n: 20 });
type Popup = NonNullable<FirefoxFigures['popup']>;

/** Medians of one run: shell 32, trivial module 35, its next frame 40, the static first frame 51, with its reads 63. */
const figures = (overrides: Partial<Popup> = {}): Popup => ({
  popup: spread(87),
  shell: spread(32),
  trivialModule: spread(35),
  frameFloor: spread(40),
  contentFloor: spread(51),
  readsFloor: spread(63),
  ratioPerRound: spread(2.7),
  scriptStart: spread(55),
  readStart: spread(50),
  readEnd: spread(67),
  responseEnd: spread(0),
  ...overrides,
});

describe('floorAndOwn', () => {
  it('adds the floor up page by page and gives the popup the rest', () => {
    expect(floorAndOwn(figures())).toBe(
      "the browser's own floor, measured in the same rounds: 63 ms (1.97× the shell) = shell 32 ms + running a module 3 ms + one frame 5 ms" +
        " + the explanation's markup (parse, style, layout, paint) 11 ms + the reads it waits for (each API's first use in the page) 12 ms;" +
        " the popup's own: 24 ms (28% of its time): its entry module runs at 55 ms where the trivial module has run at 35 ms" +
        ' (its eager files fetched, compiled, evaluated; the reads asked at 50 ms and in at 67 ms), then 20 ms from the reads to the mark' +
        ' (Preact building the DOM, style, layout, paint, one frame). With none of its own time the popup would be at 1.97×:' +
        " the budget (1.25×) is below the browser's own floor",
    );
  });

  it('says the budget is within reach when the floor is under it', () => {
    const text = floorAndOwn(figures({ readsFloor: spread(38), contentFloor: spread(37), frameFloor: spread(36) }));
    expect(text).toContain('With none of its own time the popup would be at 1.19×: the budget is within reach');
    expect(text).toContain("the popup's own: 49 ms");
  });

  it('says when a part came out below zero, and only then', () => {
    const noisy = floorAndOwn(figures({ trivialModule: spread(30) }));
    expect(noisy).toContain(
      "running a module -2 ms + one frame 10 ms + the explanation's markup (parse, style, layout, paint) 11 ms + the reads it waits for (each API's first use in the page) 12 ms (a part below zero: those two pages differ by less than this run’s noise);",
    );
    expect(floorAndOwn(figures())).not.toContain('below zero');
  });

  it('claims no split when a floor page was not measured', () => {
    expect(floorAndOwn(figures({ readsFloor: undefined }))).toBe('floor pages not measured');
    expect(floorAndOwn(figures({ frameFloor: undefined }))).toBe('floor pages not measured');
  });
});

describe('firefoxPopupLines', () => {
  it('puts the split in the ratio row and the reads floor in a row of its own', () => {
    const lines = firefoxPopupLines({ version: '128', errors: {}, popup: figures() });
    const ratio = lines.find((l) => l.figure.startsWith('1. Popup ÷ shell, ratio of medians'))!;
    expect(ratio.measured).toBe('2.72×');
    expect(ratio.pass).toBe(false);
    expect(ratio.baseline).toContain("the popup's own: 24 ms");
    const reads = lines.find((l) => l.figure.includes('shown once the reads it waits for have answered'))!;
    expect(reads.measured).toBe('1.97× (63 ms (min 63, max 63, n=20))');
    expect(reads.baseline).toContain('12 ms more than that page');
  });

  it('the 50 ms row over its budget says the shell alone and the floor with the reads; under it, nothing', () => {
    const absolute = (lines: ReturnType<typeof firefoxPopupLines>) =>
      lines.find((l) => l.figure.startsWith('1. Popup: navigation start'))!;
    const over = absolute(firefoxPopupLines({ version: '128', errors: {}, popup: figures() }));
    expect(over.pass).toBe(false);
    expect(over.baseline).toContain(
      "Over budget: the script-less shell alone takes 32 ms; the browser's own floor for this content (its first frame as static HTML, shown once the reads it waits for have answered, no code of ours) is 63 ms, 1.97× the shell; the popup's own code adds 24 ms to it",
    );
    const under = absolute(firefoxPopupLines({ version: '128', errors: {}, popup: figures({ popup: spread(45) }) }));
    expect(under.pass).toBe(true);
    expect(under.baseline).not.toContain('Over budget');
  });
});
