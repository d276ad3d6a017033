// The in-page notice in a real Chromium (rules in shared/error-notice-tests.ts).
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { defineNoticeTests, writeSettings, type NoticeDriver } from './shared/error-notice-tests';
import {
  extensionPageUrl,
  launchExtension,
  openExtensionPage,
  type ExtensionPage,
  type LaunchedExtension,
} from '../harness/chromium';
import { startNoticeServer, type NoticeServer } from '../harness/notice-server';
import { waitFor } from '../harness/wait-for';

let launched: LaunchedExtension;
let extension: ExtensionPage;
let server: NoticeServer;
let pages = new Map<number, Page>();

beforeAll(async () => {
  server = await startNoticeServer();
  launched = await launchExtension();
  extension = await openExtensionPage(launched);
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

afterEach(async () => {
  const open = launched.context.pages().filter((p) => p !== extension.page);
  pages = new Map();
  await Promise.all(open.map((p) => p.close()));
  await writeSettings(driver, {});
});

const isSteps = (url: string) => url.startsWith(extensionPageUrl(launched.extensionId, 'popup.html'));

const driver: NoticeDriver = {
  server: () => server,
  extensionPage: () => extension.page,
  async open(url) {
    const tab = await extension.openTab(url, url);
    pages.set(tab.tabId, tab.page);
    return tab.tabId;
  },
  async navigate(tabId, url) {
    await pages
      .get(tabId)!
      .goto(url)
      .catch(() => undefined);
    await extension.waitLoaded(tabId);
  },
  async press(tabId, keys) {
    const page = pages.get(tabId)!;
    await page.bringToFront();
    for (const key of keys) await page.keyboard.press(key);
  },
  async waitForSteps() {
    // Chrome ≥ 127 opens the toolbar popup (an extension view Playwright does not list as a page: read it
    // through extension.getViews); where it may not, the popup's page in a small window (a page).
    return waitFor(
      'the guided steps to open',
      async () => {
        const inPopup = await extension.page.evaluate(() => {
          const views = (
            globalThis as unknown as { chrome: { extension: { getViews(o: object): Window[] } } }
          ).chrome.extension.getViews({ type: 'popup' });
          const doc = views[0]?.document;
          if (!doc || doc.querySelector('main[aria-busy]') || !doc.querySelector('.incident-header')) return undefined;
          const text = (s: string) => doc.querySelector(s)?.textContent?.trim() ?? '';
          return {
            url: views[0]!.location.href,
            code: text('.incident-header .code'),
            host: text('.incident-header .url'),
          };
        });
        if (inPopup) return inPopup;
        const page = launched.context.pages().find((p) => isSteps(p.url()));
        if (!page || !(await page.locator('.incident-header').count())) return undefined;
        const text = async (s: string) => ((await page.locator(s).textContent()) ?? '').trim();
        return {
          url: page.url(),
          code: await text('.incident-header .code'),
          host: await text('.incident-header .url'),
        };
      },
      { timeoutMs: 8000 },
    );
  },
  badge: (tabId) => extension.badgeText(tabId),
  quirks: { emptyBodyIsBrowserPage: true, speculationRules: true },
};

describe('Chromium: the notice on the error page', () => {
  defineNoticeTests(() => driver);
});
