// Launches Debian's Firefox ESR over WebDriver BiDi (puppeteer-core) with the built extension as a
// temporary add-on, and reads its state through public extension APIs from an extension page
// (recipe and known traps: docs/testing.md).
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { TabRecord } from '../../src/model/incident';
import type { LiveStatus } from '../../src/model/messages';
import { GECKO_ID } from '../../scripts/manifest-for';
import type { CookieSeen } from './checks-chromium';
import { waitFor, withDeadline } from './wait-for';
import { FIREFOX_DIST } from './dist';

/** Pinned through `extensions.webextensions.uuids`, so extension pages have a known origin. */
export const FIXED_UUID = '3b6f5a2e-1c4d-4e8f-9a0b-7c2d1e3f4a5b';
export const EXTENSION_ORIGIN = `moz-extension://${FIXED_UUID}`;
export const IDLE_TIMEOUT_PREF = 'extensions.background.idle.timeout';
/** When false, `permissions.request` grants at once instead of showing Firefox's prompt. */
export const PERMISSION_PROMPTS_PREF = 'extensions.webextOptionalPermissionPrompts';

/** The few extension APIs the test evaluates in an extension page (types only; runs in the browser). */
interface FirefoxApi {
  tabs: {
    create(props: { url: string; active?: boolean }): Promise<{ id?: number }>;
    get(tabId: number): Promise<{ id?: number; url?: string; title?: string; status?: string }>;
    reload(tabId: number, props?: { bypassCache?: boolean }): Promise<void>;
    update(tabId: number, props: { url: string }): Promise<unknown>;
    remove(tabIds: number | number[]): Promise<void>;
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getPopup(details: { tabId: number }): Promise<string>;
  };
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: string[]): Promise<Record<string, unknown>>;
    };
    onChanged: { addListener(cb: (changes: Record<string, unknown>, area: string) => void): void };
  };
  permissions: {
    contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[]; permissions?: string[] }>;
    remove(p: { origins?: string[] }): Promise<boolean>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  cookies: { getAll(details: object): Promise<CookieSeen[]> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  notifications: Record<'onShown' | 'onClosed', { addListener(cb: (id: string) => void): void }>;
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
  /** The installed copy's folder: Firefox reads the extension's files from it on request. */
  extensionDir: string;
  /** A new tab opened by the extension's own `tabs.create` (real tab id in webRequest); resolves once loaded. */
  openTab(url: string): Promise<LoadedTab>;
  reloadTab(tabId: number): Promise<LoadedTab>;
  /** Waits until the tab's current load has finished (tabs.get: `complete`), whatever it shows. */
  waitLoaded(tabId: number): Promise<void>;
  /** A new tab opened by `tabs.create`, without waiting for its load (a page that is still loading). */
  startTab(url: string): Promise<number>;
  /** The extension's own `tabs.update` (a real tab id in webRequest); resolves once `url` has loaded. */
  navigateTab(tabId: number, url: string): Promise<LoadedTab>;
  closeTabs(tabIds: number[]): Promise<void>;
  /**
   * A new tab whose URL the extension may not read (no host access: tabs.get hides it). Loaded once
   * `requested()` says the server saw the request (the tab was loading by then) and the tab is complete.
   */
  openTabWithoutAccess(url: string, requested: () => boolean): Promise<number>;
  /** The tab's title (the page's own, or Firefox's error page's). */
  tabTitle(tabId: number): Promise<string | undefined>;
  badgeText(tabId: number): Promise<string>;
  toolbarPopup(tabId: number): Promise<string>;
  record(tabId: number): Promise<TabRecord | undefined>;
  /** Writes storage.local items from the probe page (never wakes the event page) and checks they read back. */
  writeLocal(items: Record<string, unknown>): Promise<void>;
  cookies(): Promise<CookieSeen[]>;
  allowedInPrivateWindows(): Promise<boolean>;
  /** The background's in-memory status of the tab (a message: wakes a suspended event page). */
  liveStatus(tabId: number): Promise<LiveStatus>;
  /** Starts recording storage changes; the function returns them so far, in order, as `area:key`. */
  watchStorage(): Promise<() => Promise<string[]>>;
  /** Starts recording the extension's notifications events; the function returns them so far as `onShown:id`/`onClosed:id`. */
  watchNotifications(): Promise<() => Promise<string[]>>;
  hostPermission(): Promise<{ allUrls: boolean; origins: string[] }>;
  /** What a person does in about:addons ("Access your data for all websites" off): permissions.remove. */
  revokeHostAccess(): Promise<boolean>;
  /** Grants `<all_urls>` again from the parent process (no user gesture needed, unlike permissions.request). */
  restoreHostAccess(): Promise<void>;
  /** Makes Firefox's own resolver answer `host` with `ip` (null: no override), its DNS cache emptied. */
  overrideDns(host: string, ip: string | null): Promise<void>;
  /** The popup page (one, reused), now showing `popup.html?tab=<tabId>`, rendered (`main` no longer busy). */
  openPopup(tabId: number): Promise<Page>;
  /** The page `openPopup` navigates: listen to it (e.g. dialogs) before opening. */
  popupPage: Page;
  /** Read from the parent process: observing never wakes the event page. */
  backgroundState(): Promise<BackgroundState>;
  /**
   * Suspends the event page now, through the very call Firefox's idle timer makes when it expires
   * (`extension.terminateBackground()`: runtime.onSuspend, listeners primed, page unloaded). Without its
   * test flag `disableResetIdleForTest`, that call returns *without suspending* while a listener's run is
   * still pending (it re-arms the idle timer instead; ext-backgroundPage.js): on a loaded machine the page
   * was then still running 5 s later. Whether the page suspends by itself when idle is tested separately.
   */
  suspendEventPage(): Promise<void>;
  /** Sets an integer or boolean pref at run time; null resets it to its default. */
  setPref(name: string, value: number | boolean | null): Promise<void>;
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

export interface FirefoxLaunchOptions {
  /** The built extension to install (default dist/firefox; the bench installs its own instrumented copy). */
  dist?: string;
  /** Extra prefs (the bench turns off timer rounding). */
  prefs?: Record<string, string | number | boolean>;
}

/** The one Firefox launch (arguments, viewport, prefs, a fresh profile), with the extension or without it. */
function launchBrowser(prefs: Record<string, string | number | boolean>): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // Lets BiDi evaluate in the parent process: prefs at run time, the event page's state, its errors.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1000, height: 700 },
    extraPrefsFirefox: { ...prefs, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }) },
  });
}

