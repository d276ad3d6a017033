// Start-up in one place: start() runs the sweep and the watch resume, and survives either failing;
// afterStart holds each listener until start-up has finished, in the order the events came.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sweepInterruptedChecks = vi.fn(async () => undefined);
const resumeWatches = vi.fn(async () => undefined);
vi.mock('../../../src/background/check-runner', () => ({ sweepInterruptedChecks }));
vi.mock('../../../src/background/watch', () => ({ resumeWatches }));
const { afterStart, start } = await import('../../../src/background/start');

beforeEach(() => {
  sweepInterruptedChecks.mockReset().mockResolvedValue(undefined);
  resumeWatches.mockReset().mockResolvedValue(undefined);
});

describe('start', () => {
  it('sweeps interrupted steps and resumes the watches', async () => {
    await start();
    expect(sweepInterruptedChecks).toHaveBeenCalledTimes(1);
    expect(resumeWatches).toHaveBeenCalledTimes(1);
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
});
