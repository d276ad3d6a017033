// The guided steps are a second file that the background loads the first time a step is asked for
// (src/background/steps-loader.ts): in Firefox the background is an event page, which import()s it. These
// tests fail the day a step cannot load in an event page woken by the step's own message. Real Firefox ESR.
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckState } from '../../src/model/checks';
import { STEPS_GLOBAL } from '../../src/background/steps-contract';
import {
  EXTENSION_ORIGIN,
  launchFirefox,
  navigateExtensionPage,
  openedTabs,
  type FirefoxHarness,
} from '../harness/firefox';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { waitFor, withDeadline } from '../harness/wait-for';

/** The extension APIs this file evaluates in its extension page (types only; runs in the browser). */
declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getBackgroundPage(): Promise<Window> };
};

let firefox: FirefoxHarness;
let extension: Page;
let server: FailingServer;
let count = 0;
const tabs = openedTabs(() => firefox);

beforeAll(async () => {
  server = await startFailingServer();
  firefox = await launchFirefox();
  extension = await firefox.browser.newPage();
  await navigateExtensionPage(extension, `${EXTENSION_ORIGIN}/options.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

afterEach(() => tabs.closeAll());

/** A tab on a 502 page, once the extension has recorded the failure. */
async function failingTab(): Promise<number> {
  const url = server.url(`/nginx-502?on-demand=${++count}`);
  const { tabId } = await tabs.open(url);
  await waitFor('the failure recorded', async () => (await firefox.record(tabId))?.incident?.url === url);
  return tabId;
}

/** Whether the running event page has evaluated the steps file (asking wakes a suspended page). */
const stepsLoaded = () =>
  withDeadline(
    'read the event page',
    extension.evaluate((name) => browser.runtime.getBackgroundPage().then((page) => name in page), STEPS_GLOBAL),
  );

/** Asks for the clean request, as the popup does, and waits for its result in the tab's record. */
async function runCleanRequest(tabId: number): Promise<CheckState> {
  await extension.evaluate(
    (id) => browser.runtime.sendMessage({ type: 'run-check', tabId: id, checkId: 'clean-request' }),
    tabId,
  );
  return waitFor(
    'the clean request to end',
    async () => {
      const state = (await firefox.record(tabId))?.incident?.checks['clean-request'];
      return state?.state === 'done' ? state : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

// The page answers 502 again without cookies: the step ran for real (one whose file failed to load ends
// inconclusive, `stepsNotLoaded`).
const sameError = { state: 'done', result: { outcome: 'fail', summary: 'cleanRequestSameError' } };

describe('Firefox: the guided steps, loaded on demand', () => {
  it('the event page records a failure without them and loads them for a step', async () => {
    const tabId = await failingTab();
    expect(await stepsLoaded()).toBe(false);
    expect(await runCleanRequest(tabId)).toMatchObject(sameError);
    expect(await stepsLoaded()).toBe(true);
  });

  it('a suspended event page, woken by the step message itself, loads them again and runs the step', async () => {
    const tabId = await failingTab();
    // Loaded in this instance first, so that a page that kept them across the suspension would show.
    expect(await runCleanRequest(tabId)).toMatchObject(sameError);
    const again = await failingTab();
    await firefox.suspendEventPage();
    expect(await firefox.backgroundState()).toBe('stopped');
    expect(await runCleanRequest(again)).toMatchObject(sameError);
    expect(await stepsLoaded()).toBe(true);
    expect(await firefox.extensionConsole()).toEqual([]);
  });
});
