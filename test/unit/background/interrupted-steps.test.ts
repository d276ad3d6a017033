// The start-up sweep against an in-memory storage.session: a step a stopped instance left running becomes
// interrupted; a record without one costs no storage call (the start-up's one read of every record serves it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Incident, TabRecord } from '../../../src/model/incident';
import type { CheckState } from '../../../src/model/checks';
import { testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
type Modules = {
  sweep: typeof import('../../../src/background/interrupted-steps');
  store: typeof import('../../../src/background/incident-store');
};
let m: Modules;

const incident = (checks: Incident['checks']): Incident =>
  testIncident('https://a.test/', { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' }, { id: 'inc', checks });
const running: CheckState = { state: 'running', runId: 'r1', startedAt: 5, deadline: 9 };
const done: CheckState = {
  state: 'done',
  runId: 'r0',
  startedAt: 2,
  result: { outcome: 'pass', summary: 'x', evidence: [], durationMs: 3 },
};

const stored = async (tabId: number) =>
  (await fakeBrowser.storage.session.get(`tab:${tabId}`))[`tab:${tabId}`] as TabRecord | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules(); // a fresh instance: nothing known about the stored tabs yet
  m = {
    sweep: await import('../../../src/background/interrupted-steps'),
    store: await import('../../../src/background/incident-store'),
  };
});
afterEach(() => vi.restoreAllMocks());

describe('sweepInterruptedChecks', () => {
  it('marks a running step interrupted and keeps a finished one', async () => {
    await fakeBrowser.storage.session.set({
      'tab:1': { tabId: 1, incident: incident({ dns: running, reload: done }) },
    });
    await m.sweep.sweepInterruptedChecks(await m.store.allRecords());
    expect((await stored(1))?.incident?.checks).toEqual({
      dns: { state: 'interrupted', runId: 'r1', startedAt: 5 },
      reload: done,
    });
  });

  it('reads and writes only the records with a running step', async () => {
    await fakeBrowser.storage.session.set({
      'tab:1': { tabId: 1, incident: incident({ reload: done }) },
      'tab:2': { tabId: 2, lastError: incident({ dns: running }) },
      'tab:3': { tabId: 3 },
    });
    const records = await m.store.allRecords();
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await m.sweep.sweepInterruptedChecks(records);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual(['tab:2']);
    expect(set.mock.calls.map(([items]) => Object.keys(items))).toEqual([['tab:2']]);
    expect((await stored(2))?.lastError?.checks.dns?.state).toBe('interrupted');
  });

  it('leaves a record that changed since the read as it is now (the update reads it again in order)', async () => {
    await fakeBrowser.storage.session.set({ 'tab:4': { tabId: 4, incident: incident({ dns: running }) } });
    const records = await m.store.allRecords();
    // The step finished between the start-up's read and the sweep.
    await m.store.updateRecord(4, (r) => r && { ...r, incident: incident({ dns: done }) });
    await m.sweep.sweepInterruptedChecks(records);
    expect((await stored(4))?.incident?.checks.dns).toEqual(done);
  });
});
