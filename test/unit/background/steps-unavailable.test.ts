// When the steps file cannot be loaded, a step the person asks for ends at once as inconclusive, saying why,
// instead of nothing happening at all (the popup follows the record: no state would leave a dead button).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';
import { testIncident } from '../support/check-context';
import { AUTOMATIC_CHECK_IDS, type CheckId, type CheckState } from '../../../src/model/checks';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const loadSteps = vi.fn(async (): Promise<never> => {
  throw new Error('NetworkError: background-steps.js');
});
vi.mock('../../../src/background/steps-loader', () => ({ loadSteps, loadedSteps: () => undefined }));
vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const { messageHandlers } = await import('../../../src/background/messages');
const { updateRecord } = await import('../../../src/background/incident-store');
const { CHECKS } = await import('../../../src/checks');
const { storage } = await import('../../../src/storage/storage');
const { DEFAULT_SETTINGS } = await import('../../../src/model/settings');
const { handleMessage } = messageHandlers(Promise.resolve());

const ID = 'own-extension-id';
const BASE = `chrome-extension://${ID}/`;
const popup = { id: ID, url: `${BASE}popup.html` };
const TAB = 9;
const incident = testIncident('https://a.test/', { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' });
const checksNow = async () =>
  ((await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabRecord).incident!.checks;
const unavailable = { state: 'done', result: { outcome: 'inconclusive', summary: 'stepsNotLoaded' } };

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.runtime, { id: ID, getURL: (path: string) => `${BASE}${path}` });
  await updateRecord(TAB, () => ({ tabId: TAB, incident }));
});

describe('the steps file does not load', () => {
  it('a step asked for ends as inconclusive, saying the extension did not load part of itself', async () => {
    await handleMessage({ type: 'run-check', tabId: TAB, checkId: 'clean-request' }, popup);
    await vi.waitFor(async () => expect((await checksNow())['clean-request']).toMatchObject(unavailable));
    expect(Object.keys(await checksNow())).toEqual(['clean-request']);
  });

  it('"Check everything" marks every automatic step', async () => {
    await handleMessage({ type: 'run-all', tabId: TAB }, popup);
    await vi.waitFor(async () =>
      expect(Object.keys(await checksNow()).sort()).toEqual([...AUTOMATIC_CHECK_IDS].sort()),
    );
    for (const state of Object.values(await checksNow())) expect(state).toMatchObject(unavailable);
  });

  it('a confirmation given for another incident marks nothing', async () => {
    await handleMessage({ type: 'run-check', tabId: TAB, checkId: 'clear-site-data', confirmedFor: 'inc-0' }, popup);
    await new Promise((r) => setTimeout(r, 20));
    expect(await checksNow()).toEqual({});
  });

  it('the automatic run on opening the popup marks them only on an incident none of them has started on', async () => {
    await storage.settings.set({ ...DEFAULT_SETTINGS, autoRunChecks: true });
    const earlier: CheckState = {
      state: 'done',
      runId: 'r',
      startedAt: 1,
      result: { outcome: 'pass', summary: 'x', evidence: [], durationMs: 5 },
    };
    await updateRecord(TAB, () => ({ tabId: TAB, incident: { ...incident, checks: { reload: earlier } } }));
    await handleMessage({ type: 'popup-opened', tabId: TAB }, popup);
    expect(await checksNow()).toEqual({ reload: earlier });
    await updateRecord(TAB, () => ({ tabId: TAB, incident }));
    await handleMessage({ type: 'popup-opened', tabId: TAB }, popup);
    expect(Object.keys(await checksNow()).sort()).toEqual([...AUTOMATIC_CHECK_IDS].sort());
  });
});

it("the automatic steps named in the core are the steps' own automatic ones", () => {
  const automatic: CheckId[] = CHECKS.filter((c) => c.automatic).map((c) => c.id);
  expect([...AUTOMATIC_CHECK_IDS].sort()).toEqual(automatic.sort());
});
