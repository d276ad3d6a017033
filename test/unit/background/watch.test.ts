// The watch shell against an in-memory browser: storage.session, alarms, notifications, badge.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Incident, TabRecord } from '../../../src/model/incident';
// vi.waitFor gives up after 1 s of real time by default; the awaited chain (fake storage, mocked fetch)
// took longer on a loaded 2-core machine. What is awaited is a state, so the limit only bounds a hang.
const SETTLE = { timeout: 10_000 };

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const { startWatch, stopWatch, runDueTry, onAlarm, resumeWatches, forgetWatch } =
  await import('../../../src/background/watch');
const { allRecords } = await import('../../../src/background/incident-store');
const { WATCH_TUNING_KEY } = await import('../../../src/storage/watch-tuning');
const { onNotificationClicked } = await import('../../../src/background/watch-notify');

const TAB = 7;
const incident: Incident = {
  id: 'inc-1',
  url: 'https://a.test/page?q=1',
  failure: { type: 'http', status: 503, statusLine: 'HTTP/1.1 503' },
  at: Date.now(),
  lastSeenAt: Date.now(),
  occurrences: 1,
  headers: {},
  fingerprint: { edge: null, server: null, traceIds: [] },
  incognito: false,
  checks: {},
};
const record = async (): Promise<TabRecord | undefined> =>
  (await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabRecord;
const alarm = () => fakeBrowser.alarms.get(`watch:${TAB}`);
const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
const reload = vi.fn(async (_tabId: number) => undefined);

/** Makes the stored watch due now (instead of waiting for its time). */
async function makeDue(): Promise<void> {
  const r = (await record())!;
  await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: { ...r, watch: { ...r.watch!, nextTryAt: Date.now() } } });
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockReset();
  reload.mockClear();
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string, args?: string[]) => [key, ...(args ?? [])].join('|') });
  Object.assign(fakeBrowser.tabs, { reload });
  await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: { tabId: TAB, incident } });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('starting and stopping', () => {
  it('stores the watch in the tab record and sets an alarm for the first try', async () => {
    expect(await startWatch(TAB)).toBe(true);
    const watch = (await record())!.watch!;
    expect(watch).toMatchObject({
      status: 'watching',
      incidentId: 'inc-1',
      url: incident.url,
      tries: 0,
      reload: false,
    });
    expect((await alarm())?.scheduledTime).toBe(watch.nextTryAt);
  });
  it('takes "reload when back" from the message, else from the settings', async () => {
    await startWatch(TAB, true);
    expect((await record())!.watch!.reload).toBe(true);
    await fakeBrowser.storage.local.set({ settings: { reloadWhenBack: true } });
    await startWatch(TAB);
    expect((await record())!.watch!.reload).toBe(true);
  });
  it('does nothing on a tab without a failure', async () => {
    expect(await startWatch(99)).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
  it('stop removes the watch and its alarm', async () => {
    await startWatch(TAB);
    await stopWatch(TAB);
    expect((await record())!.watch).toBeUndefined();
    expect(await alarm()).toBeUndefined();
  });
});

describe('tries', () => {
  it('uses a clean request: no cookies, no cache', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 503 }));
    await startWatch(TAB);
    await makeDue();
    await runDueTry(TAB);
    expect(fetchMock).toHaveBeenCalledOnce();
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(incident.url);
    expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });
  it('a failing try schedules the next one, honouring Retry-After', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 503, headers: { 'retry-after': '120' } }));
    await startWatch(TAB);
    await makeDue();
    const before = Date.now();
    await runDueTry(TAB);
    const watch = (await record())!.watch!;
    expect(watch).toMatchObject({ status: 'watching', tries: 1, lastTry: { status: 503, retryAfter: '120' } });
    expect(watch.nextTryAt).toBeGreaterThanOrEqual(before + 120_000);
    expect((await alarm())?.scheduledTime).toBe(watch.nextTryAt);
  });
  it('a try that is not due does not fetch (the alarm and the timer both fire)', async () => {
    await startWatch(TAB);
    await runDueTry(TAB);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(await alarm()).toBeDefined();
  });
  it('an alarm after a worker restart goes on from storage alone', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 502 }));
    await startWatch(TAB);
    await makeDue();
    vi.clearAllTimers(); // the worker's timers died with it
    onAlarm({ name: `watch:${TAB}` });
    await vi.waitFor(async () => expect((await record())!.watch!.tries).toBe(1), SETTLE);
    expect(fetchMock).toHaveBeenCalledOnce();
  });
  it('no answer counts as failing, not as back', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await startWatch(TAB);
    await makeDue();
    await runDueTry(TAB);
    expect((await record())!.watch).toMatchObject({ status: 'watching', lastTry: { error: 'network' } });
  });
  it('stops without a request when the tab moved on to another incident or URL', async () => {
    await startWatch(TAB);
    const r = (await record())!;
    await fakeBrowser.storage.session.set({
      [`tab:${TAB}`]: { ...r, incident: { ...incident, id: 'inc-2', url: 'https://b.test/' } },
    });
    await makeDue();
    await runDueTry(TAB);
    expect(fetchMock).not.toHaveBeenCalled();
    expect((await record())!.watch).toBeUndefined();
    expect(await alarm()).toBeUndefined();
  });
});

