// Issue #6 end to end in real Chromium: state is never lost (the worker stopped at each stage), many
// failures at once, bad input from servers survived, and privacy (no request of the extension's own).
// Already covered elsewhere, so not repeated here: the worker stopped between detection and the popup
// (chromium.e2e.ts "keeps the incident when the service worker is stopped"), a 5xx in a subframe
// (chromium.e2e.ts "ignores a 5xx inside an iframe"), markup in response headers (chromium.e2e.ts).
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckState } from '../../src/model/checks';
import type { TabRecord } from '../../src/model/incident';
import { extensionPageUrl, openedPages } from '../harness/chromium';
import { closedPortUrl, DNS_FAILURE_URL } from '../harness/failing-server';
import { message } from '../harness/messages';
import { dialogsDuring as dialogsIn, snapshotPopup } from '../harness/popup-checks';
import { localEndpoints, startProbeServers, type ProbeServers } from '../harness/probe-servers';
import type { ChromeApi } from '../harness/chrome-api';
import { launchReliabilityChromium, type ReliabilityBrowser } from '../harness/reliability-browser';
import {
  HUGE_HEADER,
  REASON_MARKUP,
  startReliabilityServer,
  type LoggedRequest,
  type ReliabilityServer,
} from '../harness/reliability-server';
import { waitFor, withDeadline } from '../harness/wait-for';

declare const chrome: ChromeApi;

let browser: ReliabilityBrowser;
let server: ReliabilityServer;
let probes: ProbeServers;
let counter = 0;
const tag = (): string => `r${++counter}`;
const log = (line: string): void => console.log(`[reliability.e2e] ${line}`);
const opened = openedPages();

beforeAll(async () => {
  [server, probes] = await Promise.all([startReliabilityServer(), startProbeServers()]);
  browser = await launchReliabilityChromium();
  // Every probe a step could make stays on 127.0.0.1.
  await setLocal({ settings: { endpoints: localEndpoints(probes) } });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), probes?.close()]);
});

afterEach(() => opened.closeAll());

// ---- helpers -----------------------------------------------------------------------------------------

const inControl = <R>(what: string, call: Promise<R>, ms = 5000): Promise<R> => withDeadline(what, call, ms);
const setLocal = (items: Record<string, unknown>) =>
  inControl(
    'storage.local.set',
    browser.control.evaluate((i) => chrome.storage.local.set(i), items),
  );
const getLocal = (key: string) =>
  inControl(
    'storage.local.get',
    browser.control.evaluate((k) => chrome.storage.local.get(k).then((i) => i[k]), key),
  );
const sendMessage = (msg: Record<string, unknown>) =>
  inControl(
    'runtime.sendMessage',
    browser.control.evaluate((m) => chrome.runtime.sendMessage(m), msg),
  );

const openTab = (url: string, finalUrl?: string) => opened.track(browser.openTab(url, finalUrl));
const openPopup = (tabId: number): Promise<Page> => opened.track(browser.openPopup(tabId));

const expectBadge = (tabId: number, text: string, timeout = 5000) =>
  expect.poll(() => browser.badgeText(tabId), { timeout, interval: 25 }).toBe(text);

/**
 * Ordering barrier for "nothing happened" assertions: a failure in a scratch tab has been stored and
 * badged. The worker handles events in the order the browser dispatches them, so work an earlier
 * navigation started has been written by then.
 */
async function barrier(): Promise<void> {
  const scratch = await browser.openTab(server.url(`/code/502?barrier=${tag()}`));
  await expectBadge(scratch.tabId, '502');
  await scratch.page.close();
}

const recordOf = (tabId: number, ok: (r: TabRecord) => boolean, what: string, timeoutMs = 5000) =>
  waitFor(
    what,
    async () => {
      const r = await browser.record(tabId);
      return r && ok(r) ? r : undefined;
    },
    { timeoutMs },
  );

