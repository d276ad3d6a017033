// The in-page notice's rules, written once for both browsers (error-notice-chromium / -firefox give the driver).
// Every in-page look goes through the extension page with scripting.executeScript: world 'MAIN' is what the
// page's own script sees, the isolated world is where the notice keeps its root.
import { expect, it } from 'vitest';
import type { NoticeServer } from '../../harness/notice-server';
import { PAGE_GRAB } from '../../harness/notice-server';
import type { PopupPage } from '../../harness/popup-checks';
import { waitFor } from '../../harness/wait-for';

export const NOTICE_TAG = 'error-page-explainer-notice';
const NOTICE_GLOBAL = '__errorPageExplainerNotice';

export interface NoticeDriver {
  server(): NoticeServer;
  /** An extension page (options.html): `browser` or `chrome` is there. */
  extensionPage(): PopupPage;
  /** A new tab showing `url`, loaded (or failed to). */
  open(url: string): Promise<number>;
  /** Navigates that tab to `url` and waits until it has loaded. */
  navigate(tabId: number, url: string): Promise<void>;
  /** Brings the tab to the front and presses these keys in it, one after another. */
  press(tabId: number, keys: string[]): Promise<void>;
  /** The guided steps the notice opened: the page's URL and what it shows. */
  waitForSteps(): Promise<{ url: string; code: string; host: string }>;
  badge(tabId: number): Promise<string>;
  quirks: {
    /** Chrome shows its own (unscriptable) error page for an empty 5xx; Firefox shows the empty document. */
    emptyBodyIsBrowserPage: boolean;
    /** Chromium prerenders with speculation rules (or prefetches, under DevTools); Firefox does neither. */
    speculationRules: boolean;
  };
}

type Api = {
  scripting: {
    executeScript(i: {
      target: object;
      func: (...a: never[]) => unknown;
      args?: unknown[];
      world?: string;
    }): Promise<{ result?: unknown; frameId?: number }[]>;
  };
  storage: {
    local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> };
    session: { get(key: string): Promise<Record<string, unknown>> };
  };
};