describe('when it is back', () => {
  it('notifies, turns the badge to OK and stops', async () => {
    fetchMock.mockResolvedValue(new Response('ok', { status: 200 }));
    await startWatch(TAB);
    await makeDue();
    await runDueTry(TAB);
    expect((await record())!.watch).toMatchObject({ status: 'back', lastTry: { status: 200 } });
    expect(await alarm()).toBeUndefined();
    const notes = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { type: string; title: string }>;
    expect(Object.keys(notes)).toEqual([`watch:${TAB}`]);
    expect(notes[`watch:${TAB}`]!.type).toBe('basic');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('OK');
    expect(reload).not.toHaveBeenCalled();
  });
  it('reloads the tab when chosen', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 301 }));
    await startWatch(TAB, true);
    await makeDue();
    await runDueTry(TAB);
    expect(reload).toHaveBeenCalledWith(TAB);
  });
  it('respects notifyWhenBack = false', async () => {
    await fakeBrowser.storage.local.set({ settings: { notifyWhenBack: false } });
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await startWatch(TAB);
    await makeDue();
    await runDueTry(TAB);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('OK');
  });
  it('a click on the notification focuses the tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://a.test/', active: false });
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await onNotificationClicked(`watch:${tab.id}`);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    await onNotificationClicked('something-else');
    expect(update).toHaveBeenCalledOnce();
  });
});

describe('surviving restarts', () => {
  it('re-creates a lost alarm from the stored next try (Firefox keeps no alarms across a restart)', async () => {
    await startWatch(TAB);
    const { nextTryAt } = (await record())!.watch!;
    await fakeBrowser.alarms.clearAll();
    await resumeWatches(allRecords());
    expect((await alarm())?.scheduledTime).toBe(nextTryAt);
  });
  it('clears alarms left without a watch (Chrome keeps alarms, storage.session is gone)', async () => {
    await fakeBrowser.alarms.create('watch:42', { when: Date.now() + 1000 });
    await fakeBrowser.alarms.create('other', { when: Date.now() + 1000 });
    await resumeWatches(allRecords());
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toEqual(['other']);
  });
  it('a short wait also gets a timer, so packed Chrome’s 30 s alarm floor does not delay it', async () => {
    await fakeBrowser.storage.local.set({ [WATCH_TUNING_KEY]: { firstDelayMs: 1000 } });
    fetchMock.mockResolvedValue(new Response('', { status: 500 }));
    await startWatch(TAB);
    await vi.advanceTimersByTimeAsync(1100);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce(), SETTLE);
    // Let the try finish (result stored, next alarm armed) so it cannot spill into the next test.
    await vi.waitFor(async () => {
      const watch = (await record())!.watch!;
      expect(watch.lastTry).toBeDefined();
      expect((await alarm())?.scheduledTime).toBe(watch.nextTryAt);
    }, SETTLE);
  });
  it('closing the tab clears its alarm and notification', async () => {
    await startWatch(TAB);
    await fakeBrowser.notifications.create(`watch:${TAB}`, { type: 'basic', title: '', message: '', iconUrl: '' });
    await forgetWatch(TAB);
    expect(await alarm()).toBeUndefined();
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });
});
