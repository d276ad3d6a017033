import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { interpretTabLoad } from '../../../src/checks/tab-load-result';
import type { Failure } from '../../../src/model/failure';
import type { Incident, TabRecord } from '../../../src/model/incident';
import { completion, installFakes } from '../support/fake-extension';
import { testContext, testIncident } from '../support/check-context';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { tabLoadFromRecord, tabLoadFromCompletion, observeTab } = await import('../../../src/checks/observe-tab');
const { reload } = await import('../../../src/checks/reload');

const http502: Failure = { type: 'http', status: 502, statusLine: 'HTTP/1.1 502' };
const http503: Failure = { type: 'http', status: 503, statusLine: 'HTTP/1.1 503' };
const T0 = 1_000_000;
const inc = (extra: Partial<Incident> = {}): Incident =>
  testIncident('https://site.example/', http502, { lastSeenAt: T0 - 10, ...extra });
const running = { reload: { state: 'running' as const, runId: 'r', startedAt: T0, deadline: T0 + 9000 } };

describe('tabLoadFromRecord: only the relevant fields count', () => {
  const watch = { since: T0, incidentId: 'inc-1' };
  it.each<[string, TabRecord | undefined, ReturnType<typeof tabLoadFromRecord>]>([
    ['no record yet', undefined, null],
    ['a step wrote its own progress: not a result', { tabId: 7, incident: inc({ checks: running }) }, null],
    [
      'failed again since the start',
      { tabId: 7, incident: inc({ lastSeenAt: T0 + 5 }) },
      { kind: 'failed', failure: http502, incidentId: 'inc-1' },
    ],
    [
      'a different failure',
      { tabId: 7, incident: inc({ lastSeenAt: T0 + 5, failure: http503 }) },
      { kind: 'failed', failure: http503, incidentId: 'inc-1' },
    ],
    [
      'the incident moved to lastError with 200',
      { tabId: 7, lastError: { ...inc(), endedAt: T0 + 5, recoveredStatus: 200 } },
      { kind: 'loaded', status: 200 },
    ],
    [
      'an older lastError does not count',
      { tabId: 7, lastError: { ...inc(), endedAt: T0 - 5, recoveredStatus: 200 } },
      null,
    ],
    [
      'another incident ended: not ours',
      { tabId: 7, lastError: { ...inc({ id: 'other' }), endedAt: T0 + 5, recoveredStatus: 200 } },
      null,
    ],
    [
      'a challenge instead of the page',
      { tabId: 7, challenge: { url: 'https://site.example/', provider: 'cloudflare', status: 403, at: T0 + 5 } },
      { kind: 'challenge', status: 403 },
    ],
  ])('%s', (_name, record, expected) => expect(tabLoadFromRecord(record, watch)).toEqual(expected));
});

describe('tabLoadFromCompletion', () => {
  it('a healthy top-level load of that tab is "loaded"; a 5xx or another tab is not', () => {
    expect(tabLoadFromCompletion(completion(7, 200) as never, 7)).toEqual({ kind: 'loaded', status: 200 });
    expect(tabLoadFromCompletion(completion(7, 502) as never, 7)).toBeNull();
    expect(tabLoadFromCompletion(completion(8, 200) as never, 7)).toBeNull();
    expect(tabLoadFromCompletion({ ...completion(7, 200), frameId: 3 } as never, 7)).toBeNull();
  });
});

