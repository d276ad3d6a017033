// Launches Debian's Chromium with the built extension and reads its state through public APIs
// (recipe and known races: ../shared/TESTING.md).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabRecord } from '../../../src/model/incident';
import { waitFor, withDeadline } from './wait-for';

export const CHROME_DIST = fileURLToPath(new URL('../../../dist/chrome', import.meta.url));

/** The few extension APIs the test evaluates inside the extension (types only; runs in the browser). */
interface ChromeApi {
  webRequest: { onCompleted: { hasListeners(): boolean } };
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  tabs: {
    query(info: { url?: string }): Promise<{ id?: number; url?: string }[]>;
    get(tabId: number): Promise<{ status?: string }>;
  };
}
declare const chrome: ChromeApi;

export interface OpenedTab {
  page: Page;
  tabId: number;
  /** Playwright's navigation error (net::ERR_…), when the browser showed its own error page. */
  navigationError: string | null;
}

export interface ChromiumHarness {
  context: BrowserContext;
  extensionId: string;
  /** A fresh page navigated to `url`; resolves once it loaded (or failed to) and its tab id is known. */
  openTab(url: string): Promise<OpenedTab>;
  tabIdOf(url: string): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** Starts recording storage changes; the function returns them so far, in order, as `area:key`. */
  watchStorage(): Promise<() => Promise<string[]>>;
  openPopup(tabId: number): Promise<Page>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

const argsFor = (extension: string): string[] => [
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  headless?: boolean;
  extraArgs?: string[];
  /** Playwright defaults to leave out, e.g. '--disable-back-forward-cache'. */
  ignoreDefaultArgs?: string[];
}

/** A browser with the extension loaded and its worker's listeners registered: the part every suite shares. */
export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Closes the browser and deletes its temporary profile. */
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const root = await mkdtemp(join(tmpdir(), 'epe-chromium-'));
  // Load a copy: a `npm run build` elsewhere empties dist/chrome, which would pull files from under
  // a running suite.
  const extension = join(root, 'extension');
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await stat(join(CHROME_DIST, 'manifest.json')).catch(() => {
      throw new Error(`${CHROME_DIST} has no manifest.json: run \`npm run build\` first`);
    });
    await cp(CHROME_DIST, extension, { recursive: true });
    context = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: options.headless ?? true,
      args: [...argsFor(extension), ...(options.extraArgs ?? [])],
      ...(options.ignoreDefaultArgs ? { ignoreDefaultArgs: options.ignoreDefaultArgs } : {}),
      viewport: { width: 1000, height: 700 },
    });
    // Fail a stuck step with its own stack well before the test's 30 s timeout.
    context.setDefaultTimeout(10_000);
    const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Race (TESTING.md): the `serviceworker` event can come before the worker's top-level code has
    // registered its listeners; a navigation before that is never seen. Wait for them, then do one
    // API round trip so the worker is fully up.
    await waitFor('webRequest listeners registered', () => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()));
    await worker.evaluate(() => chrome.storage.session.get(null).then(() => undefined));
    return { context, worker, extensionId: new URL(worker.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Stops the extension's service worker through CDP (from any page) and waits until it has stopped. */
export async function stopExtensionWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
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
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumHarness> {
  const launched = await launchExtension(options);
  try {
    return await attach(launched);
  } catch (error) {
    await launched.close();
    throw error;
  }
}

async function attach({ context, extensionId, close }: LaunchedExtension): Promise<ChromiumHarness> {
  // State is read from an extension page, not the worker: reading never wakes (or needs) the worker,
  // which matters once a test has stopped it.
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/options.html`);

  /** A call into the probe page that does not answer in time fails with its name. */
  const inProbe = <R>(what: string, call: Promise<R>): Promise<R> => withDeadline(what, call, 5000);

  const tabIdOf = (url: string): Promise<number> =>
    waitFor(`a tab showing ${url}`, () =>
      inProbe(
        'tabs.query',
        probe.evaluate(
          (u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)),
          url,
        ),
      ).then((ids) => (ids.length ? Math.max(...ids) : undefined)),
    );

  return {
    context,
    extensionId,
    tabIdOf,
    async openTab(url) {
      const page = await context.newPage();
      let navigationError: string | null = null;
      await page.goto(url).catch((error: Error) => {
        navigationError = /net::[A-Z_]+/.exec(error.message)?.[0] ?? error.message;
      });
      const tabId = await tabIdOf(url);
      // A failed goto can reject before Chrome's error page commits (and the commit clears the badge):
      // wait until the tab has finished loading whatever it shows, so badge reads come after the commit.
      await waitFor('the tab to finish loading', () =>
        inProbe('tabs.get', probe.evaluate((id) => chrome.tabs.get(id).then((t) => t.status === 'complete'), tabId)),
      );
      return { page, tabId, navigationError };
    },
    badgeText: (tabId) =>
      inProbe('action.getBadgeText', probe.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)),
    record: (tabId) =>
      inProbe(
        'storage.session.get',
        probe.evaluate((key) => chrome.storage.session.get(key).then((items) => items[key]), `tab:${tabId}`),
      ) as Promise<TabRecord | undefined>,
    async watchStorage() {
      const name = `__changes${Date.now()}`;
      await inProbe(
        'storage.onChanged.addListener',
        probe.evaluate((n) => {
          const seen: string[] = [];
          (globalThis as unknown as Record<string, string[]>)[n] = seen;
          chrome.storage.onChanged.addListener((changes, area) => {
            seen.push(...Object.keys(changes).map((key) => `${area}:${key}`));
          });
        }, name),
      );
      return () =>
        inProbe(
          'storage changes',
          probe.evaluate((n) => [...((globalThis as unknown as Record<string, string[]>)[n] ?? [])], name),
        );
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      // The popup is 390 px wide in the toolbar; give it the same width here.
      await page.setViewportSize({ width: 390, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await page.locator('main:not([aria-busy])').waitFor();
      return page;
    },
    stopServiceWorker: () => stopExtensionWorker(context, probe, extensionId),
    close,
  };
}
