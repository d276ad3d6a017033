// Chromium with the built extension for the guided-steps suite. Same recipe as ./chromium.ts (see
// ../shared/TESTING.md), plus extra command-line switches (launchChromium() takes none): the DNS scenario
// needs `--host-resolver-rules` so the browser connects to a *name* that maps to 127.0.0.1.
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabRecord } from '../../../src/model/incident';
import type { Settings } from '../../../src/model/settings';
import { CHROME_DIST } from './chromium';
import { waitFor, withDeadline } from './wait-for';

/** The extension APIs evaluated inside the extension (types only; the code runs in the browser). */
interface ChromeApi {
  webRequest: { onCompleted: { hasListeners(): boolean } };
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    local: { set(items: Record<string, unknown>): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
  };
  tabs: { query(info: object): Promise<{ id?: number; url?: string }[]>; get(tabId: number): Promise<{ status?: string }> };
  cookies: { getAll(details: object): Promise<{ domain: string; name: string; value: string }[]> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  windows: { getAll(info: object): Promise<{ id?: number; incognito: boolean }[]> };
}
declare const chrome: ChromeApi;

export interface CookieSeen {
  domain: string;
  name: string;
  value: string;
}

export interface ChecksBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** A fresh page navigated to `url` (errors allowed); resolves once the tab finished loading. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  /** Navigates an open page and waits until its tab finished loading (whatever it shows). */
  navigate(page: Page, tabId: number, url: string): Promise<void>;
  record(tabId: number): Promise<TabRecord | undefined>;
  openPopup(tabId: number): Promise<Page>;
  /** Writes storage.local `settings` from an extension page (works while the worker is stopped, never wakes it). */
  writeSettings(settings: Partial<Settings>): Promise<void>;
  cookies(): Promise<CookieSeen[]>;
  allowedInIncognito(): Promise<boolean>;
  incognitoWindows(): Promise<number>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

const argsFor = (extension: string, extra: string[]): string[] => [
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  ...extra,
];

export async function launchChecksChromium(extraArgs: string[] = []): Promise<ChecksBrowser> {
  const root = await mkdtemp(join(tmpdir(), 'epe-checks-'));
  const extension = join(root, 'extension');
  let context: BrowserContext | undefined;
  try {
    await stat(join(CHROME_DIST, 'manifest.json')).catch(() => {
      throw new Error(`${CHROME_DIST} has no manifest.json: run \`npm run build\` first`);
    });
    // A copy: a `npm run build` elsewhere empties dist/chrome under a running suite.
    await cp(CHROME_DIST, extension, { recursive: true });
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: argsFor(extension, extraArgs),
      viewport: { width: 1000, height: 700 },
    });
    context.setDefaultTimeout(10_000);
    return await attach(context, root);
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function attach(context: BrowserContext, root: string): Promise<ChecksBrowser> {
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Race (TESTING.md): listeners may not be registered yet when the `serviceworker` event comes.
  await waitFor('webRequest listeners registered', () => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()));
  await worker.evaluate(() => chrome.storage.session.get(null).then(() => undefined));

  // Reads go through an extension page, so they neither need nor wake the worker.
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);
  const inProbe = <R>(what: string, call: Promise<R>): Promise<R> => withDeadline(what, call, 5000);

  const tabIdOf = (url: string): Promise<number> =>
    waitFor(`a tab showing ${url}`, () =>
      inProbe(
        'tabs.query',
        probe.evaluate((u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)), url),
      ).then((ids) => (ids.length ? Math.max(...ids) : undefined)),
    );
  const loaded = (tabId: number) =>
    waitFor('the tab to finish loading', () =>
      inProbe('tabs.get', probe.evaluate((id) => chrome.tabs.get(id).then((t) => t.status === 'complete'), tabId)),
    );

  return {
    context,
    extensionId,
    worker,
    async openTab(url) {
      const page = await context.newPage();
      await page.goto(url).catch(() => undefined);
      const tabId = await tabIdOf(url);
      await loaded(tabId);
      return { page, tabId };
    },
    async navigate(page, tabId, url) {
      await page.goto(url).catch(() => undefined);
      await waitFor(`tab ${tabId} to show ${url}`, async () => (await tabIdOf(url)) === tabId);
      await loaded(tabId);
    },
    record: (tabId) =>
      inProbe(
        'storage.session.get',
        probe.evaluate((key) => chrome.storage.session.get(key).then((items) => items[key]), `tab:${tabId}`),
      ) as Promise<TabRecord | undefined>,
    async openPopup(tabId) {
      const page = await context.newPage();
      // The toolbar popup is 390 px wide.
      await page.setViewportSize({ width: 390, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await page.locator('main:not([aria-busy])').waitFor();
      return page;
    },
    async writeSettings(settings) {
      await inProbe('settings written', probe.evaluate((s) => chrome.storage.local.set({ settings: s }), settings as Record<string, unknown>));
      const back = await inProbe('settings read', probe.evaluate(() => chrome.storage.local.get('settings').then((i) => i.settings)));
      // storage hands objects back with their keys sorted: compare by value.
      if (!isDeepStrictEqual(back, settings)) throw new Error('storage.local settings did not read back as written');
    },
    cookies: () => inProbe('cookies.getAll', probe.evaluate(() => chrome.cookies.getAll({}).then((all) => all.map(({ domain, name, value }) => ({ domain, name, value }))))),
    allowedInIncognito: () => inProbe('isAllowedIncognitoAccess', probe.evaluate(() => chrome.extension.isAllowedIncognitoAccess())),
    incognitoWindows: () => inProbe('windows.getAll', probe.evaluate(() => chrome.windows.getAll({}).then((w) => w.filter((x) => x.incognito).length))),
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(probe);
      try {
        const stopped = new Promise<void>((done) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
            if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) done();
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await withDeadline('the service worker to stop', stopped);
      } finally {
        await cdp.detach();
      }
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
