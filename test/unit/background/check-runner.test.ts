// The check runner against an in-memory browser: one run at a time per tab and step, nothing stuck after a
// failed storage write, and a cancel that tells the truth about work already under way.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Check, CheckContext, CheckOutput, LastingKind } from '../../../src/checks/check';
import type { CheckId } from '../../../src/model/checks';
import type { Incident, TabRecord } from '../../../src/model/incident';
import { withoutApi } from '../support/without-api';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

/** A step the test drives by hand: each run waits until the test lets it finish. */
const runs: { context: CheckContext; finish: (o: CheckOutput) => void }[] = [];
const manualStep: Check = {
  id: 'reload',
  automatic: false,
  timeLimitMs: 60_000,
  run: (context) => new Promise((resolve) => runs.push({ context, finish: resolve })),
};
/** A step that starts lasting work (a removal, a window) the test ends by hand, then waits until it is stopped. */
const lastingRuns: { context: CheckContext; end: (left: boolean) => void }[] = [];
const lastingStep = (id: 'clear-site-data' | 'private-window', kind: LastingKind): Check => ({
  id,
  automatic: false,
  timeLimitMs: 60_000,
  run: async (context) => {
    const work = new Promise<boolean>((resolve) => lastingRuns.push({ context, end: resolve }));
    await context.lasting(kind, work, (left) => (left ? [{ label: 'siteDataCleared_cache', value: '' }] : null));
    return new Promise<CheckOutput>(() => undefined);
  },
});
const removalStep = lastingStep('clear-site-data', 'removal');
const windowStep = lastingStep('private-window', 'window');
vi.mock('../../../src/checks', () => ({
  CHECKS: [],
  checkById: (id: string) => ({ reload: manualStep, 'clear-site-data': removalStep, 'private-window': windowStep })[id],
}));

const { runCheck, cancelCheck } = await import('../../../src/background/check-runner');
const { LASTING_WAIT_MS } = await import('../../../src/background/lasting-work');
const { updateRecord } = await import('../../../src/background/incident-store');

// A tab of its own per test: a run a failing test leaves behind cannot block the next test.
let TAB = 0;
const incident: Incident = {
  id: 'inc-1',
  url: 'https://a.test/',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' },
  at: 1,
  lastSeenAt: 1,
  occurrences: 1,
  headers: {},
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks: {},
};
const stored = async (id: CheckId = 'reload') =>
  ((await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabRecord).incident!.checks[id];
const passed: CheckOutput = { outcome: 'pass', summary: 'x', evidence: [] };
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  fakeBrowser.reset();
  runs.length = 0;
  lastingRuns.length = 0;
  TAB += 1;
  // Through the store, which keeps its own list of the tabs that have a record.
  await updateRecord(TAB, () => ({ tabId: TAB, incident }));
});

describe('a confirmation names its incident', () => {
  it('"Clear with cookies" confirmed for an older incident does not run on the newer one', async () => {
    await runCheck(TAB, 'reload', 'inc-0');
    await tick();
    expect(runs).toHaveLength(0);
    expect(await stored()).toBeUndefined();
  });

  it('confirmed for the incident the tab shows, the step runs with the confirmation', async () => {
    const run = runCheck(TAB, 'reload', 'inc-1');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]!.context.confirmed).toBe(true);
    runs[0]!.finish(passed);
    await run;
  });

  it('without a confirmation the step runs without one', async () => {
    const run = runCheck(TAB, 'reload');
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]!.context.confirmed).toBe(false);
    runs[0]!.finish(passed);
    await run;
  });
});

describe('a step this browser cannot run', () => {
  it('on a browser without windows (Firefox for Android) the private window never starts, even when asked', async () => {
    await withoutApi('windows', () => runCheck(TAB, 'private-window'));
    await tick();
    expect(lastingRuns).toHaveLength(0);
    expect(await stored('private-window')).toBeUndefined();
  });

  it('with windows the same request starts it (the check above would notice a runner that ignores the request)', async () => {
    const run = runCheck(TAB, 'private-window');
    await vi.waitFor(() => expect(lastingRuns).toHaveLength(1));
    lastingRuns[0]!.end(false);
    await tick();
    cancelCheck(TAB, 'private-window');
    await run;
  });
});

