// The tab's own failing page, read after the detector recorded its 5xx: the whole background path (detector →
// read-failing-page → incident store) against an in-memory browser whose scripting.executeScript is scripted.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';
import { installShippedRegistry } from '../support/install-registry';
// vi.waitFor gives up after 1 s of real time by default; the awaited chain (fake storage, mocked fetch)
// took longer on a loaded 2-core machine. What is awaited is a state, so the limit only bounds a hang.
const SETTLE = { timeout: 10_000 };

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

type Detector = typeof import('../../../src/background/detector');
type Reader = typeof import('../../../src/background/read-failing-page');
let detector: Detector;
let reader: Reader;

const TAB = 4;
const URL = 'https://shop.test/cart';
const CLOUDFLARE_HEADERS = [
  { name: 'Server', value: 'cloudflare' },
  { name: 'CF-RAY', value: '87d2c9a4e8f1a2b3-FRA' },
];
const PAGE_1016 = 'Error 1016 | Cloudflare\nError 1016 Ray ID: 87d2c9a4e8f1a2b3 Origin DNS error';

interface Injection {
  target: { tabId: number; frameIds?: number[]; documentIds?: string[] };
  func: (...args: unknown[]) => unknown;
  args?: unknown[];
  injectImmediately?: boolean;
}
const executeScript = vi.fn<(injection: Injection) => Promise<{ frameId: number; result?: unknown }[]>>();
const sessionSet = vi.fn();
/** The in-page notice goes in at the same moment (error-notice.ts): its injections are counted apart. */
const noticeScript = vi.fn(async (_injection: Injection) => [{ frameId: 0, result: true }]);

const record = async (): Promise<TabRecord | undefined> =>
  (await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as TabRecord | undefined;

/** The events' own clock (webRequest and webNavigation timeStamps): each event a little later. */
let clock = 0;
const tick = () => (clock += 10);

function respond(status: number, headers = CLOUDFLARE_HEADERS, over: Record<string, unknown> = {}): void {
  detector.onHeadersReceived({
    type: 'main_frame',
    tabId: TAB,
    frameId: 0,
    url: URL,
    statusCode: status,
    statusLine: `HTTP/1.1 ${status}`,
    responseHeaders: headers,
    incognito: false,
    timeStamp: tick(),
    ...over,
  } as unknown as Parameters<Detector['onHeadersReceived']>[0]);
}
const frame = (over: Record<string, unknown> = {}) => ({
  tabId: TAB,
  frameId: 0,
  url: URL,
  documentId: 'doc-1',
  timeStamp: tick(),
  ...over,
});
/** The browser's events for a document that loaded: commit, then DOM ready (awaited: the read settles). */
async function load(over: Record<string, unknown> = {}): Promise<void> {
  reader.onPageCommitted(frame(over));
  await reader.onPageReady(frame(over));
}
const pageSays = (text: string, url = URL) => executeScript.mockResolvedValue([{ frameId: 0, result: { url, text } }]);
/** Waits until the detector's own writes (incident, badge) are done. */
const recorded = () => vi.waitFor(async () => expect((await record())?.incident).toBeDefined(), SETTLE);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  await installShippedRegistry();
  executeScript.mockReset();
  sessionSet.mockClear();
  noticeScript.mockClear();
  const { injectErrorNotice } = await import('../../../src/background/error-notice-page');
  Object.assign(fakeBrowser, {
    scripting: {
      executeScript: (injection: Injection) =>
        injection.func === injectErrorNotice ? noticeScript(injection) : executeScript(injection),
    },
  });
  const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
  Object.assign(fakeBrowser.storage.session, {
    set: (items: Record<string, unknown>) => (sessionSet(items), set(items)),
  });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  detector = await import('../../../src/background/detector');
  reader = await import('../../../src/background/read-failing-page');
});

