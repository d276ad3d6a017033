// The check runner against an in-memory browser: one run at a time per tab and step, nothing stuck after a
// failed storage write, and a cancel that tells the truth about work already under way.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Check, CheckContext, CheckOutput } from '../../../src/checks/check';
import type { Incident, TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

/** A step the test drives by hand: each run waits until the test lets it finish. */
const runs: { context: CheckContext; finish: (o: CheckOutput) => void }[] = [];
const manualStep: Check = {
  id: 'reload',
  automatic: false,
  timeLimitMs: 60_000,
  run: (context) => new Promise((resolve) => runs.push({ context, finish: resolve })),
};
vi.mock('../../../src/checks', () => ({ CHECKS: [], checkById: (id: string) => (id === 'reload' ? manualStep : undefined) }));

const { runCheck, cancelCheck } = await import('../../../src/background/check-runner');
const { updateRecord } = await import('../../../src/background/incident-store');

// A tab of its own per test: a run a failing test leaves behind cannot block the next test.
let TAB = 0;
const incident: Incident = {
  id: 'inc-1', url: 'https://a.test/', failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' }, at: 1, lastSeenAt: 1,
  occurrences: 1, headers: {}, fingerprint: { edge: null, server: null, traceIds: [] }, incognito: false, checks: {},
};
const stored = async () => ((await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabRecord).incident!.checks.reload;
const passed: CheckOutput = { outcome: 'pass', summary: 'x', evidence: [] };
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(async () => {
  fakeBrowser.reset();
  runs.length = 0;
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
    const spy = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementationOnce(() => Promise.reject(new Error('quota')));
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
