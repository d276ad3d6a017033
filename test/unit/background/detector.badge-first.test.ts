// A failing response sets its tab's badge at once, before the record is read or written (bench 3d: in
// Firefox's event page each awaited storage or action call is a round trip to the parent process).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';
import { SHIPPED_REGISTRY_DATA } from '../support/install-registry';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

type Detector = typeof import('../../../src/background/detector');
let detector: Detector;
const calls: string[] = [];

function respond(tabId: number, statusCode: number): void {
  detector.onHeadersReceived({
    type: 'main_frame',
    tabId,
    frameId: 0,
    url: `https://shop.test/${tabId}`,
    statusCode,
    statusLine: `HTTP/1.1 ${statusCode}`,
    responseHeaders: [{ name: 'server', value: 'nginx' }],
    incognito: false,
    timeStamp: 1,
  } as unknown as Parameters<Detector['onHeadersReceived']>[0]);
}

const record = async (tab: number) =>
  (await fakeBrowser.storage.session.get(`tab:${tab}`))[`tab:${tab}`] as TabRecord | undefined;

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  vi.resetModules();
  calls.length = 0;
  vi.stubGlobal('fetch', async () => new Response(SHIPPED_REGISTRY_DATA, { status: 200 }));
  const action = Object.fromEntries(
    ['setBadgeText', 'setBadgeBackgroundColor', 'setBadgeTextColor', 'setTitle', 'setIcon', 'setPopup'].map((name) => [
      name,
      vi.fn(
        async (details: { text?: string; popup?: string }) =>
          void calls.push(
            `${name}${details.text ? ` ${details.text}` : ''}${details.popup ? ` ${details.popup}` : ''}`,
          ),
      ),
    ]),
  );
  Object.assign(fakeBrowser, { action, scripting: { executeScript: vi.fn(async () => []) } });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
  vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
    calls.push('session.set');
    return set(items);
  });
  detector = await import('../../../src/background/detector');
});

describe('the badge of a failing response', () => {
  it('is set in the listener itself, before the record is written', async () => {
    respond(4, 502);
    // Synchronously: nothing has been awaited yet.
    expect(calls).toEqual(['setBadgeText 502', 'setBadgeBackgroundColor']);
    await vi.waitFor(async () => expect((await record(4))?.incident?.failure).toMatchObject({ status: 502 }));
    // The record's own badge (tooltip, icon) follows the write.
    await vi.waitFor(() => expect(calls.slice(calls.indexOf('session.set'))).toContain('setIcon'));
    expect(calls.indexOf('session.set')).toBeGreaterThan(1);
  });

  it("points the tab's toolbar button at a popup that names the tab, once the record is written", async () => {
    respond(6, 503);
    await vi.waitFor(() => expect(calls).toContain('setPopup popup.html?tab=6&in=toolbar'));
    expect(calls.indexOf('setPopup popup.html?tab=6&in=toolbar')).toBeGreaterThan(calls.indexOf('session.set'));
  });

  it('is not set for a refusal (an explained 4xx carries no alarm)', async () => {
    respond(5, 404);
    expect(calls).toEqual([]);
    await vi.waitFor(async () => expect((await record(5))?.clientError).toBeDefined());
    expect(calls.filter((c) => c.startsWith('setBadgeText') && c !== 'setBadgeText')).toEqual([]);
    expect(calls.filter((c) => c.startsWith('setPopup'))).toEqual([]);
  });
});