/** Dialogs (alert) opened by any page while `during` runs: markup executed somewhere. */
const dialogsDuring = <T>(during: () => Promise<T>) => dialogsIn(browser.context, during);

/** Runs in the popup: what the report preview (a textarea: text only by construction) holds. */
const reportPreview = (popup: Page) => popup.locator('.report-preview textarea').inputValue();

/**
 * Unhandled rejections and uncaught errors in the worker: Playwright reports a worker's console but not its
 * uncaught errors, so listeners are installed in the worker itself (they live until the worker stops).
 */
async function watchWorkerErrors(): Promise<() => Promise<string[]>> {
  const name = `__errors${tag()}`;
  await browser.worker.evaluate((n) => {
    const seen: string[] = [];
    (globalThis as unknown as Record<string, string[]>)[n] = seen;
    addEventListener(
      'unhandledrejection',
      (e) => void seen.push(`unhandledrejection: ${String((e as PromiseRejectionEvent).reason)}`),
    );
    addEventListener('error', (e) => void seen.push(`error: ${(e as ErrorEvent).message}`));
  }, name);
  return () =>
    browser.worker.evaluate((n) => [...((globalThis as unknown as Record<string, string[]>)[n] ?? [])], name);
}

const stepButton = (popup: Page, step: string) => popup.locator(`li[data-step="${step}"] .step-row button`);
const waitForStep = (popup: Page, step: string, state: string, timeout: number) =>
  popup.waitForFunction(
    ({ id, want }) => document.querySelector(`li[data-step="${id}"]`)?.classList.contains(`step--${want}`),
    { id: step, want: state },
    { timeout, polling: 'raf' },
  );

/** Requests made by someone other than a page being navigated: the extension's fetches (`dest: empty`, extension origin). */
const fromExtension = (r: LoggedRequest) =>
  r.secFetchDest === 'empty' || (r.origin ?? '').startsWith('chrome-extension://');

// ---- privacy (first: nothing else has run in this worker yet) -----------------------------------------

