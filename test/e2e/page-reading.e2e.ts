// The failing page's own words, read from the tab (src/background/read-failing-page.ts), in real Chromium and
// real Firefox: the popup shows the vendor's code and reference as it opens, and the site saw one request;
// an empty 5xx body gives nothing and no error; a page the tab left before it was read stores nothing.
import { createServer, type ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TabRecord } from '../../src/model/incident';
import { launchChromium, openedPages, type ChromiumHarness } from '../harness/chromium';
import { launchFirefox, openedTabs, type FirefoxHarness } from '../harness/firefox';
import { listenLocally } from '../harness/local-server';
import { message } from '../harness/messages';
import { readPopup, savePopupScreenshot, type PopupPage } from '../harness/popup-checks';
import { waitFor } from '../harness/wait-for';

const RAY = 'a07498bef435f4a9';
const CLOUDFLARE = { server: 'cloudflare', 'cf-ray': `${RAY}-FRA` };
const html = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>\n`;
// Cloudflare's 1016 page, its text as a reporter copied it (test/fixtures/captures/cloudflare/530-1016-…).
const ERROR_1016 = `<div id="cf-error-details"><h1>Error 1016</h1><h2>Origin DNS error</h2>
<p>Ray ID: ${RAY} &bull; 2026-06-06 04:15:34 UTC</p><h2>What happened?</h2><p>You've requested a page on a website
that is on the Cloudflare network. Cloudflare is currently unable to resolve your requested domain.</p></div>`;
const NGINX_502 = '<center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center>';

interface PageSite {
  url(path: string, tag: string): string;
  /** Requests for `path` so far (any query). */
  requests(path: string): number;
  /** Answers the held script (and so lets the held page finish parsing). */
  release(): void;
  close(): Promise<void>;
}

async function startPageSite(): Promise<PageSite> {
  const seen: string[] = [];
  let held: ServerResponse[] = [];
  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body = '') => {
    res.writeHead(status, {
      ...headers,
      ...(body ? { 'content-type': 'text/html; charset=utf-8' } : {}),
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(body);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push(path);
    if (path === '/cf-1016') return send(res, 530, CLOUDFLARE, html('Error 1016 | Cloudflare', ERROR_1016));
    if (path === '/nginx-502') return send(res, 502, { server: 'nginx/1.24.0' }, html('502 Bad Gateway', NGINX_502));
    if (path === '/empty-502') return send(res, 502, { server: 'nginx/1.24.0' });
    // The vendor's text is on screen, but a parser-blocking script keeps its DOM from being ready.
    if (path === '/held-1016')
      return send(
        res,
        530,
        CLOUDFLARE,
        html('Error 1016 | Cloudflare', `${ERROR_1016}<script src="/held.js"></script>`),
      );
    if (path === '/held.js') return void held.push(res);
    send(res, 404, {}, 'not found');
  });
  const local = await listenLocally(server);
  const release = () => {
    for (const res of held) send(res, 200, { 'content-type': 'text/javascript' }, '');
    held = [];
  };
  return {
    url: (path, tag) => `${local.origin}${path}?t=${tag}`,
    requests: (path) => seen.filter((p) => p === path).length,
    release,
    close: async () => {
      release();
      await local.close();
    },
  };
}

/** What each browser's harness gives these tests. */
interface Driver {
  name: string;
  /** A new tab showing `url`, once it has loaded (or failed to). */
  open(url: string): Promise<number>;
  /** A new tab navigating to `url`, without waiting for its load. */
  start(url: string): Promise<number>;
  /** The same tab to another address, once it has loaded. */
  navigate(tabId: number, url: string): Promise<void>;
  record(tabId: number): Promise<TabRecord | undefined>;
  openPopup(tabId: number): Promise<PopupPage>;
  closeAll(): Promise<void>;
}

function definePageReadingTests(driver: () => Driver, site: () => PageSite): void {
  let counter = 0;
  const tag = () => `${driver().name[0]}${++counter}`;
  const reading = (tabId: number) =>
    waitFor('the page reading to be stored', async () => (await driver().record(tabId))?.incident?.page, {
      timeoutMs: 10_000,
    });

  afterEach(() => driver().closeAll());

  it("a 5xx page with the vendor's text: the popup shows its code and reference as it opens, and the site saw one request", async () => {
    const url = site().url('/cf-1016', tag());
    const before = site().requests('/cf-1016');
    const tabId = await driver().open(url);
    const page = await reading(tabId);
    expect(page.reason).toMatchObject({
      platform: 'cloudflare',
      code: '1016',
      reference: RAY,
      meaningKey: 'bodyReason_cloudflare_1016',
      hop: 'origin',
    });
    // Only the code and reference are kept, never the page's text.
    expect(JSON.stringify(page)).not.toContain('Origin DNS error');

    const popup = await driver().openPopup(tabId);
    const shown = await readPopup(popup);
    expect(shown.text).toContain(message('bodyReasonHeading', ['Cloudflare']));
    expect(shown.text).toContain('1016');
    expect(shown.text).toContain(RAY);
    expect(shown.text).toContain(message('bodyReason_cloudflare_1016', ['1016']));
    // Read from the tab: the popup asked the site nothing (no step runs on its own here).
    expect(site().requests('/cf-1016')).toBe(before + 1);
    await savePopupScreenshot(popup, `${driver().name}-page-reading-1016.png`);
  });

  it('an empty 5xx body: nothing is read and nothing stored, and the popup still explains the 502', async () => {
    const tabId = await driver().open(site().url('/empty-502', tag()));
    await waitFor('the incident', async () => (await driver().record(tabId))?.incident);
    // Barrier: a later failing page in another tab has been read and stored, so this one's turn is over.
    await reading(await driver().open(site().url('/nginx-502', tag())));
    expect((await driver().record(tabId))?.incident?.page).toBeUndefined();
    const shown = await readPopup(await driver().openPopup(tabId));
    expect(shown.title).toBe(message('http502_title'));
    expect(shown.text).not.toContain(message('bodyReasonHeading', ['nginx']));
  });

  it('the tab moved on before the page was read: its reading is never stored for the next page', async () => {
    const first = site().url('/held-1016', tag());
    const tabId = await driver().start(first);
    // The failure is recorded and its document is showing, but its DOM is not ready (the script is held).
    await waitFor(
      'the held page to be recorded and parsing',
      async () => site().requests('/held.js') > 0 && (await driver().record(tabId))?.incident?.url === first,
    );
    const next = site().url('/nginx-502', tag());
    await driver().navigate(tabId, next);
    site().release();

    const page = await reading(tabId);
    const record = await driver().record(tabId);
    expect(record?.incident?.url).toBe(next);
    // nginx's stock page prints no code of its own: it is recognised, and its reading carries no code.
    expect(page.reason).toMatchObject({ platform: 'nginx', code: null });
    expect(JSON.stringify(record)).not.toContain(RAY);
  });
}

describe('Chromium: the page in the tab', () => {
  let browser: ChromiumHarness;
  let site: PageSite;
  const opened = openedPages();
  const pages = new Map<number, Page>();

  beforeAll(async () => {
    site = await startPageSite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  definePageReadingTests(
    () => ({
      name: 'chromium',
      async open(url) {
        const { page, tabId } = await opened.track(browser.openTab(url));
        pages.set(tabId, page);
        return tabId;
      },
      async start(url) {
        const page = await opened.track(browser.context.newPage());
        void page.goto(url).catch(() => undefined);
        const tabId = await browser.tabIdOf(url);
        pages.set(tabId, page);
        return tabId;
      },
      async navigate(tabId, url) {
        await pages
          .get(tabId)!
          .goto(url)
          .catch(() => undefined);
        await waitFor(`tab ${tabId} to show ${url}`, async () => (await browser.tabIdOf(url)) === tabId);
      },
      record: (tabId) => browser.record(tabId),
      openPopup: (tabId) => opened.track(browser.openPopup(tabId)),
      closeAll: async () => {
        pages.clear();
        await opened.closeAll();
      },
    }),
    () => site,
  );
});

describe('Firefox: the page in the tab', () => {
  let firefox: FirefoxHarness;
  let site: PageSite;
  const tabs = openedTabs(() => firefox);

  beforeAll(async () => {
    site = await startPageSite();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await site?.close();
  });

  definePageReadingTests(
    () => ({
      name: 'firefox',
      open: async (url) => (await tabs.open(url)).tabId,
      async start(url) {
        const tabId = await firefox.startTab(url);
        tabs.add(tabId);
        return tabId;
      },
      navigate: async (tabId, url) => void (await firefox.navigateTab(tabId, url)),
      record: (tabId) => firefox.record(tabId),
      openPopup: (tabId) => firefox.openPopup(tabId),
      closeAll: () => tabs.closeAll(),
    }),
    () => site,
  );

  it('reported no script error for the extension during the whole file', async () => {
    expect(await firefox.extensionConsole()).toEqual([]);
  });
});
