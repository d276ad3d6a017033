// Real failures in a real Chromium with the built extension (dist/chrome): badge, stored record, popup.
// The tests Firefox runs too are in shared/failure-tests.ts; this file gives them Chromium's harness.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  defineScenarioTests,
  defineSpecificTests,
  expectIncidentSurvivesRestart,
  type BrowserSuite,
} from './shared/failure-tests';
import { launchChromium, openedPages, type ChromiumHarness, type OpenedTab } from '../harness/chromium';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { dialogsDuring } from '../harness/popup-checks';

let browser: ChromiumHarness;
let server: FailingServer;
let counter = 0;
const opened = openedPages();

beforeAll(async () => {
  server = await startFailingServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Closing a tab also makes the extension drop its record (tabs.onRemoved).
afterEach(() => opened.closeAll());

const suite: BrowserSuite<OpenedTab> = {
  name: 'chromium',
  extension: () => browser,
  server: () => server,
  tag: () => `c${++counter}`,
  openTab: (url) => opened.track(browser.openTab(url)),
  closeTab: (tab) => tab.page.close(),
  reloadTab: async (tab) => void (await tab.page.reload()),
  openPopup: (tabId): Promise<Page> => opened.track(browser.openPopup(tabId)),
  dialogsDuring: (during) => dialogsDuring(browser.context, during),
  quirks: {
    // Chrome shows its own error page for an empty 5xx and reports it as a network error.
    expectEmpty502Tab: (tab) => expect(tab.navigationError).toBe('net::ERR_HTTP_RESPONSE_CODE_FAILURE'),
    healthyStatusAfterFirstRender: false,
  },
};

describe('Chromium: every scenario', () => {
  defineScenarioTests(suite);
});

describe('Chromium: specific behaviour', () => {
  defineSpecificTests(suite);

  it('keeps the incident when the service worker is stopped, and detects new failures after it restarts', async () => {
    await expectIncidentSurvivesRestart(suite, { suspend: () => browser.stopServiceWorker() });
  });
});
