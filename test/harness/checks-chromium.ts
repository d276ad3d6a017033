// Chromium with the built extension for the guided-steps suite: ./chromium.ts's launch, plus extra
// command-line switches (the DNS scenario needs `--host-resolver-rules` so the browser connects to a
// *name* that maps to 127.0.0.1) and the calls this suite makes (settings, cookies, incognito windows).
import { isDeepStrictEqual } from 'node:util';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { TabRecord } from '../../src/model/incident';
import type { Settings } from '../../src/model/settings';
import { launchAttached, openExtensionPage, type LaunchedExtension, type OpenedTab } from './chromium';
import { waitFor } from './wait-for';
import type { ChromeApi } from './chrome-api';

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
  openTab(url: string): Promise<OpenedTab>;
  /** Navigates an open page and waits until its tab finished loading (whatever it shows). */
  navigate(page: Page, tabId: number, url: string): Promise<void>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** Waits until the tab's current load has finished (tabs.get: `complete`). */
  waitLoaded(tabId: number): Promise<void>;
  openPopup(tabId: number): Promise<Page>;
  /** Writes storage.local `settings` from an extension page (works while the worker is stopped, never wakes it). */
  writeSettings(settings: Partial<Settings>): Promise<void>;
  cookies(): Promise<CookieSeen[]>;
  allowedInIncognito(): Promise<boolean>;
  incognitoWindows(): Promise<number>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export const launchChecksChromium = (
  extraArgs: string[] = [],
  options: { deviceScaleFactor?: number } = {},
): Promise<ChecksBrowser> => launchAttached({ extraArgs, ...options }, attach);

async function attach(launched: LaunchedExtension): Promise<ChecksBrowser> {
  const { context, worker, extensionId, close } = launched;
  // Reads go through an extension page, so they neither need nor wake the worker.
  const extension = await openExtensionPage(launched);
  const { page: probe, call: inProbe, tabIdOf, waitLoaded } = extension;

  return {
    context,
    extensionId,
    worker,
    openTab: (url) => extension.openTab(url),
    async navigate(page, tabId, url) {
      await page.goto(url).catch(() => undefined);
      await waitFor(`tab ${tabId} to show ${url}`, async () => (await tabIdOf(url)) === tabId);
      await waitLoaded(tabId);
    },
    record: extension.record,
    waitLoaded,
    openPopup: extension.openPopup,
    async writeSettings(settings) {
      await inProbe(
        'settings written',
        probe.evaluate((s) => chrome.storage.local.set({ settings: s }), settings as Record<string, unknown>),
      );
      const back = await inProbe(
        'settings read',
        probe.evaluate(() => chrome.storage.local.get('settings').then((i) => i.settings)),
      );
      // storage hands objects back with their keys sorted: compare by value.
      if (!isDeepStrictEqual(back, settings)) throw new Error('storage.local settings did not read back as written');
    },
    cookies: () =>
      inProbe(
        'cookies.getAll',
        probe.evaluate(() =>
          chrome.cookies.getAll({}).then((all) => all.map(({ domain, name, value }) => ({ domain, name, value }))),
        ),
      ),
    allowedInIncognito: () =>
      inProbe(
        'isAllowedIncognitoAccess',
        probe.evaluate(() => chrome.extension.isAllowedIncognitoAccess()),
      ),
    incognitoWindows: () =>
      inProbe(
        'windows.getAll',
        probe.evaluate(() => chrome.windows.getAll({}).then((w) => w.filter((x) => x.incognito).length)),
      ),
    stopServiceWorker: extension.stopServiceWorker,
    close,
  };
}
