// Chromium with the built extension for the guided-steps suite: ./chromium.ts's launch, plus extra
// command-line switches (the DNS scenario needs `--host-resolver-rules` so the browser connects to a
// *name* that maps to 127.0.0.1) and the calls this suite makes (settings, cookies, incognito windows).
import { isDeepStrictEqual } from 'node:util';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { TabRecord } from '../../../src/model/incident';
import type { Settings } from '../../../src/model/settings';
import { launchExtension, stopExtensionWorker, type LaunchedExtension } from './chromium';
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


export async function launchChecksChromium(extraArgs: string[] = []): Promise<ChecksBrowser> {
  const launched = await launchExtension({ extraArgs });
  try {
    return await attach(launched);
  } catch (error) {
    await launched.close();
    throw error;
  }
}


async function attach({ context, worker, extensionId, close }: LaunchedExtension): Promise<ChecksBrowser> {

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
    stopServiceWorker: () => stopExtensionWorker(context, probe, extensionId),
    close,
  };
}
