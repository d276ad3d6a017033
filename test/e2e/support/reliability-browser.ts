// Chromium for the reliability suite: the recipe of ./chromium.ts (../shared/TESTING.md), but with the
// back/forward cache left on (Playwright passes --disable-back-forward-cache by default, and a restore
// from that cache is one of the scenarios), and with the extension page the suite drives exposed
// (`control`: tabs.create for 50 tabs at once, storage writes, messages to the worker).
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { TabRecord } from '../../../src/model/incident';
import { launchExtension, stopExtensionWorker, type LaunchedExtension } from './chromium';
import { waitFor, withDeadline } from './wait-for';

/** The extension APIs evaluated in the control page or the worker (types only; the code runs in the browser). */
export interface ChromeApi {
  webRequest: { onCompleted: { hasListeners(): boolean } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: {
    session: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
    local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: {
    query(info: object): Promise<{ id?: number; url?: string; status?: string }[]>;
    get(tabId: number): Promise<{ status?: string; url?: string }>;
    create(props: { url: string; active?: boolean }): Promise<{ id?: number }>;
    remove(tabIds: number[]): Promise<void>;
  };
}

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


export async function launchReliabilityChromium(): Promise<ReliabilityBrowser> {
  const launched = await launchExtension({
    // 50 tabs at once on 2 cores otherwise start 50 renderer processes, and tabs.create takes ~15 s to
    // resolve for all of them (~1.5 s with a few shared renderers).
    extraArgs: ['--renderer-process-limit=4'],
    // Playwright turns the back/forward cache off by default; a restore from it is one of the scenarios.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    return await attach(launched);
  } catch (error) {
    await launched.close();
    throw error;
  }
}


declare const chrome: ChromeApi;

async function attach({ context, worker, extensionId, close }: LaunchedExtension): Promise<ReliabilityBrowser> {

  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/options.html`);
  const inControl = <R>(what: string, call: Promise<R>): Promise<R> => withDeadline(what, call, 5000);

  const tabIdOf = (url: string): Promise<number> =>
    waitFor(`a tab showing ${url}`, () =>
      inControl(
        'tabs.query',
        control.evaluate((u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)), url),
      ).then((ids) => (ids.length ? Math.max(...ids) : undefined)),
    );
  const waitLoaded = async (tabId: number): Promise<void> => {
    await waitFor(`tab ${tabId} to finish loading`, () =>
      inControl('tabs.get', control.evaluate((id) => chrome.tabs.get(id).then((t) => t.status === 'complete'), tabId)),
    );
  };

  return {
    context,
    extensionId,
    worker,
    control,
    tabIdOf,
    waitLoaded,
    async openTab(url, finalUrl) {
      const page = await context.newPage();
      let navigationError: string | null = null;
      await page.goto(url).catch((error: Error) => {
        navigationError = /net::[A-Z_]+/.exec(error.message)?.[0] ?? error.message;
      });
      const tabId = await tabIdOf(finalUrl ?? url);
      // A failed goto can reject before Chrome's error page commits (and a commit clears the badge).
      await waitLoaded(tabId);
      return { page, tabId, navigationError };
    },
    badgeText: (tabId) => inControl('action.getBadgeText', control.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)),
    record: (tabId) =>
      inControl('storage.session.get', control.evaluate((key) => chrome.storage.session.get(key).then((i) => i[key]), `tab:${tabId}`)) as Promise<
        TabRecord | undefined
      >,
    sessionKeys: () => inControl('storage.session keys', control.evaluate(() => chrome.storage.session.get(null).then((i) => Object.keys(i)))),
    async openPopup(tabId) {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 390, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('main:not([aria-busy])').waitFor();
      return popup;
    },
    stopServiceWorker: () => stopExtensionWorker(context, control, extensionId),
    close,
  };
}
