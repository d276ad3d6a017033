import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CHECKS } from '../../../src/checks';
import { DEFAULT_SETTINGS } from '../../../src/model/settings';
import { tabKey, type Incident } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const runAutomaticChecks = vi.fn(async (_tabId: number) => undefined);
vi.mock('../../../src/background/check-runner', () => ({ runAutomaticChecks }));
const { onPopupOpened, shouldAutoRun } = await import('../../../src/background/auto-run');

const incident = (checks: Incident['checks'] = {}): Incident => ({
  id: 'i',
  url: 'https://example.com/',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' },
  at: 1,
  lastSeenAt: 1,
  occurrences: 1,
  headers: {},
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks,
});
const done = {
  state: 'done',
  runId: 'r',
  startedAt: 1,
  result: { outcome: 'pass', summary: 's', evidence: [], durationMs: 1 },
} as const;
const automatic = CHECKS.filter((c) => c.automatic).map((c) => c.id);
const manual = CHECKS.filter((c) => !c.automatic).map((c) => c.id);

describe('shouldAutoRun', () => {
  it('runs only when the setting is on and an incident has no automatic step started', () => {
    expect(shouldAutoRun({ autoRunChecks: true }, incident())).toBe(true);
    expect(shouldAutoRun({ autoRunChecks: false }, incident())).toBe(false);
    expect(shouldAutoRun({ autoRunChecks: true }, undefined)).toBe(false);
  });
  it('never repeats a run: any automatic step already started (or done) on the incident stops it', () => {
    for (const id of automatic) expect(shouldAutoRun({ autoRunChecks: true }, incident({ [id]: done }))).toBe(false);
  });
  it('a manual step run before does not count as the automatic run', () => {
    expect(manual.length).toBeGreaterThan(0);
    for (const id of manual) expect(shouldAutoRun({ autoRunChecks: true }, incident({ [id]: done }))).toBe(true);
  });
});

describe('onPopupOpened', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    runAutomaticChecks.mockClear();
  });
  it("reads the stored setting and the tab's incident, and starts the automatic steps", async () => {
    await fakeBrowser.storage.local.set({ settings: { ...DEFAULT_SETTINGS, autoRunChecks: true } });
    await fakeBrowser.storage.session.set({ [tabKey(5)]: { tabId: 5, incident: incident() } });
    expect(await onPopupOpened(5)).toBe(true);
    expect(runAutomaticChecks).toHaveBeenCalledWith(5);
  });
  it('does nothing with the default settings (off)', async () => {
    await fakeBrowser.storage.session.set({ [tabKey(5)]: { tabId: 5, incident: incident() } });
    expect(await onPopupOpened(5)).toBe(false);
    expect(runAutomaticChecks).not.toHaveBeenCalled();
  });
});