describe('privacy', () => {
  it("browsing healthy and failing pages makes no request of the extension's own; a step's fetch is seen (positive control)", async () => {
    const swRequests: string[] = [];
    // Playwright ≥ 1.4x reports a service worker's network requests on the context, with serviceWorker() set.
    // The worker reading its own package (icons for action.setIcon) is not a network request.
    const own = extensionPageUrl(browser.extensionId, '');
    const onRequest = (r: Request) =>
      void (r.serviceWorker() && !r.url().startsWith(own) ? swRequests.push(r.url()) : undefined);
    browser.context.on('request', onRequest);
    try {
      const since = Date.now();
      const id = tag();
      const pages: [string, string][] = [
        [server.url(`/ok?p=${id}`), ''],
        [server.url(`/code/502?p=${id}`), '502'],
        [server.url(`/code/503?p=${id}`), '503'],
        [server.url(`/code/522?p=${id}`), '522'],
        [server.rawUrl(`/huge-header?p=${id}`), '502'],
        [await closedPortUrl(`/?p=${id}`), 'CONN'],
        [`${DNS_FAILURE_URL}?p=${id}`, 'DNS'],
        [server.url(`/recovers?key=${id}&after=1`), '502'],
      ];
      let last = 0;
      let recovering: Page | undefined;
      for (const [url, badge] of pages) {
        const tab = await openTab(url);
        await expectBadge(tab.tabId, badge);
        if (badge === '502') last = tab.tabId;
        recovering = tab.page;
      }
      // The healthy reload of /recovers (the last page) ends its incident.
      await recovering!.reload();
      await recordOf(last, (r) => !r.incident && !!r.lastError, 'the /recovers incident to end');
      const browsingEnded = Date.now();
      expect(swRequests, 'requests made by the service worker while browsing').toEqual([]);
      const serverSide = server.requests((r) => r.at >= since && fromExtension(r));
      expect(serverSide, 'requests on the local servers not made by a navigation').toEqual([]);

      // Positive control: the clean-request step fetches the page from the worker; both methods see it.
      const { tabId } = await openTab(server.url(`/code/504?control=${id}`));
      await expectBadge(tabId, '504');
      await sendMessage({ type: 'run-check', tabId, checkId: 'clean-request' });
      await waitFor('the worker fetch to be reported', () => swRequests.some((u) => u.includes(`control=${id}`)));
      // Playwright reports the request when it starts: the server may see it a little later.
      const control = await waitFor('the server to see the worker fetch', () => {
        const seen = server.requests(
          (r) => r.url.includes(`control=${id}`) && r.at >= browsingEnded && fromExtension(r),
        );
        return seen.length ? seen : undefined;
      });
      expect(control.length).toBe(1);
      log(
        `privacy: ${pages.length} pages browsed, 0 extension requests; control fetch seen by Playwright (service worker) and by the server as ${JSON.stringify({ origin: control[0]?.origin, mode: control[0]?.secFetchMode, dest: control[0]?.secFetchDest })}`,
      );
      await recordOf(tabId, (r) => r.incident?.checks['clean-request']?.state === 'done', 'the control step to finish');
    } finally {
      browser.context.off('request', onRequest);
    }
    // Nine tabs opened one after another, each awaited until its badge, then a step: the default 30 s is one
    // scenario's time, and on a loaded 2-core machine (load average 25) this test took longer than that.
  }, 90_000);

  it('history keeps only the site (origin) of normal-window failures; private windows cannot be enabled headlessly', async () => {
    const { tabId } = await openTab(server.url(`/code/500?h=${tag()}`));
    expect((await recordOf(tabId, (r) => !!r.incident, 'the incident')).incident?.incognito).toBe(false);
    const history = await waitFor('the failure in the history', async () => {
      const h = (await getLocal('history')) as { site: string; failure: { status?: number } }[] | undefined;
      return h?.some((e) => e.site === server.origin && e.failure.status === 500) ? h : undefined;
    });
    for (const entry of history) expect(entry.site).toBe(new URL(entry.site).origin);
    // Incognito: an unpacked extension loaded with --load-extension is not allowed in incognito, and
    // turning it on (chrome://extensions → developerPrivate.updateExtensionConfiguration) reloads it,
    // which leaves a command-line extension disabled ("cannot be modified by user", Chromium 156
    // headless). The pure path is unit-tested: test/unit/background/history-store.test.ts (an incognito
    // incident never reaches storage.local). Here: a normal tab's incident says incognito: false.
  });
});

// ---- no HTML from response content ---------------------------------------------------------------------

describe('no HTML from response content', () => {
  it("markup in the status line's reason phrase is shown as text only", async () => {
    const url = server.rawUrl(`/reason-markup?t=${tag()}`);
    const { tabId } = await openTab(url);
    await expectBadge(tabId, '502');
    const record = await recordOf(tabId, (r) => !!r.incident, 'the incident');
    const failure = record.incident?.failure;
    log(
      `reason-phrase markup: Chrome's statusLine = ${JSON.stringify(failure?.type === 'http' ? failure.statusLine : null)}`,
    );
    expect(failure).toMatchObject({ type: 'http', status: 502, statusLine: expect.stringContaining(REASON_MARKUP) });

    const { value: popup, dialogs } = await dialogsDuring(async () => {
      const p = await openPopup(tabId);
      await p.locator('.report-preview textarea').waitFor({ state: 'attached' });
      return p;
    });
    const shown = await withDeadline('the popup snapshot', popup.evaluate(snapshotPopup));
    expect(shown.injected).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await reportPreview(popup)).toContain(REASON_MARKUP);
  });

  it("markup in the URL's query is shown as text only", async () => {
    // Chrome percent-encodes < > " and spaces in a query (WHATWG URL, as Node's URL does).
    const url = new URL(server.url(`/code/502?q=<svg/onload=alert(1)>'"&t=${tag()}`)).href;
    const { tabId } = await openTab(url);
    await expectBadge(tabId, '502');
    expect((await browser.record(tabId))?.incident?.url).toBe(url);

    const { value: popup, dialogs } = await dialogsDuring(async () => {
      const p = await openPopup(tabId);
      // The report keeps the query only when asked: ask, so the URL with its markup is in the text.
      await p.locator('.report-query input').check();
      return p;
    });
    const shown = await withDeadline('the popup snapshot', popup.evaluate(snapshotPopup));
    expect(shown.injected).toBe(0);
    expect(dialogs).toEqual([]);
    const preview = await reportPreview(popup);
    expect(preview).toContain(new URL(url).search.split('&')[0]);
    expect(await popup.locator('p.url').getAttribute('title')).toBe(url);
  });
});

