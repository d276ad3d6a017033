// The in-page notice in a real Firefox ESR (rules in shared/error-notice-tests.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { defineNoticeTests, writeSettings, type NoticeDriver } from './shared/error-notice-tests';
import {
  EXTENSION_ORIGIN,
  launchFirefox,
  navigateExtensionPage,
  openedTabs,
  type FirefoxHarness,
} from '../harness/firefox';
import { startNoticeServer, type NoticeServer } from '../harness/notice-server';
import { waitFor } from '../harness/wait-for';

/** The extension APIs this file evaluates in its extension page (types only; runs in the browser). */
declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    get(id: number): Promise<{ url?: string; status?: string }>;
    update(id: number, props: { url?: string; active?: boolean }): Promise<unknown>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  extension: { getViews(): Window[] };
};

let firefox: FirefoxHarness;
let extension: Page;
let server: NoticeServer;
const tabs = openedTabs(() => firefox);

beforeAll(async () => {
  server = await startNoticeServer();
  firefox = await launchFirefox();
  extension = await firefox.browser.newPage();
  await navigateExtensionPage(extension, `${EXTENSION_ORIGIN}/options.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

afterEach(async () => {
  // Steps windows and tabs the notice opened, then the test's own tabs.
  const steps = await extension.evaluate(
    (origin) =>
      browser.tabs
        .query({})
        .then((all) => all.filter((t) => t.url?.startsWith(`${origin}/popup.html`)).map((t) => t.id!)),
    EXTENSION_ORIGIN,
  );
  await firefox.closeTabs(steps).catch(() => undefined);
  await tabs.closeAll();
  await writeSettings(driver, {});
});

/** The Puppeteer page of a tab (for keyboard input), found by the URL the tabs API reports. */
async function pageOf(tabId: number): Promise<Page> {
  const url = await extension.evaluate((id) => browser.tabs.get(id).then((t) => t.url), tabId);
  return waitFor(`the page of tab ${tabId}`, async () => (await firefox.browser.pages()).find((p) => p.url() === url));
}

const loaded = (tabId: number, url: string) =>
  waitFor(
    `tab ${tabId} to load ${url}`,
    () =>
      extension.evaluate(({ id, u }) => browser.tabs.get(id).then((t) => t.status === 'complete' && t.url === u), {
        id: tabId,
        u: url,
      }),
    { timeoutMs: 10_000 },
  );

const driver: NoticeDriver = {
  server: () => server,
  extensionPage: () => extension,
  open: async (url) => (await tabs.open(url)).tabId,
  async navigate(tabId, url) {
    await extension.evaluate(({ id, u }) => browser.tabs.update(id, { url: u }).then(() => undefined), {
      id: tabId,
      u: url,
    });
    await loaded(tabId, url);
  },
  async press(tabId, keys) {
    await extension.evaluate((id) => browser.tabs.update(id, { active: true }).then(() => undefined), tabId);
    const page = await pageOf(tabId);
    await page.bringToFront();
    for (const key of keys) await page.keyboard.press(key as never);
  },
  waitForSteps: () =>
    // Firefox ESR 153 opens the toolbar popup (action.openPopup without a user gesture is on by default); an older
    // Firefox would open the popup's page in a window. Either is an extension view at /popup.html.
    waitFor(
      'the guided steps to open',
      () =>
        extension.evaluate(() => {
          const view = browser.extension.getViews().find((w) => w.location.pathname === '/popup.html');
          const doc = view?.document;
          if (!doc || doc.querySelector('main[aria-busy]') || !doc.querySelector('.incident-header')) return undefined;
          const text = (s: string) => doc.querySelector(s)?.textContent?.trim() ?? '';
          return {
            url: view!.location.href,
            code: text('.incident-header .code'),
            host: text('.incident-header .url'),
          };
        }),
      { timeoutMs: 8000 },
    ),
  badge: (tabId) => extension.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId),
  quirks: { emptyBodyIsBrowserPage: false, speculationRules: false },
};

describe('Firefox: the notice on the error page', () => {
  defineNoticeTests(() => driver);
});
