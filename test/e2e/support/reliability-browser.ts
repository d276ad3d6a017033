// Chromium for the reliability suite: the recipe of ./chromium.ts (../shared/TESTING.md), but with the
// back/forward cache left on (Playwright passes --disable-back-forward-cache by default, and a restore
// from that cache is one of the scenarios), and with the extension page the suite drives exposed
// (`control`: tabs.create for 50 tabs at once, storage writes, messages to the worker).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabRecord } from '../../../src/model/incident';
import { CHROME_DIST } from './chromium';
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

// --renderer-process-limit: 50 tabs at once on 2 cores otherwise start 50 renderer processes, and
// tabs.create takes ~15 s to resolve for all of them (~1.5 s with a few shared renderers).
const ARGS = ['--renderer-process-limit=4', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchReliabilityChromium(): Promise<ReliabilityBrowser> {
  const root = await mkdtemp(join(tmpdir(), 'epe-reliability-'));
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
      args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...ARGS],
      ignoreDefaultArgs: ['--disable-back-forward-cache'],
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

declare const chrome: ChromeApi;

async function attach(context: BrowserContext, root: string): Promise<ReliabilityBrowser> {
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Race (TESTING.md): listeners may not be registered yet when the `serviceworker` event comes.
  await waitFor('webRequest listeners registered', () => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()));
  await worker.evaluate(() => chrome.storage.session.get(null).then(() => undefined));

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
    async stopServiceWorker() {
      const cdp = await context.newCDPSession(control);
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
