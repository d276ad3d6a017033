// Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) with the built extension as a
// temporary add-on, and reads its state through public extension APIs from an extension page
// (recipe and known traps: ../shared/TESTING.md).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TabRecord } from '../../../src/model/incident';
import type { LiveStatus } from '../../../src/model/messages';
import { GECKO_ID } from '../../../scripts/manifest-for';
import { waitFor, withDeadline } from './wait-for';

export const FIREFOX_DIST = fileURLToPath(new URL('../../../dist/firefox', import.meta.url));
/** Pinned through `extensions.webextensions.uuids`, so extension pages have a known origin. */
export const FIXED_UUID = '3b6f5a2e-1c4d-4e8f-9a0b-7c2d1e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${FIXED_UUID}`;
export const IDLE_TIMEOUT_PREF = 'extensions.background.idle.timeout';

/** The few extension APIs the test evaluates in an extension page (types only; runs in the browser). */
interface FirefoxApi {
  tabs: {
    create(props: { url: string; active?: boolean }): Promise<{ id?: number }>;
    get(tabId: number): Promise<{ id?: number; url?: string; status?: string }>;
    reload(tabId: number, props?: { bypassCache?: boolean }): Promise<void>;
    remove(tabIds: number | number[]): Promise<void>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  permissions: {
    contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare const browser: FirefoxApi;

/** What `tabs.get` says once a tab has finished loading (or failing to load) a URL. */
export interface LoadedTab {
  tabId: number;
  /** The URL the tabs API reports (Firefox keeps the requested URL on its own error pages). */
  url: string | undefined;
}

/** Firefox's own state of the extension's event page (`ExtensionParent`'s `backgroundState`). */
export type BackgroundState = 'starting' | 'running' | 'suspending' | 'stopped' | string;

export interface FirefoxHarness {
  browser: Browser;
  /** A new tab opened by the extension's own `tabs.create` (real tab id in webRequest); resolves once loaded. */
  openTab(url: string): Promise<LoadedTab>;
  reloadTab(tabId: number): Promise<LoadedTab>;
  closeTabs(tabIds: number[]): Promise<void>;
  badgeText(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** The background's in-memory status of the tab (a message: wakes a suspended event page). */
  liveStatus(tabId: number): Promise<LiveStatus>;
  /** Starts recording storage changes; the function returns them so far, in order, as `area:key`. */
  watchStorage(): Promise<() => Promise<string[]>>;
  hostPermission(): Promise<{ allUrls: boolean; origins: string[] }>;
  /** The popup page (one, reused), now showing `popup.html?tab=<tabId>`, rendered (`main` no longer busy). */
  openPopup(tabId: number): Promise<Page>;
  /** The page `openPopup` navigates: listen to it (e.g. dialogs) before opening. */
  popupPage: Page;
  /** Read from the parent process: observing never wakes the event page. */
  backgroundState(): Promise<BackgroundState>;
  /**
   * Suspends the event page now, through the very call Firefox's idle timer makes when it expires
   * (`extension.terminateBackground()`: runtime.onSuspend, listeners primed, page unloaded).
   */
  suspendEventPage(): Promise<void>;
  setIntPref(name: string, value: number | null): Promise<void>;
  /** Errors and warnings Firefox logged for the extension (background, popup, API glue), in order. */
  extensionConsole(): Promise<string[]>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const root = await mkdtemp(join(tmpdir(), 'epe-firefox-'));
  // Install a copy: a `npm run build` elsewhere empties dist/firefox, which would pull files from
  // under a running suite.
  const extension = join(root, 'extension');
  let ff: Browser;
  try {
    await stat(join(FIREFOX_DIST, 'manifest.json')).catch(() => {
      throw new Error(`${FIREFOX_DIST} has no manifest.json: run \`npm run build\` first`);
    });
    await cp(FIREFOX_DIST, extension, { recursive: true });
    ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      // Lets BiDi evaluate in the parent process: prefs at run time, the event page's state, its errors.
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1000, height: 700 },
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }) },
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  try {
    return await attach(ff, extension, root);
  } catch (error) {
    await ff.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function attach(ff: Browser, extension: string, root: string): Promise<FirefoxHarness> {
  const connection = (ff as unknown as { connection: BidiConnection }).connection;

  // The parent-process (chrome) window: `Services`, `WebExtensionPolicy` and a place for our listeners.
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
    contexts: { context: string; url: string }[];
  };
  const chromeContext = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'))?.context;
  if (!chromeContext) throw new Error('no chrome://browser window over BiDi (is --remote-allow-system-access set?)');

  /** Evaluates `expression` (which must give a JSON string) in the parent process. */
  const inParent = async <T>(what: string, expression: string): Promise<T> => {
    const { result } = await withDeadline(
      what,
      connection.send('script.evaluate', { expression, target: { context: chromeContext }, awaitPromise: true }),
    );
    const evaluated = result as EvaluateResult;
    if (evaluated.type !== 'success') throw new Error(`${what}: ${evaluated.exceptionDetails?.text ?? 'exception'}`);
    const value = evaluated.result?.value;
    return (typeof value === 'string' ? JSON.parse(value) : undefined) as T;
  };

  // Capture what Firefox reports about the extension from before it even starts: script errors
  // (nsIScriptError: an exception or unhandled rejection in the event page or an extension page, an API
  // misuse the WebExtension glue reports), forwarded to the parent process's console service.
  // Not console.* calls: those stay in the extension process's own console storage.
  await inParent(
    'console capture',
    `(() => {
      if (!globalThis.__epeConsole) {
        const seen = (globalThis.__epeConsole = []);
        const ours = (s) => typeof s === 'string' && (s.includes(${JSON.stringify(FIXED_UUID)}) || s.includes(${JSON.stringify(GECKO_ID)}));
        Services.console.registerListener({
          observe(message) {
            if (!(message instanceof Ci.nsIScriptError)) return;
            const text = message.errorMessage + ' (' + message.sourceName + ':' + message.lineNumber + ')';
            // Firefox's own noise when an extension page unloads with listeners still registered.
            if (/sendRemoveListener on closed conduit/.test(text)) return;
            if (ours(text)) seen.push(((message.flags & Ci.nsIScriptError.warningFlag) ? 'warning: ' : 'error: ') + text);
          },
        });
      }
      return JSON.stringify(true);
    })()`,
  );

  const id = await withDeadline('installExtension', ff.installExtension(extension), 20_000);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);

  // State is read from an extension page, never the event page itself: reading must not wake it.
  const probe = await ff.newPage();
  await navigateExtensionPage(probe, `${EXTENSION_ORIGIN}/options.html`);
  const popup = await ff.newPage();
  // The popup is 390 px wide in the toolbar; give it the same width here.
  await popup.setViewport({ width: 390, height: 600 });

  /** A call into the probe page that does not answer in time fails with its name. */
  const inProbe = <R>(what: string, call: Promise<R>): Promise<R> => withDeadline(what, call, 5000);

  // Listeners are added in the background's first turn, runtime.onMessage last of them: an answer to a
  // message means the webRequest listeners are there too. Then the first navigation cannot be missed.
  await waitFor(
    'the event page to answer',
    () =>
      inProbe(
        'runtime.sendMessage',
        probe.evaluate(() => browser.runtime.sendMessage({ type: 'get-live-status', tabId: -1 }).then((r) => r !== undefined)),
      ),
    { timeoutMs: 15_000 },
  );

  /** Waits until the tab's load (or its error page) is complete and the tabs API shows `url`. */
  const loaded = (tabId: number, url: string): Promise<LoadedTab> =>
    waitFor(
      `tab ${tabId} to finish loading ${url}`,
      async () => {
        const tab = await inProbe('tabs.get', probe.evaluate((t) => browser.tabs.get(t), tabId));
        return tab.status === 'complete' && tab.url === url ? { tabId, url: tab.url } : undefined;
      },
      { timeoutMs: 10_000 },
    );

  const backgroundState = () =>
    inParent<BackgroundState>(
      'backgroundState',
      `JSON.stringify(String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension?.backgroundState))`,
    );

  return {
    browser: ff,
    popupPage: popup,
    async openTab(url) {
      const tab = await inProbe(
        'tabs.create',
        probe.evaluate((u) => browser.tabs.create({ url: u, active: true }), url),
      );
      if (tab.id === undefined) throw new Error(`tabs.create(${url}) gave no id`);
      return loaded(tab.id, url);
    },
    async reloadTab(tabId) {
      const before = await inProbe('tabs.get', probe.evaluate((t) => browser.tabs.get(t), tabId));
      await inProbe('tabs.reload', probe.evaluate((t) => browser.tabs.reload(t, { bypassCache: true }), tabId));
      return loaded(tabId, before.url ?? '');
    },
    async closeTabs(tabIds) {
      if (!tabIds.length) return;
      await inProbe('tabs.remove', probe.evaluate((ids) => browser.tabs.remove(ids), tabIds));
    },
    badgeText: (tabId) =>
      inProbe('action.getBadgeText', probe.evaluate((t) => browser.action.getBadgeText({ tabId: t }), tabId)),
    record: (tabId) =>
      inProbe(
        'storage.session.get',
        probe.evaluate((key) => browser.storage.session.get(key).then((items) => items[key]), `tab:${tabId}`),
      ) as Promise<TabRecord | undefined>,
    liveStatus: (tabId) =>
      inProbe(
        'get-live-status',
        probe.evaluate((t) => browser.runtime.sendMessage({ type: 'get-live-status', tabId: t }), tabId),
      ) as Promise<LiveStatus>,
    async watchStorage() {
      const name = `__changes${Date.now()}`;
      await inProbe(
        'storage.onChanged.addListener',
        probe.evaluate((n) => {
          const seen: string[] = [];
          (globalThis as unknown as Record<string, string[]>)[n] = seen;
          browser.storage.onChanged.addListener((changes, area) => {
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
    hostPermission: () =>
      inProbe(
        'permissions',
        probe.evaluate(async () => ({
          allUrls: await browser.permissions.contains({ origins: ['<all_urls>'] }),
          origins: (await browser.permissions.getAll()).origins ?? [],
        })),
      ),
    async openPopup(tabId) {
      // One page for every popup: a new page costs ~1 s over BiDi. It is brought to the front, as the
      // real popup would be, so nothing in it is throttled like a background tab.
      await popup.bringToFront();
      await navigateExtensionPage(popup, `${EXTENSION_ORIGIN}/popup.html?tab=${tabId}`);
      await popup.waitForSelector('main:not([aria-busy])', { timeout: 5000 });
      return popup;
    },
    backgroundState,
    async suspendEventPage() {
      await inParent(
        'terminateBackground',
        `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.terminateBackground().then(() => JSON.stringify(true))`,
      );
    },
    setIntPref: (name, value) =>
      inParent(
        `pref ${name}`,
        value === null
          ? `(Services.prefs.clearUserPref(${JSON.stringify(name)}), JSON.stringify(true))`
          : `(Services.prefs.setIntPref(${JSON.stringify(name)}, ${value}), JSON.stringify(true))`,
      ),
    extensionConsole: () => inParent('console entries', 'JSON.stringify(globalThis.__epeConsole ?? [])'),
    async close() {
      await ff.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * `page.goto()` never sees a load event for a moz-extension:// page over BiDi (TESTING.md): navigate the
 * browsing context directly and wait for the document instead.
 */
export async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: string): Promise<unknown> } };
  await withDeadline(`navigating to ${url}`, frame.browsingContext.navigate(url, 'interactive'));
  // Interval polling: `requestAnimationFrame` (the default) stalls in a background tab.
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 5000, polling: 20 });
}
