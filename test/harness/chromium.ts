// Launches Debian's Chromium with the built extension and reads its state through public APIs
// (recipe and known races: docs/testing.md).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabRecord } from '../../src/model/incident';
import { waitFor, withDeadline } from './wait-for';
import { CHROME_DIST } from './dist';
import type { ChromeApi } from './chrome-api';

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
  /** The extension's service worker, fully up (extensionWorker); Playwright keeps this handle across a stop and restart. */
  worker: Worker;
  /** A fresh page navigated to `url`; resolves once it loaded (or failed to) and its tab id is known. */
  openTab(url: string): Promise<OpenedTab>;
  tabIdOf(url: string): Promise<number>;
  badgeText(tabId: number): Promise<string>;
  toolbarPopup(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** Writes storage.local items from the extension page (never wakes the worker), as FirefoxHarness.writeLocal does. */
  writeLocal(items: Record<string, unknown>): Promise<void>;
  /** One storage.local item, read from the extension page. */
  readLocal(key: string): Promise<unknown>;
  /** Starts recording storage changes; the function returns them so far, in order, as `area:key`. */
  watchStorage(): Promise<() => Promise<string[]>>;
  openPopup(tabId: number): Promise<Page>;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Chromium's switches for every test and bench run: no sandbox or GPU in a container, no QUIC, nothing of its own on the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ContextOptions {
  /** An unpacked extension to load; none: a browser without it (the bench's baseline). */
  extensionDir?: string;
  headless?: boolean;
  /** Switches after CHROMIUM_ARGS (e.g. `--host-resolver-rules`). */
  args?: string[];
  /** Playwright defaults to leave out, e.g. '--disable-back-forward-cache'. */
  ignoreDefaultArgs?: string[];
  /** Device pixels per CSS pixel (the store screenshots render at 2). */
  deviceScaleFactor?: number;
}

/** Debian's Chromium on a persistent profile: the one place for its binary, switches and window size. */
export function launchChromiumContext(profileDir: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const extension = options.extensionDir
    ? [`--disable-extensions-except=${options.extensionDir}`, `--load-extension=${options.extensionDir}`]
    : [];
  return chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: options.headless ?? true,
    args: [...extension, ...CHROMIUM_ARGS, ...(options.args ?? [])],
    ...(options.ignoreDefaultArgs ? { ignoreDefaultArgs: options.ignoreDefaultArgs } : {}),
    viewport: { width: 1000, height: 700 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
  });
}

/**
 * The extension's service worker, once it is fully up. Race (docs/testing.md): the `serviceworker` event
 * can come before the worker's top-level code has registered its listeners; a navigation before that is
 * never seen. Wait for them, then do one API round trip.
 */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await waitFor('webRequest listeners registered', () =>
    worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()),
  );
  await worker.evaluate(() => chrome.storage.session.get(null).then(() => undefined));
  return worker;
}

/** The extension's id, from its worker's address. */
export const extensionIdOf = (worker: Worker): string => new URL(worker.url()).host;

/** An extension page's address, `chrome-extension://<id>/<path>` (Firefox's is fixed: EXTENSION_ORIGIN in firefox.ts). */
export const extensionPageUrl = (extensionId: string, path: string): string =>
  `chrome-extension://${extensionId}/${path}`;

export interface LaunchOptions {
  headless?: boolean;
  extraArgs?: string[];
  /** Playwright defaults to leave out, e.g. '--disable-back-forward-cache'. */
  ignoreDefaultArgs?: string[];
  /**
   * A folder of the caller's for the profile and the extension copy, kept on close: launching again on
   * it is a browser restart (same profile, same extension id, which Chromium derives from the path).
   */
  profileRoot?: string;
  /** Device pixels per CSS pixel (the store screenshots render at 2). */
  deviceScaleFactor?: number;
}

