// Chromium for the reliability suite: the recipe of ./chromium.ts (docs/testing.md), but with the
// back/forward cache left on (Playwright passes --disable-back-forward-cache by default, and a restore
// from that cache is one of the scenarios), and with the extension page the suite drives exposed
// (`control`: tabs.create for 50 tabs at once, storage writes, messages to the worker).
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { TabRecord } from '../../src/model/incident';
import { launchAttached, openExtensionPage, type LaunchedExtension } from './chromium';
import type { ChromeApi } from './chrome-api';

export interface ReliabilityBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** An extension page (options.html) where the suite evaluates extension APIs; never wakes the worker by itself. */
  control: Page;
  /** A fresh page navigated to `url`; `finalUrl` when a redirect ends elsewhere. */
  openTab(url: string, finalUrl?: string): Promise<{ page: Page; tabId: number; navigationError: string | null }>;
  tabIdOf(url: string): Promise<number>;
  waitLoaded(tabId: number): Promise<void>;
  badgeText(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  sessionKeys(): Promise<string[]>;
  openPopup(tabId: number): Promise<Page>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export const launchReliabilityChromium = (): Promise<ReliabilityBrowser> =>
  launchAttached(
    {
      // 50 tabs at once on 2 cores otherwise start 50 renderer processes, and tabs.create takes ~15 s to
      // resolve for all of them (~1.5 s with a few shared renderers).
      extraArgs: ['--renderer-process-limit=4'],
      // Playwright turns the back/forward cache off by default; a restore from it is one of the scenarios.
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
    },
    attach,
  );

declare const chrome: ChromeApi;

async function attach(launched: LaunchedExtension): Promise<ReliabilityBrowser> {
  const { context, worker, extensionId, close } = launched;
  const extension = await openExtensionPage(launched);
  const { page: control, call: inControl } = extension;

  return {
    context,
    extensionId,
    worker,
    control,
    tabIdOf: extension.tabIdOf,
    waitLoaded: extension.waitLoaded,
    openTab: extension.openTab,
    badgeText: extension.badgeText,
    record: extension.record,
    sessionKeys: () =>
      inControl(
        'storage.session keys',
        control.evaluate(() => chrome.storage.session.get(null).then((i) => Object.keys(i))),
      ),
    openPopup: extension.openPopup,
    stopServiceWorker: extension.stopServiceWorker,
    close,
  };
}