// ---- bad input end to end ------------------------------------------------------------------------------

describe('bad input end to end', () => {
  it('a ~100 KB response header block is recorded with bounded headers', async () => {
    const url = server.rawUrl(`/huge-header?t=${tag()}`);
    const { tabId, navigationError } = await openTab(url);
    await expectBadge(tabId, '502');
    const record = await recordOf(tabId, (r) => !!r.incident, 'the incident');
    const headers = record.incident!.headers;
    const sent = HUGE_HEADER.requestIdBytes + HUGE_HEADER.akamaiHeaders * (HUGE_HEADER.akamaiValueBytes + 20);
    const stored = JSON.stringify(record).length;
    log(
      `huge header: ~${Math.round(sent / 1024)} KB sent, navigation error ${navigationError ?? 'none'}; stored record ${stored} bytes, ${Object.keys(headers).length} headers, x-request-id ${headers['x-request-id']?.length ?? 0} chars`,
    );
    expect(record.incident?.failure).toMatchObject({ type: 'http', status: 502 });
    expect(Object.keys(headers).length).toBeLessThanOrEqual(24);
    for (const value of Object.values(headers)) expect(value.length).toBeLessThanOrEqual(256);
    expect(stored).toBeLessThan(8 * 1024);
  });

  it('a status outside 100–599 (999, 600) causes no badge and no record', async () => {
    const outcomes: string[] = [];
    const tabs: number[] = [];
    for (const status of [999, 600]) {
      const url = server.rawUrl(`/status/${status}?t=${tag()}`);
      const { page, tabId, navigationError } = await openTab(url);
      const seen = await page
        .evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          return { responseStatus: nav?.responseStatus ?? null, text: document.body?.innerText.slice(0, 60) ?? '' };
        })
        .catch(() => null);
      outcomes.push(`${status}: navigation error ${navigationError ?? 'none'}, page sees ${JSON.stringify(seen)}`);
      tabs.push(tabId);
    }
    log(`out-of-range statuses: ${outcomes.join('; ')}`);
    expect(server.requests((r) => r.path.startsWith('/status/')).length).toBe(2);
    await barrier();
    for (const tabId of tabs) {
      expect(await browser.badgeText(tabId)).toBe('');
      expect(await browser.record(tabId)).toBeUndefined();
    }
  });

  it('a 5xx reached through a redirect (302 → 502) is recorded for the final URL', async () => {
    const final = server.url(`/code/502?redirected=${tag()}`);
    const start = server.url(`/redirect?to=${encodeURIComponent(final)}`);
    const { tabId } = await openTab(start, final);
    await expectBadge(tabId, '502');
    const record = await recordOf(tabId, (r) => !!r.incident, 'the incident');
    expect(record.incident).toMatchObject({ url: final, failure: { type: 'http', status: 502 } });
  });

  /** Opens a page whose speculation rules ask for `target` (prerender or prefetch); resolves once the server saw it. */
  async function speculate(kind: 'prerender' | 'prefetch', target: string, onCdp?: (cdp: CDPSession) => Promise<void>) {
    const page = await opened.track(browser.context.newPage());
    const cdp = await browser.context.newCDPSession(page);
    await onCdp?.(cdp);
    const host = server.url(`/prerender-host?kind=${kind}&target=${encodeURIComponent(target)}`);
    await page.goto(host);
    const tabId = await browser.tabIdOf(host);
    const fetched = await waitFor(
      `the ${kind} request`,
      () => {
        const seen = server.requests((r) => r.url.endsWith(target));
        return seen.length ? seen : undefined;
      },
      { timeoutMs: 8000 },
    );
    return { page, cdp, tabId, fetched };
  }

  it('prerender under Playwright: Chromium refuses to prerender (DevTools attached) and prefetches instead', async () => {
    const statuses: string[] = [];
    const { cdp, fetched } = await speculate('prerender', `/code/502?prerender=${tag()}`, async (session) => {
      session.on(
        'Preload.prerenderStatusUpdated',
        (e: { status: string; prerenderStatus?: string }) =>
          void statuses.push(`${e.status}${e.prerenderStatus ? `:${e.prerenderStatus}` : ''}`),
      );
      await session.send('Preload.enable');
    });
    await waitFor('the prerender attempt to end', () => statuses.some((s) => /^(Failure|Ready|Success)/.test(s)), {
      timeoutMs: 8000,
    });
    log(
      `prerender: CDP Preload statuses ${statuses.join(' → ')}; the server saw ${fetched.length} request(s) for the target with Sec-Purpose ${JSON.stringify(fetched.map((r) => r.secPurpose))}`,
    );
    // Playwright attaches DevTools to every page, and Chromium does not prerender under DevTools: what
    // remains is a fetch of the target marked as a prefetch for a prerender. A real prerender (with
    // documentLifecycle 'prerender') cannot be produced here; classify-navigation's unit tests cover it.
    expect(statuses).toContain('Failure:PrerenderingDisabledByDevTools');
    expect(fetched[0]?.secPurpose).toBe('prefetch;prerender');
    await cdp.detach();
  });

  // Regression: Chromium reports a speculation-rules prefetch as the tab's own main frame; the detector
  // tells it apart by its documentId (src/knowledge/classify-navigation.ts).
  it('a 5xx fetched by speculation rules (prefetch, and prerender falling back to prefetch) gives the tab no badge', async () => {
    const tabs = [];
    for (const kind of ['prefetch', 'prerender'] as const)
      tabs.push((await speculate(kind, `/code/502?${kind}=${tag()}`)).tabId);
    await barrier();
    const badges = await Promise.all(tabs.map((t) => browser.badgeText(t)));
    const failures = await Promise.all(tabs.map(async (t) => (await browser.record(t))?.incident?.failure));
    log(
      `speculation rules: badges on the host tabs (prefetch, prerender) = ${JSON.stringify(badges)}, recorded ${JSON.stringify(failures)}; expected no badge, no record`,
    );
    expect(badges).toEqual(['', '']);
    for (const tabId of tabs) expect(await browser.record(tabId)).toBeUndefined();
  });

  it('a page restored from the back/forward cache after it recovered raises no false alarm', async () => {
    const key = tag();
    const url = server.url(`/recovers?key=${key}&after=1`);
    const { page, tabId } = await openTab(url);
    await expectBadge(tabId, '502');
    await page.reload();
    await recordOf(tabId, (r) => !r.incident && !!r.lastError, 'the incident to end');
    await expectBadge(tabId, '');

    await page.goto(server.url(`/ok?away=${key}`));
    // A page restored from the cache fires no load event: wait for the commit, then for the tab.
    await page.goBack({ waitUntil: 'commit' });
    await waitFor('the tab to show the page again', async () => (await browser.tabIdOf(url)) === tabId);
    await browser.waitLoaded(tabId);
    const restored = await page.evaluate(() => (window as unknown as { __restored?: boolean }).__restored);
    const loads = server.requests((r) => r.url.includes(`key=${key}&`)).length;
    log(`bfcache: page restored from the back/forward cache = ${restored}; requests for the page ${loads}`);
    expect(restored).toBe(true);
    expect(loads).toBe(2);
    await barrier();
    expect(await browser.badgeText(tabId)).toBe('');
    const record = await browser.record(tabId);
    expect(record?.incident).toBeUndefined();
    expect(record?.lastError).toMatchObject({ url, recoveredStatus: 200 });
  });
});