/**
 * The same Firefox as launchFirefox's, launched the same way, with no extension installed: the bench's
 * baseline for page loads (only the extension differs).
 */
export function launchPlainFirefox(prefs: Record<string, string | number | boolean> = {}): Promise<Browser> {
  return launchBrowser(prefs);
}

export async function launchFirefox({
  dist = FIREFOX_DIST,
  prefs = {},
}: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  const root = await mkdtemp(join(tmpdir(), 'epe-firefox-'));
  // Install a copy: a `npm run build` elsewhere empties dist/firefox, which would pull files from
  // under a running suite.
  const extension = join(root, 'extension');
  let ff: Browser;
  try {
    await stat(join(dist, 'manifest.json')).catch(() => {
      throw new Error(`${dist} has no manifest.json: run \`npm run build\` first`);
    });
    await cp(dist, extension, { recursive: true });
    ff = await launchBrowser(prefs);
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
            // Firefox's own noise when an extension page unloads with listeners still registered. An API answer
            // that arrives after its page went away ("Promise resolved after context unloaded" / "while context
            // is inactive") is NOT ignored: the popup finishes every read before it shows (no longer aria-busy),
            // so one here means a part of it reads late (test/unit/popup/use-tab-state.reads.test.tsx).
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
        probe.evaluate(() =>
          browser.runtime.sendMessage({ type: 'get-live-status', tabId: -1 }).then((r) => r !== undefined),
        ),
      ),
    { timeoutMs: 15_000 },
  );

  /** Waits until the tab's load (or its error page) is complete and the tabs API shows `url`. */
  const loaded = (tabId: number, url: string): Promise<LoadedTab> =>
    waitFor(
      `tab ${tabId} to finish loading ${url}`,
      async () => {
        const tab = await inProbe(
          'tabs.get',
          probe.evaluate((t) => browser.tabs.get(t), tabId),
        );
        return tab.status === 'complete' && tab.url === url ? { tabId, url: tab.url } : undefined;
      },
      { timeoutMs: 10_000 },
    );

  /** Records events from a listener added in the probe page; the function returned reads them so far. */
  const recordInProbe = async (kind: 'storage' | 'notifications'): Promise<() => Promise<string[]>> => {
    const name = `__${kind}${Date.now()}`;
    await inProbe(
      `${kind} listener`,
      probe.evaluate(
        (n, k) => {
          const seen: string[] = [];
          (globalThis as unknown as Record<string, string[]>)[n] = seen;
          if (k === 'storage') {
            browser.storage.onChanged.addListener((changes, area) =>
              seen.push(...Object.keys(changes).map((key) => `${area}:${key}`)),
            );
          } else {
            for (const event of ['onShown', 'onClosed'] as const)
              browser.notifications[event].addListener((id) => seen.push(`${event}:${id}`));
          }
        },
        name,
        kind,
      ),
    );
    return () =>
      inProbe(
        `${kind} events`,
        probe.evaluate((n) => [...((globalThis as unknown as Record<string, string[]>)[n] ?? [])], name),
      );
  };

  const backgroundState = () =>
    inParent<BackgroundState>(
      'backgroundState',
      `JSON.stringify(String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)})?.extension?.backgroundState))`,
    );

  return {
    browser: ff,
    extensionDir: extension,
    popupPage: popup,
    async openTab(url) {
      const tab = await inProbe(
        'tabs.create',
        probe.evaluate((u) => browser.tabs.create({ url: u, active: true }), url),
      );
      if (tab.id === undefined) throw new Error(`tabs.create(${url}) gave no id`);
      return loaded(tab.id, url);
    },
    async startTab(url) {
      const tab = await inProbe(
        'tabs.create',
        probe.evaluate((u) => browser.tabs.create({ url: u, active: true }), url),
      );
      if (tab.id === undefined) throw new Error(`tabs.create(${url}) gave no id`);
      return tab.id;
    },
    async navigateTab(tabId, url) {
      await inProbe(
        'tabs.update',
        probe.evaluate(([t, u]) => browser.tabs.update(t, { url: u }), [tabId, url] as const),
      );
      return loaded(tabId, url);
    },
    async waitLoaded(tabId) {
      await waitFor(`tab ${tabId} to finish loading`, async () => {
        const tab = await inProbe(
          'tabs.get',
          probe.evaluate((t) => browser.tabs.get(t), tabId),
        );
        return tab.status === 'complete';
      });
    },
    async reloadTab(tabId) {
      const before = await inProbe(
        'tabs.get',
        probe.evaluate((t) => browser.tabs.get(t), tabId),
      );
      await inProbe(
        'tabs.reload',
        probe.evaluate((t) => browser.tabs.reload(t, { bypassCache: true }), tabId),
      );
      return loaded(tabId, before.url ?? '');
    },
    async openTabWithoutAccess(url, requested) {
      const tab = await inProbe(
        'tabs.create',
        probe.evaluate((u) => browser.tabs.create({ url: u, active: true }), url),
      );
      const tabId = tab.id;
      if (tabId === undefined) throw new Error(`tabs.create(${url}) gave no id`);
      await waitFor(`the server to see ${url}`, requested);
      await waitFor(
        `tab ${tabId} to finish loading`,
        async () =>
          (
            await inProbe(
              'tabs.get',
              probe.evaluate((t) => browser.tabs.get(t), tabId),
            )
          ).status === 'complete',
      );
      return tabId;
    },
    tabTitle: async (tabId) =>
      (
        await inProbe(
          'tabs.get',
          probe.evaluate((t) => browser.tabs.get(t), tabId),
        )
      ).title,
    async closeTabs(tabIds) {
      if (!tabIds.length) return;
      await inProbe(
        'tabs.remove',
        probe.evaluate((ids) => browser.tabs.remove(ids), tabIds),
      );
    },
    badgeText: (tabId) =>
      inProbe(
        'action.getBadgeText',
        probe.evaluate((t) => browser.action.getBadgeText({ tabId: t }), tabId),
      ),
    toolbarPopup: (tabId) =>
      inProbe(
        'action.getPopup',
        probe.evaluate((t) => browser.action.getPopup({ tabId: t }), tabId),
      ),
    record: (tabId) =>
      inProbe(
        'storage.session.get',
        probe.evaluate((key) => browser.storage.session.get(key).then((items) => items[key]), `tab:${tabId}`),
      ) as Promise<TabRecord | undefined>,
    async writeLocal(items) {
      await inProbe(
        'storage.local.set',
        probe.evaluate((i) => browser.storage.local.set(i), items),
      );
      const back = await inProbe(
        'storage.local.get',
        probe.evaluate((keys) => browser.storage.local.get(keys), Object.keys(items)),
      );
      // storage hands objects back with their keys sorted: compare by value.
      if (!isDeepStrictEqual(back, items)) throw new Error('storage.local did not read back as written');
    },
    cookies: () =>
      inProbe(
        'cookies.getAll',
        probe.evaluate(() =>
          browser.cookies.getAll({}).then((all) => all.map(({ domain, name, value }) => ({ domain, name, value }))),
        ),
      ),
    allowedInPrivateWindows: () =>
      inProbe(
        'isAllowedIncognitoAccess',
        probe.evaluate(() => browser.extension.isAllowedIncognitoAccess()),
      ),
    liveStatus: (tabId) =>
      inProbe(
        'get-live-status',
        probe.evaluate((t) => browser.runtime.sendMessage({ type: 'get-live-status', tabId: t }), tabId),
      ) as Promise<LiveStatus>,
    watchStorage: () => recordInProbe('storage'),
    watchNotifications: () => recordInProbe('notifications'),
    hostPermission: () =>
      inProbe(
        'permissions',
        probe.evaluate(async () => ({
          allUrls: await browser.permissions.contains({ origins: ['<all_urls>'] }),
          origins: (await browser.permissions.getAll()).origins ?? [],
        })),
      ),
    revokeHostAccess: () =>
      inProbe(
        'permissions.remove',
        probe.evaluate(() => browser.permissions.remove({ origins: ['<all_urls>'] })),
      ),
    async restoreHostAccess() {
      await inParent(
        'ExtensionPermissions.add',
        `(async () => {
          const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
          const id = ${JSON.stringify(GECKO_ID)};
          await ExtensionPermissions.add(id, { permissions: [], origins: ['<all_urls>'] }, WebExtensionPolicy.getByID(id).extension);
          return JSON.stringify(true);
        })()`,
      );
    },
    async overrideDns(host, ip) {
      // The override Firefox's own network tests use: it answers in place of the system resolver.
      await inParent(
        `DNS override for ${host}`,
        `(() => {
          const override = Cc['@mozilla.org/network/native-dns-override;1'].getService(Ci.nsINativeDNSResolverOverride);
          override.clearHostOverride(${JSON.stringify(host)});
          ${ip === null ? '' : `override.addIPOverride(${JSON.stringify(host)}, ${JSON.stringify(ip)});`}
          Services.dns.clearCache(true);
          return JSON.stringify(true);
        })()`,
      );
    },
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
        `WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.terminateBackground({ disableResetIdleForTest: true }).then(() => JSON.stringify(true))`,
      );
    },
    setPref: (name, value) =>
      inParent(
        `pref ${name}`,
        value === null
          ? `(Services.prefs.clearUserPref(${JSON.stringify(name)}), JSON.stringify(true))`
          : `(Services.prefs.${typeof value === 'boolean' ? 'setBoolPref' : 'setIntPref'}(${JSON.stringify(name)}, ${value}), JSON.stringify(true))`,
      ),
    extensionConsole: () => inParent('console entries', 'JSON.stringify(globalThis.__epeConsole ?? [])'),
    async close() {
      await ff.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * `page.goto()` never sees a load event for a moz-extension:// page over BiDi (docs/testing.md): navigate the
 * browsing context directly and wait for the document instead.
 */
export async function navigateExtensionPage(page: Page, url: string): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext: { navigate(url: string, wait: string): Promise<unknown> };
  };
  await withDeadline(`navigating to ${url}`, frame.browsingContext.navigate(url, 'interactive'));
  // Interval polling: `requestAnimationFrame` (the default) stalls in a background tab.
  await page.waitForFunction(() => document.readyState === 'complete', { timeout: 5000, polling: 20 });
}

/** The tabs a suite's tests open, closed after each test. */
export interface OpenedTabs {
  /** `firefox.openTab(url)`, the tab closed by the next `closeAll()`. */
  open(url: string): Promise<LoadedTab>;
  /** A tab opened some other way, to close by the next `closeAll()` too. */
  add(tabId: number): void;
  /** Closes one tab now (and forgets it: tabs.remove rejects a list with a tab that is gone). */
  close(tabId: number): Promise<void>;
  /** Closes every tab opened since the last call (closing a tab also makes the extension drop its record). */
  closeAll(): Promise<void>;
}

/** `harness` is called when a tab is opened or closed (the suite launches Firefox in beforeAll). */
export function openedTabs(harness: () => FirefoxHarness): OpenedTabs {
  let opened: number[] = [];
  return {
    async open(url) {
      const tab = await harness().openTab(url);
      opened.push(tab.tabId);
      return tab;
    },
    add: (tabId) => void opened.push(tabId),
    async close(tabId) {
      opened = opened.filter((t) => t !== tabId);
      await harness().closeTabs([tabId]);
    },
    async closeAll() {
      const tabIds = opened;
      opened = [];
      await harness()
        .closeTabs(tabIds)
        .catch(() => undefined);
    },
  };
}