describe('one run at a time', () => {
  it('two quick clicks on Run start the step once', async () => {
    const first = runCheck(TAB, 'reload');
    const second = runCheck(TAB, 'reload');
    await second;
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    runs[0]!.finish(passed);
    await first;
    expect(runs).toHaveLength(1);
    expect(await stored()).toMatchObject({ state: 'done', result: { outcome: 'pass' } });
  });

  it('a storage write that fails as the step starts leaves nothing stuck: the next Run runs it', async () => {
    const spy = vi
      .spyOn(fakeBrowser.storage.session, 'set')
      .mockImplementationOnce(() => Promise.reject(new Error('quota')));
    await runCheck(TAB, 'reload').catch(() => undefined);
    spy.mockRestore();
    const again = runCheck(TAB, 'reload');
    await vi.waitFor(() => expect(runs.length).toBeGreaterThan(0));
    runs.at(-1)!.finish(passed);
    await again;
    expect(await stored()).toMatchObject({ state: 'done', result: { outcome: 'pass' } });
  });

  it('a cancel that arrives before the step has started still stops it', async () => {
    const run = runCheck(TAB, 'reload');
    cancelCheck(TAB, 'reload');
    await run;
    await tick();
    expect(runs.every((r) => r.context.signal.aborted)).toBe(true);
    expect(await stored()).toMatchObject({ state: 'done', result: { summary: 'checkCancelled' } });
  });
});

describe('a cancel never says "cancelled" while a removal or a window it started goes on', () => {
  it('a removal under way: "stopping…" until it ends, then what it removed', async () => {
    const run = runCheck(TAB, 'clear-site-data');
    await vi.waitFor(() => expect(lastingRuns).toHaveLength(1));
    cancelCheck(TAB, 'clear-site-data');
    await vi.waitFor(async () =>
      expect(await stored('clear-site-data')).toMatchObject({ state: 'running', progress: 'progressStopping_removal' }),
    );
    expect(lastingRuns[0]!.context.signal.aborted).toBe(true);
    lastingRuns[0]!.end(true);
    await run;
    expect(await stored('clear-site-data')).toMatchObject({
      state: 'done',
      result: {
        outcome: 'skipped',
        summary: 'checkCancelled_removal_ended',
        evidence: [
          { label: 'lastingEvidence_removal_ended', value: '' },
          { label: 'siteDataCleared_cache', value: '' },
        ],
      },
    });
  });

  it('a removal that does not end in time: the result says it goes on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const run = runCheck(TAB, 'clear-site-data');
      await vi.waitFor(() => expect(lastingRuns).toHaveLength(1));
      cancelCheck(TAB, 'clear-site-data');
      await vi.waitFor(async () =>
        expect(await stored('clear-site-data')).toMatchObject({ progress: 'progressStopping_removal' }),
      );
      await vi.advanceTimersByTimeAsync(LASTING_WAIT_MS);
      await run;
      expect(await stored('clear-site-data')).toMatchObject({
        state: 'done',
        result: { summary: 'checkCancelled_removal_goesOn' },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a private window already open stays open, and the result says so', async () => {
    const run = runCheck(TAB, 'private-window');
    await vi.waitFor(() => expect(lastingRuns).toHaveLength(1));
    lastingRuns[0]!.end(true);
    await tick();
    cancelCheck(TAB, 'private-window');
    await run;
    expect(await stored('private-window')).toMatchObject({
      state: 'done',
      result: { summary: 'checkCancelled_window_ended' },
    });
  });

  it('a window the browser refused left nothing: a plain "cancelled"', async () => {
    const run = runCheck(TAB, 'private-window');
    await vi.waitFor(() => expect(lastingRuns).toHaveLength(1));
    lastingRuns[0]!.end(false);
    await tick();
    cancelCheck(TAB, 'private-window');
    await run;
    expect(await stored('private-window')).toMatchObject({
      state: 'done',
      result: { summary: 'checkCancelled', evidence: [] },
    });
  });
});
