// URLs as long as Chrome takes (2 MiB) and status lines far past any real one, in real Chromium: what a response
// brings is capped before it is stored (src/model/storage-caps.ts), so three such tabs cannot fill
// storage.session (10 MB in all), after which every write would fail. The pure caps are unit-tested
// (test/unit/background/detector.caps.test.ts); this proves them with the browser's own events and storage.
//
// Its own file and browser: each 2 MiB navigation costs Chromium seconds of work (≈ 8 s for one, without
// Playwright, on a loaded 2-core machine; Playwright's own page instrumentation adds more), and while three
// load, that browser answers nothing else — in the reliability suite they made the tests after them time out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STORED_LINE } from '../../src/model/storage-caps';
import type { ChromeApi } from '../harness/chrome-api';
import { launchReliabilityChromium, type ReliabilityBrowser } from '../harness/reliability-browser';
import { LONG_REASON_CHARS, startReliabilityServer, type ReliabilityServer } from '../harness/reliability-server';
import { waitFor, withDeadline } from '../harness/wait-for';

declare const chrome: ChromeApi;

const MIB2 = 2 * 1024 * 1024;
let browser: ReliabilityBrowser;
let server: ReliabilityServer;
const log = (line: string): void => console.log(`[long-urls.e2e] ${line}`);

beforeAll(async () => {
  server = await startReliabilityServer();
  browser = await launchReliabilityChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const inControl = <R>(what: string, call: Promise<R>, ms = 10_000): Promise<R> => withDeadline(what, call, ms);
/** Opens tabs from the extension page, each URL built there (`start` + 'x' up to `size`): nothing carries the 2 MiB but the browser. */
const createTabs = (starts: string[], size: number, ms: number) =>
  inControl(
    `tabs.create ×${starts.length}`,
    browser.control.evaluate(
      ({ all, size }) =>
        Promise.all(
          all.map((start) =>
            chrome.tabs
              .create({ url: start + 'x'.repeat(Math.max(0, size - start.length)), active: false })
              .then((t) => t.id ?? -1),
          ),
        ),
      { all: starts, size },
    ),
    ms,
  );
const bytesInUse = () =>
  inControl(
    'storage.session.getBytesInUse',
    browser.control.evaluate(() => chrome.storage.session.getBytesInUse(null)),
  );
/** The tab's record, read through storage only: tabs.get / tabs.query would copy its 2 MiB address on every poll (0.2–3.5 s a call). */
const incidentOf = (tabId: number, timeoutMs: number) =>
  waitFor(`tab ${tabId}'s incident`, async () => (await browser.record(tabId))?.incident, {
    timeoutMs,
    intervalMs: 200,
  });

describe('2 MiB URLs and 100 KB status lines', () => {
  it('three tabs failing on them: storage.session stays small, a further tab is still recorded, the popup renders', async () => {
    const started = Date.now();
    const starts = [1, 2, 3].map((n) => server.rawUrl(`/long-reason?tab=${n}&q=`));
    // Main frames that finished loading, noted by the extension page (one event each: no polling of the tabs).
    await inControl(
      'webNavigation.onCompleted.addListener',
      browser.control.evaluate(() => {
        const loaded: number[] = ((globalThis as unknown as { __loaded: number[] }).__loaded = []);
        chrome.webNavigation.onCompleted.addListener((d) => void (d.frameId === 0 && loaded.push(d.tabId)));
      }),
    );
    const ids = await createTabs(starts, MIB2, 150_000);
    const createdMs = Date.now() - started;
    try {
      const incidents = [];
      for (const tabId of ids) incidents.push(await incidentOf(tabId, 150_000));
      const recordedMs = Date.now() - started;
      // (The server's log has no port in its URL: a few characters short of what was sent.)
      expect(
        server.requests((r) => r.path === '/long-reason' && r.url.length > MIB2 - 16).length,
        'the server saw each 2 MiB request whole',
      ).toBe(3);
      for (const [i, incident] of incidents.entries()) {
        expect(incident.url).toBe(`${new URL(starts[i]!).origin}/long-reason`);
        expect(incident.failure.type === 'http' && incident.failure.status).toBe(502);
        expect(incident.failure.type === 'http' ? incident.failure.statusLine.length : Infinity).toBeLessThanOrEqual(
          MAX_STORED_LINE,
        );
      }
      const bytes = await bytesInUse();
      expect(bytes).toBeLessThan(64 * 1024);

      // While the three load, Chromium answers little else (the badge API took > 5 s a call): let them finish.
      await waitFor(
        'the 2 MiB tabs to finish loading',
        () =>
          browser.control.evaluate(
            (tabIds) => tabIds.every((id) => (globalThis as unknown as { __loaded: number[] }).__loaded.includes(id)),
            ids,
          ),
        { timeoutMs: 150_000, intervalMs: 500 },
      );
      const loadedMs = Date.now() - started;

      const [further] = await createTabs([server.url('/code/503?after-long=1')], 0, 30_000);
      ids.push(further!);
      const furtherIncident = await incidentOf(further!, 30_000);
      expect(furtherIncident.failure).toMatchObject({ type: 'http', status: 503 });
      await waitFor("the further tab's badge", async () => (await browser.badgeText(further!)) === '503', {
        timeoutMs: 20_000,
        intervalMs: 100,
      });
      for (const tabId of [ids[0]!, further!]) {
        const popup = await browser.openPopup(tabId);
        expect(await popup.locator('p.url').getAttribute('title')).toBe((await browser.record(tabId))?.incident?.url);
        await popup.close();
      }
      // Whatever came later for the long tabs (their page's reading, the popups' reads) stayed small too.
      const bytesAtEnd = await bytesInUse();
      expect(bytesAtEnd).toBeLessThan(64 * 1024);
      log(
        `3 tabs × ${MIB2}-character URL and ${LONG_REASON_CHARS}-character status line: tabs created after ${createdMs} ms, all recorded after ${recordedMs} ms, loaded after ${loadedMs} ms; ` +
          `storage.session ${bytes} bytes in use, ${bytesAtEnd} at the end; a further tab's 503 recorded and two popups rendered; ${Date.now() - started} ms in all`,
      );
    } finally {
      await browser.control.evaluate((tabIds) => chrome.tabs.remove(tabIds), ids).catch(() => undefined);
    }
  }, 360_000);
});