// ---- many at once --------------------------------------------------------------------------------------

describe('many at once', () => {
  it('50 tabs failing with 50 different codes, opened at once: each badge and record right', async () => {
    const id = tag();
    const codes = Array.from({ length: 50 }, (_, i) => 500 + i);
    const urls = codes.map((code) => server.url(`/code/${code}?many=${id}`));
    const started = Date.now();
    const { ids, openedMs } = await inControl(
      'tabs.create ×50',
      browser.control.evaluate(async (all) => {
        const t0 = Date.now();
        const tabs = await Promise.all(all.map((url) => chrome.tabs.create({ url, active: false })));
        return { ids: tabs.map((t) => t.id ?? -1), openedMs: Date.now() - t0 };
      }, urls),
      15_000,
    );
    try {
      type Seen = {
        badge: string;
        status: string | undefined;
        url: string | undefined;
        code: number | undefined;
        loaded: boolean;
      };
      const readAll = () =>
        browser.control.evaluate(
          (tabIds) =>
            Promise.all(
              tabIds.map(async (tabId) => {
                const key = `tab:${tabId}`;
                const [badge, items, tab] = await Promise.all([
                  chrome.action.getBadgeText({ tabId }),
                  chrome.storage.session.get(key),
                  chrome.tabs.get(tabId),
                ]);
                const incident = (
                  items[key] as { incident?: { url: string; failure: { status?: number } } } | undefined
                )?.incident;
                return {
                  badge,
                  status: tab.status,
                  url: incident?.url,
                  code: incident?.failure.status,
                  loaded: tab.status === 'complete',
                };
              }),
            ),
          ids,
        );
      const right = (seen: Seen[]) =>
        seen.every((s, i) => s.loaded && s.badge === String(codes[i]) && s.code === codes[i] && s.url === urls[i]);
      let last: Seen[] = [];
      await waitFor("every tab's badge and record", async () => right((last = await readAll())), {
        timeoutMs: 30_000,
        intervalMs: 200,
      }).catch((error: Error) => {
        const wrong = last
          .map((s, i) => ({ ...s, want: codes[i] }))
          .filter((s) => s.badge !== String(s.want) || s.code !== s.want);
        throw new Error(`${error.message}; wrong: ${JSON.stringify(wrong.slice(0, 5))}`);
      });
      const allRightMs = Date.now() - started;
      // Still right once every load has finished (Chrome clears badges on commit).
      expect(right(await readAll())).toBe(true);
      expect(new Set(ids).size).toBe(50);
      log(`50 tabs: created in ${openedMs} ms, every badge and record right after ${allRightMs} ms`);
      expect(openedMs).toBeLessThan(5000);
    } finally {
      await browser.control.evaluate((tabIds) => chrome.tabs.remove(tabIds), ids).catch(() => undefined);
    }
  }, 60_000);

  it('rapid navigation in one tab (fail → succeed → fail, and fail → fail → succeed): the last one wins', async () => {
    for (const sequence of [
      ['/code/502', '/ok', '/code/503'],
      ['/code/503', '/code/502', '/ok'],
    ] as const) {
      const id = tag();
      const urls = sequence.map((p) => server.url(`${p}?rapid=${id}`));
      const page = await opened.track(browser.context.newPage());
      const t0 = Date.now();
      // Each response is seen (commit), but the next navigation starts at once.
      for (const url of urls) await page.goto(url, { waitUntil: 'commit' });
      const ms = Date.now() - t0;
      const tabId = await browser.tabIdOf(urls[2]!);
      await browser.waitLoaded(tabId);
      const lastCode = /\/code\/(\d+)/.exec(sequence[2])?.[1];
      if (lastCode) {
        await expectBadge(tabId, lastCode);
        const r = await recordOf(tabId, (x) => x.incident?.url === urls[2], 'the last incident');
        expect(r.incident?.failure).toMatchObject({ status: Number(lastCode) });
        expect(r.lastError?.url).toBe(urls[0]);
      } else {
        const r = await recordOf(
          tabId,
          (x) => !x.incident && x.lastError?.url === urls[1],
          'the second incident to end',
        );
        expect(r.lastError).toMatchObject({ recoveredStatus: 200, failure: { status: 502 } });
        await barrier();
        expect(await browser.badgeText(tabId)).toBe('');
      }
      log(`rapid navigation ${sequence.join(' → ')}: three navigations in ${ms} ms, last wins`);
    }
  });

  it('a tab closed mid-check: the step is cancelled, no error in the worker, no leftover record', async () => {
    const errors = await watchWorkerErrors();
    const consoleErrors: string[] = [];
    const onConsole = (m: { type(): string; text(): string }) =>
      void (['error', 'warning'].includes(m.type()) ? consoleErrors.push(m.text()) : undefined);
    browser.worker.on('console', onConsole);
    try {
      // Positive control: the listener catches an unhandled rejection in the worker.
      await browser.worker.evaluate(() => void Promise.reject(new Error('control rejection')));
      await waitFor('the control rejection to be seen', async () =>
        (await errors()).some((e) => e.includes('control rejection')),
      );

      const key = tag();
      const url = server.url(`/fails-then-hangs?key=${key}`);
      const { page, tabId } = await openTab(url);
      await expectBadge(tabId, '502');
      const abortedBefore = server.abortedHangs();
      await sendMessage({ type: 'run-check', tabId, checkId: 'clean-request' });
      await waitFor(
        'the clean request to reach the server',
        () => server.requests((r) => r.url.includes(`key=${key}`)).length === 2,
      );
      expect((await browser.record(tabId))?.incident?.checks['clean-request']?.state).toBe('running');

      await page.close();
      await waitFor('the clean request to be cancelled', () => server.abortedHangs() > abortedBefore);
      await waitFor('the record to be removed', async () => !(await browser.sessionKeys()).includes(`tab:${tabId}`));
      // The cancelled step's last write happens after the abort: give it a full round of events.
      await barrier();
      expect(await browser.sessionKeys()).not.toContain(`tab:${tabId}`);
      expect((await errors()).filter((e) => !e.includes('control rejection'))).toEqual([]);
      expect(consoleErrors.filter((e) => !e.includes('control rejection'))).toEqual([]);
    } finally {
      browser.worker.off('console', onConsole);
    }
  });
});

