// What a failing response brings is cut before it is stored: a 2 MiB URL (Chrome's limit) and a 2 MiB
// status line or error name take a few KB in storage.session, so three such tabs cannot fill it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';
import { installShippedRegistry } from '../support/install-registry';
import { MAX_STORED_LINE, MAX_STORED_URL, capUrl } from '../../../src/model/storage-caps';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
type Detector = typeof import('../../../src/background/detector');
let detector: Detector;

const MIB2 = 2 * 1024 * 1024;
const hugeUrl = (tab: number) => `https://shop${tab}.test/search?q=${'x'.repeat(MIB2)}`;
const storedBytes = async () => JSON.stringify(await fakeBrowser.storage.session.get(null)).length;
const record = async (tab: number) =>
  (await fakeBrowser.storage.session.get(`tab:${tab}`))[`tab:${tab}`] as TabRecord | undefined;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  await installShippedRegistry();
  Object.assign(fakeBrowser, { scripting: { executeScript: vi.fn(async () => []) } });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  detector = await import('../../../src/background/detector');
});

describe('caps on what is stored', () => {
  it('three tabs failing on 2 MiB URLs with 2 MiB status lines store a few KB, the page kept without its query', async () => {
    for (const tab of [1, 2, 3]) {
      detector.onHeadersReceived({
        type: 'main_frame',
        tabId: tab,
        frameId: 0,
        url: hugeUrl(tab),
        statusCode: 502,
        statusLine: `HTTP/1.1 502 ${'y'.repeat(MIB2)}`,
        responseHeaders: [
          { name: 'Server', value: 'z'.repeat(MIB2) },
          { name: 'CF-RAY', value: 'r'.repeat(MIB2) },
        ],
        incognito: false,
        timeStamp: tab,
      } as unknown as Parameters<Detector['onHeadersReceived']>[0]);
    }
    await vi.waitFor(async () => expect((await record(3))?.incident).toBeDefined());
    const incident = (await record(1))!.incident!;
    expect(incident.url).toBe('https://shop1.test/search');
    expect(incident.failure.type === 'http' && incident.failure.statusLine.length).toBeLessThanOrEqual(MAX_STORED_LINE);
    expect(await storedBytes()).toBeLessThan(3 * 16 * 1024);
  });

  it('the same 2 MiB URL failing again is the same incident (the cut is stable)', async () => {
    const fail = (timeStamp: number) =>
      detector.onHeadersReceived({
        type: 'main_frame',
        tabId: 9,
        frameId: 0,
        url: hugeUrl(9),
        statusCode: 503,
        statusLine: 'HTTP/1.1 503',
        responseHeaders: [],
        incognito: false,
        timeStamp,
      } as unknown as Parameters<Detector['onHeadersReceived']>[0]);
    fail(1);
    await vi.waitFor(async () => expect((await record(9))?.incident).toBeDefined());
    fail(2);
    await vi.waitFor(async () => expect((await record(9))?.incident?.occurrences).toBe(2));
  });

  it('a network error with a 2 MiB URL and error name is cut too', async () => {
    detector.onErrorOccurred({
      type: 'main_frame',
      tabId: 5,
      frameId: 0,
      url: `https://a.test/${'p'.repeat(MIB2)}`,
      error: `net::ERR_NAME_NOT_RESOLVED${'e'.repeat(MIB2)}`,
      incognito: false,
      timeStamp: 1,
    } as unknown as Parameters<Detector['onErrorOccurred']>[0]);
    await vi.waitFor(async () => expect((await record(5))?.incident).toBeDefined());
    expect(await storedBytes()).toBeLessThan(16 * 1024);
    expect((await record(5))!.incident!.url).toBe('https://a.test/');
  });
});

describe('capUrl', () => {
  it('keeps short URLs as they are and never returns more than the cap', () => {
    expect(capUrl('https://a.test/x?y=1#z')).toBe('https://a.test/x?y=1#z');
    for (const url of [
      hugeUrl(1),
      `https://a.test/${'p'.repeat(MIB2)}`,
      `https://${'h'.repeat(5000)}.test/`,
      'not a url '.repeat(1000),
    ]) {
      expect(capUrl(url).length).toBeLessThanOrEqual(MAX_STORED_URL);
      expect(capUrl(capUrl(url))).toBe(capUrl(url));
    }
  });
});
