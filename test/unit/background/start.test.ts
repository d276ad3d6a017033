// Start-up in one place: start() runs the sweep and the watch resume, and survives either failing;
// afterStart holds each listener until start-up has finished, in the order the events came.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TabRecord } from '../../../src/model/incident';

const sweepInterruptedChecks = vi.fn(async (_records: readonly TabRecord[]) => undefined);
const resumeWatches = vi.fn(async (_records: Promise<readonly TabRecord[]>) => undefined);
const allRecords = vi.fn(async (): Promise<TabRecord[]> => []);
vi.mock('../../../src/background/interrupted-steps', () => ({ sweepInterruptedChecks }));
vi.mock('../../../src/background/watch', () => ({ resumeWatches }));
vi.mock('../../../src/background/incident-store', () => ({ allRecords }));
const { afterStart, start } = await import('../../../src/background/start');

beforeEach(() => {
  sweepInterruptedChecks.mockReset().mockResolvedValue(undefined);
  resumeWatches.mockReset().mockResolvedValue(undefined);
  allRecords.mockReset().mockResolvedValue([]);
});

describe('start', () => {
  it('sweeps interrupted steps and resumes the watches', async () => {
    await start();
    expect(sweepInterruptedChecks).toHaveBeenCalledTimes(1);
    expect(resumeWatches).toHaveBeenCalledTimes(1);
  });

  it('reads every record once, for both parts (a cold worker waited for two reads of the whole area)', async () => {
    const records: TabRecord[] = [{ tabId: 3 }, { tabId: 9 }];
    allRecords.mockResolvedValue(records);
    await start();
    expect(allRecords).toHaveBeenCalledTimes(1);
    expect(sweepInterruptedChecks).toHaveBeenCalledWith(records);
    await expect(resumeWatches.mock.calls[0]?.[0]).resolves.toBe(records);
  });

  it('ends when the read of the records fails, each part warned', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    allRecords.mockRejectedValue(new Error('storage gone'));
    resumeWatches.mockImplementation(async (records) => void (await records));
    await expect(start()).resolves.toBeUndefined();
    expect(sweepInterruptedChecks).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('ends even when a part fails, so no listener waits forever', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sweepInterruptedChecks.mockRejectedValue(new Error('storage gone'));
    resumeWatches.mockRejectedValue(new Error('alarms gone'));
    await expect(start()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('is not finished before its parts are', async () => {
    let finishSweep: () => void = () => {};
    sweepInterruptedChecks.mockReturnValue(new Promise<undefined>((r) => (finishSweep = () => r(undefined))));
    let done = false;
    const started = start().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    finishSweep();
    await started;
    expect(done).toBe(true);
  });
});

describe('afterStart', () => {
  it('runs nothing before start-up has finished, then every event in the order it came', async () => {
    let finish: () => void = () => {};
    const ready = new Promise<void>((r) => (finish = r));
    const whenReady = afterStart(ready);
    const seen: string[] = [];
    const onA = whenReady((n: number) => seen.push(`a${n}`));
    const onB = whenReady((n: number) => seen.push(`b${n}`));
    onA(1);
    onB(2);
    onA(3);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([]);
    finish();
    await ready;
    await new Promise((r) => setTimeout(r, 0));
    onB(4);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['a1', 'b2', 'a3', 'b4']);
  });

  it('once started, runs a listener within the event call (no promise reaction per event)', async () => {
    const ready = Promise.resolve();
    const whenReady = afterStart(ready);
    await ready;
    const seen: number[] = [];
    whenReady((n: number) => seen.push(n))(7);
    expect(seen).toEqual([7]);
  });

  it('keeps the order when events queued before start-up are still pending as a later one is handled', async () => {
    let finish: () => void = () => {};
    const ready = new Promise<void>((r) => (finish = r));
    const whenReady = afterStart(ready);
    const seen: string[] = [];
    const on = whenReady((s: string) => seen.push(s));
    on('queued');
    finish();
    // A reaction registered after the queued event (as an event dispatched later would be) sees it done.
    await ready.then(() => on('later'));
    expect(seen).toEqual(['queued', 'later']);
  });

  it('once started, a listener that throws does not throw into the event dispatcher', async () => {
    const ready = Promise.resolve();
    const whenReady = afterStart(ready);
    await ready;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      expect(() =>
        whenReady(() => {
          throw new Error('listener failed');
        })(),
      ).not.toThrow();
      await new Promise((r) => setTimeout(r, 0));
      expect(rejections).toEqual([new Error('listener failed')]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