describe('interpretTabLoad (reload)', () => {
  it.each([
    [
      'same error',
      { kind: 'failed', failure: http502, incidentId: 'i' },
      'still-failing',
      'reloadSameError',
      ['502'],
      { sameFailure: true },
    ],
    [
      'different error',
      { kind: 'failed', failure: http503, incidentId: 'i' },
      'still-failing',
      'reloadOtherError',
      ['503'],
      { sameFailure: false },
    ],
    ['loaded 200', { kind: 'loaded', status: 200 }, 'fixed', 'reloadFixed', ['200'], { status: 200 }],
    ['loaded 404', { kind: 'loaded', status: 404 }, 'inconclusive', 'reloadOtherStatus', ['404'], { status: 404 }],
    [
      'challenge',
      { kind: 'challenge', status: 403 },
      'inconclusive',
      'reloadChallenge',
      undefined,
      { challenge: true },
    ],
    ['nothing in time', null, 'inconclusive', 'reloadNoAnswer', undefined, { answered: false }],
  ] as const)('%s', (_n, load, outcome, summary, summaryArgs, facts) => {
    const out = interpretTabLoad('reload', load as never, http502);
    expect(out).toMatchObject({ outcome, summary, facts });
    expect(out.summaryArgs).toEqual(summaryArgs);
  });

  it('a network error is named by its error string', () => {
    const refused: Failure = { type: 'network', kind: 'refused', error: 'net::ERR_CONNECTION_REFUSED' };
    expect(
      interpretTabLoad('reload', { kind: 'failed', failure: refused, incidentId: 'i' }, http502).summaryArgs,
    ).toEqual(['net::ERR_CONNECTION_REFUSED']);
  });
});

describe('reload step with a fake browser', () => {
  let fakes: ReturnType<typeof installFakes>;
  beforeEach(() => {
    fakes = installFakes();
  });

  const write = (record: TabRecord) => fakeBrowser.storage.session.set({ 'tab:7': record });

  it('reloads past the cache and reports "fixed" when the incident ends', async () => {
    const incident = inc();
    await write({ tabId: 7, incident });
    fakes.tabsReload.mockImplementation(async () => {
      // What the detector does: a step's own write first (must be ignored), then the recovery.
      await write({ tabId: 7, incident: { ...incident, checks: running } });
      setTimeout(
        () => void write({ tabId: 7, lastError: { ...incident, endedAt: Date.now(), recoveredStatus: 200 } }),
        20,
      );
    });
    const out = await reload.run(testContext(incident));
    expect(fakes.tabsReload).toHaveBeenCalledWith(7, { bypassCache: true });
    expect(out).toMatchObject({ outcome: 'fixed', summary: 'reloadFixed' });
    expect(fakes.onCompleted.hasListeners()).toBe(false);
  });

  it('still failing: the same error lands again', async () => {
    const incident = inc();
    await write({ tabId: 7, incident });
    fakes.tabsReload.mockImplementation(async () => {
      setTimeout(() => void write({ tabId: 7, incident: { ...incident, lastSeenAt: Date.now(), occurrences: 2 } }), 20);
    });
    expect(await reload.run(testContext(incident))).toMatchObject({
      outcome: 'still-failing',
      summary: 'reloadSameError',
      summaryArgs: ['502'],
    });
  });

  it('a healthy load seen only by webRequest (nothing stored) also counts', async () => {
    const incident = inc();
    fakes.tabsReload.mockImplementation(async () => {
      setTimeout(() => fakes.onCompleted.trigger(completion(7, 200)), 20);
    });
    expect(await reload.run(testContext(incident))).toMatchObject({ outcome: 'fixed' });
  });

  it('no answer: inconclusive before the step cap, and every listener is removed', async () => {
    const started = Date.now();
    const out = await reload.run(testContext(inc(), {}, { timeoutMs: 1500 }));
    expect(out).toMatchObject({ outcome: 'inconclusive', summary: 'reloadNoAnswer' });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(fakes.onCompleted.hasListeners()).toBe(false);
  });

  it('cancelled: observeTab ends at once with null', async () => {
    const controller = new AbortController();
    const watching = observeTab({ tabId: 7, watch: { since: Date.now() }, signal: controller.signal, waitMs: 5000 });
    controller.abort();
    expect(await watching).toBeNull();
  });

  it('a tab that cannot be reloaded throws (the runner reports it) and leaves no listener behind', async () => {
    fakes.tabsReload.mockRejectedValue(new Error('No tab with id: 7'));
    await expect(reload.run(testContext(inc()))).rejects.toThrow('No tab');
    expect(fakes.onCompleted.hasListeners()).toBe(false);
  });
});