// ---- the worker stopped at each stage ------------------------------------------------------------------

describe('the worker stopped at each stage', () => {
  it('during a running step: the step ends interrupted by its deadline, the popup offers "run again", and that works', async () => {
    const endpoints = localEndpoints(probes);
    await setLocal({
      settings: { checkTimeoutMs: 4000, endpoints: { ...endpoints, connectivity: [probes.blackHoleUrl('/stopped')] } },
    });
    try {
      const { tabId } = await openTab(server.url(`/code/502?stop=${tag()}`));
      await expectBadge(tabId, '502');
      const popup = await openPopup(tabId);
      await stepButton(popup, 'network').click();
      await waitForStep(popup, 'network', 'running', 3000);
      await browser.stopServiceWorker();
      const stoppedAt = Date.now();

      const stored = (await browser.record(tabId))?.incident?.checks.network as CheckState | undefined;
      expect(stored?.state).toBe('running');
      const deadline = stored?.state === 'running' ? stored.deadline : 0;
      // Nothing wakes the worker: the popup stops showing the spinner once the deadline has passed.
      await waitForStep(popup, 'network', 'interrupted', 10_000);
      expect(Date.now()).toBeGreaterThan(deadline);
      expect(
        await popup
          .locator('li[data-step="network"] .step-result, li[data-step="network"] .step-about')
          .first()
          .innerText(),
      ).toBe(message('stepInterrupted'));

      // Any event wakes the worker; its start-up sweep writes 'interrupted' into storage too.
      await sendMessage({ type: 'get-live-status', tabId });
      await recordOf(
        tabId,
        (r) => r.incident?.checks.network?.state === 'interrupted',
        'the sweep to mark the step interrupted',
      );
      log(
        `worker stopped mid-step: popup showed interrupted ${Date.now() - stoppedAt} ms after the stop (deadline was ${deadline - stoppedAt} ms after it)`,
      );

      await setLocal({ settings: { endpoints } });
      expect(await stepButton(popup, 'network').innerText()).toBe(message('runAgain'));
      await stepButton(popup, 'network').click();
      await waitForStep(popup, 'network', 'done', 8000);
      const done = await recordOf(tabId, (r) => r.incident?.checks.network?.state === 'done', 'the step to finish');
      const network = done.incident?.checks.network;
      expect(network?.state === 'done' ? network.result : null).toMatchObject({
        outcome: 'pass',
        facts: { connectivity: 'ok' },
      });
    } finally {
      await setLocal({ settings: { endpoints: localEndpoints(probes) } });
    }
  });

  it('during a wait for recovery: the worker stopped between every try, the watch goes on and ends "back"', async () => {
    await setLocal({ watchTuning: { firstDelayMs: 1000, maxDelayMs: 1000, timeoutMs: 2000 } });
    try {
      const key = tag();
      const after = 4; // the tab's load and tries 1–3 get 502, try 4 gets 200
      const url = server.url(`/recovers?key=${key}&after=${after}`);
      const { tabId } = await openTab(url);
      await expectBadge(tabId, '502');
      const popup = await openPopup(tabId);
      const t0 = Date.now();
      expect(
        await withDeadline(
          'watch-start',
          popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'watch-start', tabId: id }), tabId),
        ),
      ).toBe(true);

      const stops: number[] = [];
      for (let tries = 1; ; tries++) {
        const r = await recordOf(
          tabId,
          (x) =>
            x.watch?.status !== 'watching' ||
            (x.watch.tries >= tries && x.watch.tryingSince === undefined && !!x.watch.lastTry),
          `watch try ${tries} to end`,
          10_000,
        );
        if (r.watch?.status !== 'watching') break;
        // Between tries: the in-memory timer dies with the worker; the alarm must wake it.
        await browser.stopServiceWorker();
        stops.push(Date.now());
      }
      const record = await recordOf(tabId, (x) => x.watch?.status === 'back', 'the watch to end back', 10_000);
      expect(record.watch).toMatchObject({ status: 'back', tries: after, lastTry: { status: 200 } });
      await expectBadge(tabId, 'OK');
      const seen = server.requests((r) => r.url.includes(`key=${key}&`));
      expect(seen.length).toBe(after + 1);
      // Each stop was followed by a try: the watch really went on in a restarted worker.
      for (const stop of stops) expect(seen.some((r) => r.at > stop)).toBe(true);
      expect(stops.length).toBe(after - 1);
      log(
        `watch: ${stops.length} worker stops between tries, back after ${Date.now() - t0} ms and ${record.watch?.tries} tries`,
      );
    } finally {
      await setLocal({ watchTuning: {} });
    }
  });
});