describe('reading the failing page in the tab', () => {
  it('a 5xx page with vendor text: its code and reference are stored with the incident', async () => {
    pageSays(PAGE_1016);
    respond(530);
    await load();
    const page = (await record())?.incident?.page;
    expect(page?.reason).toMatchObject({ platform: 'cloudflare', code: '1016', reference: '87d2c9a4e8f1a2b3' });
    expect(executeScript).toHaveBeenCalledTimes(1);
    // The notice goes into the same document, at the same moment.
    await vi.waitFor(() => expect(noticeScript).toHaveBeenCalledTimes(1));
    expect(noticeScript.mock.calls[0]![0].target).toEqual(executeScript.mock.calls[0]![0].target);
    const injection = executeScript.mock.calls[0]![0];
    // Exactly the document that navigation committed, at once, with the text cap passed in.
    expect(injection.target).toEqual({ tabId: TAB, documentIds: ['doc-1'] });
    expect(injection.injectImmediately).toBe(true);
    expect(injection.args).toEqual([reader.PAGE_TEXT_LIMIT]);
  });

  it('without a documentId (older browsers), the main frame only, and the page must still show the failing URL', async () => {
    pageSays(PAGE_1016);
    respond(530);
    await load({ documentId: undefined });
    expect(executeScript.mock.calls[0]![0].target).toEqual({ tabId: TAB, frameIds: [0] });
    expect((await record())?.incident?.page?.reason?.code).toBe('1016');
  });

  it('the document can be ready before the response is handled (webRequest and webNavigation are not ordered)', async () => {
    pageSays(PAGE_1016);
    const respondedAt = tick();
    await load();
    expect(executeScript).not.toHaveBeenCalled();
    await reader.readFailingPage(TAB, URL, respondedAt, Promise.resolve(null));
    expect(executeScript).toHaveBeenCalledTimes(1);

    // Through the detector: the document's events first, the response's event after them.
    executeScript.mockClear();
    clock += 1000;
    const at = clock;
    reader.onPageCommitted(frame({ timeStamp: at + 5 }));
    await reader.onPageReady(frame({ timeStamp: at + 6 }));
    respond(530, CLOUDFLARE_HEADERS, { timeStamp: at });
    await vi.waitFor(async () => expect((await record())?.incident?.page?.reason?.code).toBe('1016'), SETTLE);
  });

  it('the previous document at the same address (committed before the response) is not read; the next one is', async () => {
    pageSays(PAGE_1016);
    await load({ documentId: 'old' });
    respond(530);
    expect(executeScript).not.toHaveBeenCalled();
    await load({ documentId: 'new' });
    expect(executeScript.mock.calls[0]![0].target).toEqual({ tabId: TAB, documentIds: ['new'] });
  });

  it('a 2 MiB URL (stored capped by the detector) is still its own page: read, and its notice offered', async () => {
    const long = `${URL}?q=${'x'.repeat(2 * 1024 * 1024)}`;
    pageSays(PAGE_1016, long);
    respond(530, CLOUDFLARE_HEADERS, { url: long });
    await load({ url: long });
    expect((await record())?.incident?.url).toBe(URL);
    expect((await record())?.incident?.page?.reason?.code).toBe('1016');
    await vi.waitFor(() => expect(noticeScript).toHaveBeenCalledTimes(1));
  });

  it('a page that names nothing known is still a reading (null reason): the popup then knows it was read', async () => {
    pageSays('Something went wrong');
    respond(502);
    await load();
    expect((await record())?.incident?.page).toMatchObject({ reason: null });
  });

  it('healthy pages, challenges and subframes: no scripting call and no storage write', async () => {
    pageSays(PAGE_1016);
    respond(200);
    await load();
    respond(403, [
      { name: 'cf-mitigated', value: 'challenge' },
      { name: 'server', value: 'cloudflare' },
    ]);
    await load();
    respond(502, CLOUDFLARE_HEADERS, { type: 'sub_frame', frameId: 3 });
    await load({ frameId: 3 });
    expect(executeScript).not.toHaveBeenCalled();
    // The challenge writes its own record; nothing is written for a page reading.
    expect(
      sessionSet.mock.calls.every(([items]) => !(items as Record<string, TabRecord>)[`tab:${TAB}`]?.incident?.page),
    ).toBe(true);
  });

  it('an empty 5xx body (the browser shows its own error page): nothing read, nothing stored, no error', async () => {
    respond(502);
    await recorded();
    reader.forgetFailingPage(TAB, 'https://shop.test/before'); // the page the tab left, aborted: not this one
    reader.forgetFailingPage(TAB, URL); // webNavigation.onErrorOccurred for the failing page's main frame
    await load();
    expect(executeScript).not.toHaveBeenCalled();
    // A later healthy load at the same address is not read either (another response came).
    respond(502);
    await recorded();
    respond(200);
    await load();
    expect(executeScript).not.toHaveBeenCalled();

    // Had the browser's error page committed instead, executeScript fails there: still nothing.
    executeScript.mockRejectedValue(new Error('Frame with ID 0 is showing error page'));
    respond(502);
    await load();
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect((await record())?.incident?.page).toBeUndefined();

    // Firefox shows an empty body as a blank document: read, but nothing is there to keep.
    pageSays('\n  ');
    respond(502);
    await load();
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect((await record())?.incident?.page).toBeUndefined();
  });

  it('the tab navigated on before the read: nothing stored for the wrong page', async () => {
    pageSays(PAGE_1016);
    // Another document committed in its place.
    respond(530);
    await load({ url: 'https://elsewhere.test/' });
    expect(executeScript).not.toHaveBeenCalled();
    // Committed, then replaced by another page before its DOM was ready; the first one's late event changes nothing.
    respond(530);
    reader.onPageCommitted(frame());
    reader.onPageCommitted(frame({ url: 'https://elsewhere.test/', documentId: 'doc-2' }));
    await reader.onPageReady(frame());
    await reader.onPageReady(frame({ url: 'https://elsewhere.test/', documentId: 'doc-2' }));
    expect(executeScript).not.toHaveBeenCalled();
    // The frame showed another address by the time the script ran.
    respond(530);
    pageSays(PAGE_1016, 'https://elsewhere.test/');
    await load();
    expect((await record())?.incident?.page).toBeUndefined();
  });

  it('the same URL failed again while the first document was read: that reading is not stored on the newer response', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      let finish: (value: { frameId: number; result: unknown }[]) => void = () => undefined;
      executeScript.mockReturnValue(new Promise((resolve) => (finish = resolve)));
      vi.setSystemTime(1000);
      respond(530);
      reader.onPageCommitted(frame());
      const reading = reader.onPageReady(frame());
      await recorded();
      // A reload fails again (a new response, seen later) before the first read returns.
      vi.setSystemTime(2000);
      respond(530);
      await vi.waitFor(async () => expect((await record())?.incident?.lastSeenAt).toBe(2000), SETTLE);
      finish([{ frameId: 0, result: { url: URL, text: PAGE_1016 } }]);
      await reading;
      expect((await record())?.incident?.page).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a page that never answers is left unread after the time limit; its late answer is dropped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let finish: (value: { frameId: number; result: unknown }[]) => void = () => undefined;
      executeScript.mockReturnValue(new Promise((resolve) => (finish = resolve)));
      respond(530);
      await recorded();
      reader.onPageCommitted(frame());
      const reading = reader.onPageReady(frame());
      await vi.advanceTimersByTimeAsync(reader.READ_TIME_LIMIT_MS);
      await reading;
      finish([{ frameId: 0, result: { url: URL, text: PAGE_1016 } }]);
      await Promise.resolve();
      expect((await record())?.incident?.page).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the function injected into the page', () => {
  it('returns the title and visible text, cut to the limit it is given', async () => {
    const { Window } = await import('happy-dom');
    const window = new Window({ url: URL });
    window.document.write(
      `<html><head><title>Error 1016</title></head><body><p>Origin DNS error ${'x'.repeat(500)}</p></body></html>`,
    );
    vi.stubGlobal('document', window.document);
    vi.stubGlobal('location', window.location);
    try {
      const read = reader.visibleTextOfPage(100);
      expect(read.url).toBe(URL);
      expect(read.text.startsWith('Error 1016\nOrigin DNS error')).toBe(true);
      expect(read.text).toHaveLength(100);
    } finally {
      vi.unstubAllGlobals();
      await window.happyDOM.close();
    }
    // The first import of happy-dom in a worker took over 5 s once on a loaded 2-core machine: a cold
    // module load, not something this test measures.
  }, 30_000);
});