/** A browser with the extension loaded and its worker's listeners registered: the part every suite shares. */
export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Closes the browser and deletes its temporary profile (not a `profileRoot` of the caller's). */
  close(): Promise<void>;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const root = options.profileRoot ?? (await mkdtemp(join(tmpdir(), 'epe-chromium-')));
  // Load a copy: a `npm run build` elsewhere empties dist/chrome, which would pull files from under
  // a running suite.
  const extension = join(root, 'extension');
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    if (!options.profileRoot) await rm(root, { recursive: true, force: true });
  };
  try {
    await stat(join(CHROME_DIST, 'manifest.json')).catch(() => {
      throw new Error(`${CHROME_DIST} has no manifest.json: run \`npm run build\` first`);
    });
    await cp(CHROME_DIST, extension, { recursive: true });
    context = await launchChromiumContext(join(root, 'profile'), {
      extensionDir: extension,
      ...(options.headless !== undefined ? { headless: options.headless } : {}),
      ...(options.extraArgs ? { args: options.extraArgs } : {}),
      ...(options.ignoreDefaultArgs ? { ignoreDefaultArgs: options.ignoreDefaultArgs } : {}),
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    });
    // Fail a stuck step with its own stack well before the test's 30 s timeout.
    context.setDefaultTimeout(10_000);
    const worker = await extensionWorker(context);
    return { context, worker, extensionId: extensionIdOf(worker), close };
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

/** Launches the extension and builds a suite's harness on it; a harness that fails to build closes the browser. */
export async function launchAttached<T>(
  options: LaunchOptions,
  attach: (launched: LaunchedExtension) => Promise<T>,
): Promise<T> {
  const launched = await launchExtension(options);
  try {
    return await attach(launched);
  } catch (error) {
    await launched.close();
    throw error;
  }
}

export const launchChromium = (options: LaunchOptions = {}): Promise<ChromiumHarness> =>
  launchAttached(options, attach);

/**
 * What every Chromium suite does through an extension page (options.html) rather than the worker: reading
 * never wakes (or needs) the worker, which matters once a test has stopped it.
 */
export interface ExtensionPage {
  page: Page;
  /** A call into the extension page that does not answer in time fails with its name. */
  call<R>(what: string, call: Promise<R>): Promise<R>;
  tabIdOf(url: string): Promise<number>;
  /** Waits until the tab has finished loading whatever it shows (its page, or Chrome's error page). */
  waitLoaded(tabId: number): Promise<void>;
  /** A fresh page navigated to `url` (`finalUrl`: where a redirect ends); resolves once its tab finished loading. */
  openTab(url: string, finalUrl?: string): Promise<OpenedTab>;
  badgeText(tabId: number): Promise<string>;
  toolbarPopup(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  writeLocal(items: Record<string, unknown>): Promise<void>;
  readLocal(key: string): Promise<unknown>;
  /** A fresh page showing `popup.html?tab=<tabId>`, rendered (`main` no longer busy). */
  openPopup(tabId: number): Promise<Page>;
  stopServiceWorker(): Promise<void>;
}

export async function openExtensionPage({ context, extensionId }: LaunchedExtension): Promise<ExtensionPage> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const call = <R>(what: string, promise: Promise<R>): Promise<R> => withDeadline(what, promise, 5000);

  const tabIdOf = (url: string): Promise<number> =>
    waitFor(`a tab showing ${url}`, () =>
      call(
        'tabs.query',
        page.evaluate(
          (u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)),
          url,
        ),
      ).then((ids) => (ids.length ? Math.max(...ids) : undefined)),
    );
  const waitLoaded = async (tabId: number): Promise<void> => {
    await waitFor(`tab ${tabId} to finish loading`, () =>
      call(
        'tabs.get',
        page.evaluate((id) => chrome.tabs.get(id).then((t) => t.status === 'complete'), tabId),
      ),
    );
  };

  return {
    page,
    call,
    tabIdOf,
    waitLoaded,
    async openTab(url, finalUrl) {
      const tab = await context.newPage();
      let navigationError: string | null = null;
      await tab.goto(url).catch((error: Error) => {
        navigationError = /net::[A-Z_]+/.exec(error.message)?.[0] ?? error.message;
      });
      const tabId = await tabIdOf(finalUrl ?? url);
      // A failed goto can reject before Chrome's error page commits (and the commit clears the badge):
      // wait until the tab has finished loading whatever it shows, so badge reads come after the commit.
      await waitLoaded(tabId);
      return { page: tab, tabId, navigationError };
    },
    badgeText: (tabId) =>
      call(
        'action.getBadgeText',
        page.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
      ),
    toolbarPopup: (tabId) =>
      call(
        'action.getPopup',
        page.evaluate((id) => chrome.action.getPopup({ tabId: id }), tabId),
      ),
    record: (tabId) =>
      call(
        'storage.session.get',
        page.evaluate((key) => chrome.storage.session.get(key).then((items) => items[key]), `tab:${tabId}`),
      ) as Promise<TabRecord | undefined>,
    writeLocal: (items) =>
      call(
        'storage.local.set',
        page.evaluate((i) => chrome.storage.local.set(i), items),
      ),
    readLocal: (key) =>
      call(
        'storage.local.get',
        page.evaluate((k) => chrome.storage.local.get(k).then((items) => items[k]), key),
      ),
    async openPopup(tabId) {
      const popup = await context.newPage();
      // The popup is 390 px wide in the toolbar; give it the same width here.
      await popup.setViewportSize({ width: 390, height: 600 });
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      await popup.locator('main:not([aria-busy])').waitFor();
      return popup;
    },
    stopServiceWorker: () => stopExtensionWorker(context, page, extensionId),
  };
}

async function attach(launched: LaunchedExtension): Promise<ChromiumHarness> {
  const { context, extensionId, worker, close } = launched;
  const extension = await openExtensionPage(launched);
  const { page: probe, call: inProbe } = extension;

  return {
    context,
    extensionId,
    worker,
    tabIdOf: extension.tabIdOf,
    openTab: (url) => extension.openTab(url),
    badgeText: extension.badgeText,
    toolbarPopup: extension.toolbarPopup,
    record: extension.record,
    writeLocal: extension.writeLocal,
    readLocal: extension.readLocal,
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
    openPopup: extension.openPopup,
    stopServiceWorker: extension.stopServiceWorker,
    close,
  };
}

/** The pages a suite's tests open (tabs, popups), closed after each test. */
export interface OpenedPages {
  /** Resolves with what `opening` gives; its page is closed by the next `closeAll()`. */
  track<T extends Page | { page: Page }>(opening: Promise<T>): Promise<T>;
  /**
   * Closes every tracked page (closing a tab also makes the extension drop its record). A page that is
   * already gone is fine; a close that hangs fails with its URL rather than as a bare hook timeout.
   */
  closeAll(): Promise<void>;
}

export function openedPages(): OpenedPages {
  let opened: Page[] = [];
  return {
    async track(opening) {
      const value = await opening;
      opened.push('close' in value ? value : value.page);
      return value;
    },
    async closeAll() {
      const pages = opened;
      opened = [];
      await Promise.all(
        pages.map((p) =>
          withDeadline(`closing ${p.url()}`, p.close(), 15_000).catch((e: unknown) => {
            if (e instanceof Error && e.message.startsWith('Timed out')) throw e;
          }),
        ),
      );
    },
  };
}