/** The notice's text in every frame of the tab, read in the extension's isolated world (null: none). */
export function noticeTexts(driver: NoticeDriver, tabId: number): Promise<(string | null)[]> {
  return driver.extensionPage().evaluate(
    ({ tabId, name }) => {
      const api = ((globalThis as { browser?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome) as Api;
      return api.scripting
        .executeScript({
          target: { tabId, allFrames: true },
          func: (g: string) =>
            ((globalThis as unknown as Record<string, { textContent: string | null } | undefined>)[g]?.textContent ??
              null) as never,
          args: [name],
        })
        .then((results) => results.map((r) => (r.result as string | null | undefined) ?? null));
    },
    { tabId, name: NOTICE_GLOBAL },
  );
}

export interface PageView {
  hasHost: boolean;
  shadowRootVisible: boolean;
  grabbedRoots: number;
  text: string;
  serialized: string;
}

/** What the page's own script can see of the notice (world 'MAIN'). */
export function pageView(driver: NoticeDriver, tabId: number): Promise<PageView> {
  return driver.extensionPage().evaluate(
    ({ tabId, tag, grab }) => {
      const api = ((globalThis as { browser?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome) as Api;
      return api.scripting
        .executeScript({
          target: { tabId },
          world: 'MAIN',
          func: ((t: string, g: string) => {
            const host = document.querySelector(t);
            const doc = document.documentElement as HTMLElement & { getHTML?: (o: object) => string };
            return {
              hasHost: host !== null,
              shadowRootVisible: host?.shadowRoot != null,
              grabbedRoots: ((window as unknown as Record<string, unknown[] | undefined>)[g] ?? []).length,
              text: doc.innerText,
              serialized: doc.getHTML ? doc.getHTML({ serializableShadowRoots: true }) : doc.outerHTML,
            };
          }) as never,
          args: [tag, grab],
        })
        .then((results) => results[0]?.result as PageView);
    },
    { tabId, tag: NOTICE_TAG, grab: PAGE_GRAB },
  );
}

export function writeSettings(driver: NoticeDriver, settings: Record<string, unknown>): Promise<void> {
  return driver.extensionPage().evaluate((s) => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    return api.storage.local.set({ settings: s });
  }, settings);
}

/** When the extension stored its reading of the tab's page, or undefined: the notice is decided at that moment. */
const pageReadAt = (driver: NoticeDriver, tabId: number): Promise<number | undefined> =>
  driver.extensionPage().evaluate((key) => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    return api.storage.session
      .get(key)
      .then(
        (items) => (items[key] as { incident?: { page?: { readAt: number } } } | undefined)?.incident?.page?.readAt,
      );
  }, `tab:${tabId}`);

const readMuted = (driver: NoticeDriver): Promise<string[]> =>
  driver.extensionPage().evaluate(() => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    return api.storage.local
      .get('settings')
      .then((items) => (items.settings as { noticeMutedSites?: string[] } | undefined)?.noticeMutedSites ?? []);
  });

const waitForNotice = (driver: NoticeDriver, tabId: number): Promise<string> =>
  waitFor(`the notice in tab ${tabId}`, async () => (await noticeTexts(driver, tabId))[0] ?? undefined, {
    timeoutMs: 8000,
  });

/**
 * A barrier for "never shown": a failing page in another tab, opened after the page under test had loaded,
 * gets its notice, so the worker has long handled the first page's load.
 */
async function afterControlNotice(driver: NoticeDriver, url = driver.server().url('/other-503')): Promise<void> {
  const control = await driver.open(url);
  await waitForNotice(driver, control);
}

async function expectNoNotice(driver: NoticeDriver, tabId: number): Promise<void> {
  expect(
    (await noticeTexts(driver, tabId)).every((t) => t === null),
    'no notice in any frame',
  ).toBe(true);
  expect((await pageView(driver, tabId)).hasHost).toBe(false);
}

export function defineNoticeTests(driver: () => NoticeDriver): void {
  it('a 502 under a strict CSP gets the one-line notice, worded from the locale', async () => {
    const d = driver();
    const tab = await d.open(d.server().url('/strict-502'));
    const text = await waitForNotice(d, tab);
    expect(text).toContain("502 from nginx — the site's server failed, not you.");
    expect(text).toContain('What can I do?');
    expect(await d.badge(tab)).toBe('502');
  });

  it('page script cannot read it, and page CSS cannot hide it', async () => {
    const d = driver();
    const tab = await d.open(d.server().url('/hostile-502'));
    const text = await waitForNotice(d, tab);
    const view = await pageView(d, tab);
    expect(view.hasHost).toBe(true);
    // Closed root: no `shadowRoot`; the page's patched attachShadow never ran (isolated world); no serialization.
    expect(view.shadowRootVisible).toBe(false);
    expect(view.grabbedRoots).toBe(0);
    expect(view.text).not.toContain('nginx');
    expect(view.serialized).not.toContain('What can I do?');
    expect(text).toContain('502 from nginx');
    // `* { display: none !important }` reaches the host element; the notice's own :host rule wins.
    const shown = await d.extensionPage().evaluate(
      ({ tabId, tag }) => {
        const api = ((globalThis as { browser?: Api }).browser ??
          (globalThis as unknown as { chrome: Api }).chrome) as Api;
        return api.scripting
          .executeScript({
            target: { tabId },
            world: 'MAIN',
            func: ((t: string) => {
              const box = document.querySelector(t)?.getBoundingClientRect();
              return box
                ? {
                    width: box.width,
                    height: box.height,
                    display: getComputedStyle(document.querySelector(t)!).display,
                  }
                : null;
            }) as never,
            args: [tag],
          })
          .then((r) => r[0]?.result as { width: number; height: number; display: string } | null);
      },
      { tabId: tab, tag: NOTICE_TAG },
    );
    expect(shown?.display).toBe('block');
    expect(shown?.width).toBeGreaterThan(100);
    expect(shown?.height).toBeGreaterThan(30);
  });

  it('is keyboard reachable, and its button opens the steps for that tab', async () => {
    const d = driver();
    // Two failing tabs: the steps must be about the one whose notice was used.
    await d.open(d.server().url('/strict-502'));
    const tab = await d.open(d.server().url('/other-503'));
    await waitForNotice(d, tab);
    await d.press(tab, ['Tab']);
    const focused = await d.extensionPage().evaluate((tabId) => {
      const api = ((globalThis as { browser?: Api }).browser ??
        (globalThis as unknown as { chrome: Api }).chrome) as Api;
      return api.scripting
        .executeScript({
          target: { tabId },
          world: 'MAIN',
          func: (() => document.activeElement?.localName ?? null) as never,
        })
        .then((r) => r[0]?.result as string | null);
    }, tab);
    // The shadow root is closed: the page sees focus on the host element, nothing inside it.
    expect(focused).toBe(NOTICE_TAG);
    await d.press(tab, ['Enter']);
    const steps = await d.waitForSteps();
    expect(steps.code).toBe('503');
    expect(steps.host).toBe(new URL(d.server().origin).host);
    // Both browsers open the toolbar's own popup here (action.openPopup: Chrome ≥ 127, Firefox ESR 153 with
    // extensions.openPopupWithoutUserGesture on by default), and it names the tab the background badged
    // (action.setPopup), so it reads that tab's record at once.
    expect(steps.url).toMatch(new RegExp(`/popup\\.html\\?tab=${tab}&in=toolbar$`));
  });

  it('the close button removes it, and it goes with the page when the tab navigates', async () => {
    const d = driver();
    const tab = await d.open(d.server().url('/strict-502'));
    await waitForNotice(d, tab);
    // Tab to the close button (open steps, not on this site, close) and press it.
    await d.press(tab, ['Tab', 'Tab', 'Tab', 'Enter']);
    await waitFor('the notice to close', async () => !(await pageView(d, tab)).hasHost);

    await d.navigate(tab, d.server().url('/other-503'));
    await waitForNotice(d, tab);
    await d.navigate(tab, d.server().url('/healthy'));
    await afterControlNotice(d);
    await expectNoNotice(d, tab);
  });

  it('never on a healthy page, a challenge page or a page whose subframe failed', async () => {
    const d = driver();
    const tabs = [
      await d.open(d.server().url('/healthy')),
      await d.open(d.server().url('/challenge')),
      await d.open(d.server().url('/with-failing-frame')),
    ];
    await afterControlNotice(d);
    for (const tab of tabs) await expectNoNotice(d, tab);
    expect(d.server().requested()).toContain('/strict-502'); // the frame did load its 502
  });

  it('never on a prerendered page', async () => {
    const d = driver();
    const tab = await d.open(d.server().url('/prerender-host'));
    if (d.quirks.speculationRules) {
      await waitFor(
        'the speculative load of the 502',
        () =>
          d
            .server()
            .requested()
            .filter((p) => p === '/strict-502').length > 0,
      );
    }
    await afterControlNotice(d);
    await expectNoNotice(d, tab);
  });

  it('an empty 5xx body: the badge stays, and a notice only where the page can be scripted', async () => {
    const d = driver();
    const tab = await d.open(d.server().url('/empty-502'));
    expect(await waitFor('the badge', async () => (await d.badge(tab)) || undefined)).toBe('502');
    if (d.quirks.emptyBodyIsBrowserPage) {
      await afterControlNotice(d);
      // Chrome's own error page cannot be scripted at all: reading it fails, and nothing was put there.
      const texts = await noticeTexts(d, tab).catch(() => null);
      expect(texts === null || texts.every((t) => t === null)).toBe(true);
    } else {
      await waitForNotice(d, tab);
    }
    expect(await d.badge(tab)).toBe('502');
  });

  it('"Not on this site" stays away from that site, the options switch turns it off everywhere', async () => {
    const d = driver();
    const site = d.server().origin;
    const tab = await d.open(d.server().url('/strict-502'));
    await waitForNotice(d, tab);
    await d.press(tab, ['Tab', 'Tab', 'Enter']);
    await waitFor('the site to be muted', async () => (await readMuted(d)).includes(site) || undefined);
    expect((await pageView(d, tab)).hasHost).toBe(false);
    const muted = await d.open(d.server().url('/other-503'));
    // Another origin (same server) still gets it.
    await afterControlNotice(d, d.server().url('/other-503').replace('127.0.0.1', 'localhost'));
    await expectNoNotice(d, muted);

    await writeSettings(d, { errorPageNotice: false });
    const off = await d.open(d.server().url('/other-503').replace('127.0.0.1', 'localhost'));
    expect(await waitFor('the badge', async () => (await d.badge(off)) || undefined)).toBe('503');
    // The badge comes with the response; whether the page gets the notice is decided (settings read) when its
    // document is read, later: switching back on before that gave this page the notice once in CI.
    await waitFor("the page's reading to be stored", () => pageReadAt(d, off));
    await writeSettings(d, { errorPageNotice: true });
    await afterControlNotice(d);
    await expectNoNotice(d, off);
  });
}
