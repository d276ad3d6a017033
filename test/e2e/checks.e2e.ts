// Issue #3 end to end in real Chromium: the guided steps and the verdict, driven through the popup
// (`popup.html?tab=<id>`), with every probe endpoint on 127.0.0.1 (test/harness/probe-servers.ts).
// Results are read both from the popup's DOM and from the tab's record in storage.session.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckId } from '../../src/model/checks';
import type { Endpoints, Settings } from '../../src/model/settings';
import {
  expectCancelSaysWhatWasRemoved,
  expectClearedWithCookies,
  expectOffline,
  expectPrivateWindowLoaded,
  expectSessionCookies,
  expectSiteUnreachable,
  expectAutoRunOnOpen,
  expectReloadFixesIt,
  expectStaleDns,
  expectStoredDataVerdict,
  expectVerdictWithin5s,
  failingTab as failingTabOf,
  privateWindowAsked,
  staleHostChecked,
  type StepsSuite,
} from './shared/guided-steps';
import { launchChecksChromium, type ChecksBrowser } from '../harness/checks-chromium';
import { openedPages, type OpenedTab } from '../harness/chromium';
import { closedPortUrl, startFailingServer, type FailingServer } from '../harness/failing-server';
import { message } from '../harness/messages';
import { savePopupScreenshot } from '../harness/popup-checks';
import {
  AUTOMATIC,
  STALE_HOST,
  STALE_PUBLIC_IP,
  doneResult as doneResultOf,
  incidentOf,
  readSteps,
  readVerdict,
  stepState as stepStateOf,
  stepsInStateInPage,
} from '../harness/popup-steps';
import { localEndpoints, startProbeServers, type ProbeServers } from '../harness/probe-servers';
import { waitFor, withDeadline } from '../harness/wait-for';
import type { ChromeApi } from '../harness/chrome-api';

let browser: ChecksBrowser;
let server: FailingServer;
let probes: ProbeServers;
let endpoints: Endpoints;
let counter = 0;
const tag = (): string => `k${++counter}`;
const log = (line: string): void => console.log(`[checks.e2e] ${line}`);
const opened = openedPages();

beforeAll(async () => {
  [server, probes] = await Promise.all([startFailingServer(), startProbeServers()]);
  probes.setDohAddress(STALE_HOST, STALE_PUBLIC_IP);
  browser = await launchChecksChromium([`--host-resolver-rules=MAP ${STALE_HOST} 127.0.0.1`]);
  // Before any scenario, from the service worker: every probe on the local servers.
  endpoints = localEndpoints(probes);
  await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { endpoints } as Record<
    string,
    unknown
  >);
  expect(await readSettings()).toEqual({ endpoints });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), probes?.close()]);
});

// Closing a tab also makes the extension drop its record.
afterEach(() => opened.closeAll());

declare const chrome: ChromeApi;

const readSettings = () =>
  withDeadline(
    'settings read',
    browser.worker.evaluate(() => chrome.storage.local.get('settings').then((i) => i.settings)),
  );

const useSettings = (settings: Partial<Settings>): Promise<void> => browser.writeSettings(settings);

const stepButton = (popup: Page, step: CheckId) => popup.locator(`li[data-step="${step}"] .step-row button`);

/** The guided steps in Chromium, through Playwright's locators (see shared/guided-steps.ts). */
const suite: StepsSuite<OpenedTab, Page> = {
  record: (tabId) => browser.record(tabId),
  cookies: () => browser.cookies(),
  openTab: (url) => opened.track(browser.openTab(url)),
  closeTab: (tab) => tab.page.close(),
  waitLoaded: (tabId) => browser.waitLoaded(tabId),
  openPopup: (tabId) => opened.track(browser.openPopup(tabId)),
  closePopup: (popup) => popup.close(),
  async findCheckEverything(popup) {
    const button = popup.getByRole('button', { name: message('checkEverything'), exact: true });
    await button.waitFor();
    return button;
  },
  clickStep: (popup, step) => stepButton(popup, step).click(),
  /** Checked on each animation frame. */
  async waitForSteps(popup, ids, state, timeoutMs = 8000) {
    await popup.waitForFunction(
      stepsInStateInPage,
      { ids: [...ids], want: state },
      { timeout: timeoutMs, polling: 'raf' },
    );
  },
  waitForTitle: (popup, key) => popup.locator('h1.title', { hasText: message(key) }).waitFor(),
  useSettings,
};

// ---- the tab and its record ------------------------------------------------------------------------

const failingTab = (url: string) => failingTabOf(suite, url);
const stepState = (tabId: number, incidentId: string, step: CheckId) => stepStateOf(browser, tabId, incidentId, step);
const doneResult = (tabId: number, incidentId: string, step: CheckId, timeoutMs?: number) =>
  doneResultOf(browser, tabId, incidentId, step, timeoutMs);

// ---- the popup ---------------------------------------------------------------------------------------

const openPopup = (tabId: number): Promise<Page> => suite.openPopup(tabId);
const expectSiteCookie = async () =>
  expect(await browser.cookies()).toContainEqual(expect.objectContaining({ domain: '127.0.0.1', name: 'session' }));
const waitForSteps = (popup: Page, ids: readonly CheckId[], state: string, timeoutMs?: number) =>
  suite.waitForSteps(popup, ids, state, timeoutMs);
const clickCheckEverything = async (popup: Page) => (await suite.findCheckEverything(popup)).click();
const screenshot = (popup: Page, name: string) => savePopupScreenshot(popup, `chromium-verdict-${name}.png`);

// ---- the scenarios -----------------------------------------------------------------------------------

describe('Chromium: guided steps and the verdict (issue #3)', () => {
  it('1. a passing 502: the reload step fixes it and the verdict is "fixed"', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { popup, fixed } = await expectReloadFixesIt(suite, url, (p) => suite.clickStep(p, 'reload'));
    log(`scenario 1: verdict on the ended incident = ${fixed.headlineKey}`);
    await screenshot(popup, 'fixed-by-reload');
  });

  it('2. a 502 caused by a cookie: clean request works → "stored data"; clearing with cookies fixes it and spares other sites', async () => {
    const id = tag();
    const { page, tabId } = await suite.openTab(server.url(`/set-cookie?t=${id}`));
    // Another site's cookie (cookies ignore ports, so another host name): it must survive the clearing.
    await suite.openTab(`http://localhost:${server.port}/set-cookie?t=${id}`);
    await expectSessionCookies(suite);

    const url = server.url(`/cookie-502?t=${id}`);
    await browser.navigate(page, tabId, url);
    const incident = await waitFor('the cookie 502', async () => {
      const r = await browser.record(tabId);
      return r?.incident?.url === url ? r.incident : undefined;
    });
    expect(incident.failure).toMatchObject({ type: 'http', status: 502 });

    const popup = await openPopup(tabId);
    await expectStoredDataVerdict(suite, { tabId, incident }, popup);
    await screenshot(popup, 'stored-data');

    // Clearing asks first; only "including cookies" removes them.
    await suite.clickStep(popup, 'clear-site-data');
    const confirm = popup.getByRole('group', { name: message('clearConfirmLabel') });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(message('clearConfirmText', ['127.0.0.1']));
    await confirm.getByRole('button', { name: message('clearWithCookies'), exact: true }).click();

    const { fixed } = await expectClearedWithCookies(suite, { tabId, incident }, popup);
    log(`scenario 2: verdict on the ended incident = ${fixed.headlineKey}`);
  });

  it('3. connection refused, connection fine: "the site\'s server does not answer"', async () => {
    const popup = await expectSiteUnreachable(suite, `${await closedPortUrl('/')}?t=${tag()}`);
    await screenshot(popup, 'site-unreachable');
  });

  it('4. connectivity endpoints fail (closed port, black hole): "your connection"', async () => {
    await expectOffline(suite, { server, probes, endpoints, tag: tag() });
  });

  it('5. the browser connected to an address DNS no longer gives: stale DNS', async () => {
    const { tab, popup } = await staleHostChecked(suite, { server, probes, tag: tag() });
    await expectStaleDns(suite, tab.tabId, popup, await doneResult(tab.tabId, tab.incident.id, 'dns'));
    await screenshot(popup, 'stale-dns');
  });

  it('6. the popup closed and reopened mid-run shows the step still running, then its result', async () => {
    // The page fails once, then the server holds every request until the test lets go: the reload step
    // stays running for as long as the test needs, whatever the machine's load.
    const key = tag();
    const { tabId, incident } = await failingTab(probes.gateUrl(key));
    try {
      const first = await openPopup(tabId);
      await clickCheckEverything(first);
      await waitForSteps(first, ['reload'], 'running', 5000);
      await waitFor('the reload to reach the server', () => probes.heldAtGate(key) > 0);
      await first.close();

      // Nobody is looking: the step goes on in the background.
      expect((await stepState(tabId, incident.id, 'reload'))?.state).toBe('running');
      const again = await openPopup(tabId);
      expect((await readSteps(again)).reload).toMatchObject({ state: 'running', line: message('progressReloading') });

      probes.releaseGate(key);
      await waitForSteps(again, AUTOMATIC, 'done', 10_000);
      expect(await doneResult(tabId, incident.id, 'reload')).toMatchObject({
        outcome: 'still-failing',
        summary: 'reloadSameError',
        summaryArgs: ['502'],
      });
      expect((await readSteps(again)).reload).toMatchObject({
        state: 'done',
        outcome: 'still-failing',
        line: expect.stringContaining(message('reloadSameError', ['502'])),
      });
      expect(await readVerdict(again)).toMatchObject({ side: 'site' });
    } finally {
      probes.releaseGate(key);
    }
  });

  it('7. the worker stopped mid-run never leaves a step spinning, and the step runs again', async () => {
    // Held at the gate (reload, clean request) or black-holed (network): all still running when the worker stops.
    await useSettings({ endpoints: { ...endpoints, connectivity: [probes.blackHoleUrl('/stopped')] } });
    const key = tag();
    try {
      const { tabId, incident } = await failingTab(probes.gateUrl(key));
      const popup = await openPopup(tabId);
      await clickCheckEverything(popup);
      await waitForSteps(popup, ['reload', 'network'], 'running', 5000);
      await browser.stopServiceWorker();

      // What storage says right after the stop: those steps can never finish now.
      const atStop = incidentOf(await browser.record(tabId), incident.id)?.checks ?? {};
      const wasRunning = AUTOMATIC.filter((id) => atStop[id]?.state === 'running');
      expect(wasRunning).toContain('reload');
      const lastDeadline = Math.max(
        ...wasRunning.map((id) => {
          const s = atStop[id];
          return s?.state === 'running' ? s.deadline : 0;
        }),
      );

      // Nothing wakes the worker while the gate holds: the popup itself stops the spinners past their deadline.
      await waitForSteps(popup, wasRunning, 'interrupted', lastDeadline - Date.now() + 5000);
      const steps = await readSteps(popup);
      for (const id of wasRunning) expect(steps[id]?.line, id).toBe(message('stepInterrupted'));
      for (const id of AUTOMATIC)
        expect(['done', 'interrupted'], `${id}: ${steps[id]?.state}`).toContain(steps[id]?.state);
      expect(Object.entries(steps).filter(([, s]) => s.state === 'running')).toEqual([]);
      const now = incidentOf(await browser.record(tabId), incident.id)?.checks ?? {};
      log(
        `worker stopped with ${wasRunning.join(', ')} running; storage now says ${wasRunning.map((id) => `${id}=${now[id]?.state}`).join(', ')}; the popup shows them interrupted`,
      );

      // Run it again (endpoints that answer this time): the message wakes the worker, the step completes.
      probes.releaseGate(key);
      await useSettings({ endpoints });
      const button = stepButton(popup, 'network');
      expect(await button.innerText()).toBe(message('runAgain'));
      await button.click();
      await waitForSteps(popup, ['network'], 'done', 8000);
      expect(await doneResult(tabId, incident.id, 'network')).toMatchObject({
        outcome: 'pass',
        facts: { connectivity: 'ok' },
      });
      // The restarted worker swept the rest: nothing is left running in storage either.
      await waitFor('no step running in storage', async () => {
        const checks = incidentOf(await browser.record(tabId), incident.id)?.checks ?? {};
        return Object.values(checks).every((s) => s?.state !== 'running');
      });
    } finally {
      probes.releaseGate(key);
      await useSettings({ endpoints });
    }
  });

  it('8. "Check everything" reaches a verdict within 5 s on loopback (median of 5 runs)', async () => {
    await expectVerdictWithin5s(suite, { url: () => server.url(`/nginx-502?t=${tag()}`), log });
  }, 90_000);

  it('9. private window (manual in headless Chromium): the question appears, "It loaded" changes result and verdict', async () => {
    const allowed = await browser.allowedInIncognito();
    const id = tag();
    const tab = await failingTab(server.url(`/nginx-502?t=${id}`));
    const loadsOfPage = () => server.requests('/nginx-502').filter((r) => r.url.endsWith(`?t=${id}`)).length;
    expect(loadsOfPage()).toBe(1);
    const { popup, waiting } = await privateWindowAsked(suite, tab);
    expect(waiting?.state).toBe('waiting-for-user');
    const prompt = waiting?.state === 'waiting-for-user' ? waiting.prompt : '';
    log(
      `private window: allowed in incognito = ${allowed}; the step asked '${prompt}'; incognito windows the extension can see: ${await browser.incognitoWindows()}`,
    );
    // Unpacked, so not allowed in incognito: Chrome opens the window but windows.create resolves with
    // nothing and the extension never sees its tab, so the person is asked.
    expect(allowed).toBe(false);
    expect(prompt).toBe('privateWindowAsk');
    // The window really opened (the extension just cannot see into it): the page was requested again.
    await waitFor('the private window to request the page', () => loadsOfPage() === 2, { timeoutMs: 3000 });
    const question = popup.getByRole('group', { name: message(prompt) });
    await question.waitFor();

    await question.getByRole('button', { name: message('answerLoaded'), exact: true }).click();
    await expectPrivateWindowLoaded(suite, tab, popup);
  });

  it('10. "run the automatic checks as soon as the popup opens" on: opening the popup runs them, and the reload fixes a passing 502', async () => {
    await expectAutoRunOnOpen(suite, server.url(`/recovers?key=${tag()}&after=1`), endpoints);
  });

  it('11. an incident from a private window: "clear, including cookies" leaves the normal profile\'s cookies and storage alone, and says so', async () => {
    const id = tag();
    const { page, tabId } = await suite.openTab(server.url(`/set-cookie?t=${id}`));
    await page.evaluate((value) => localStorage.setItem('kept', value), id);
    await expectSiteCookie();
    const url = server.url(`/cookie-502?t=${id}`);
    await browser.navigate(page, tabId, url);
    // Wait for the page reading too: it is the background's last write to this record, and a write after the
    // patch below would put the stored incognito flag back (it did once, in CI).
    const { key } = await waitFor('the cookie 502 and its page reading', async () => {
      const incident = (await browser.record(tabId))?.incident;
      return incident?.url === url && incident.page !== undefined ? { key: `tab:${tabId}` } : undefined;
    });
    // Headless Chromium cannot allow an unpacked extension in incognito (test/e2e/README.md), so this normal
    // tab's incident is marked as a private window's: the step then takes the private-window path, and
    // browsingData and the cookie store act, for real, on the profile this tab's data lives in.
    await browser.worker.evaluate(
      (k) =>
        chrome.storage.session.get(k).then((items) => {
          const record = items[k] as { incident: { incognito: boolean } };
          return chrome.storage.session.set({ [k]: { ...record, incident: { ...record.incident, incognito: true } } });
        }),
      key,
    );
    const incident = (await browser.record(tabId))!.incident!;
    expect(incident.incognito).toBe(true);

    const popup = await openPopup(tabId);
    await suite.clickStep(popup, 'clear-site-data');
    const confirm = popup.getByRole('group', { name: message('clearConfirmLabel') });
    await confirm.getByRole('button', { name: message('clearWithCookies'), exact: true }).click();
    const cleared = await doneResult(tabId, incident.id, 'clear-site-data', 15_000);
    expect(cleared.evidence).toEqual(
      expect.arrayContaining([
        { label: 'siteDataPrivateWindow', value: '' },
        { label: 'siteDataPrivateCookiesUnreachable', value: '' },
      ]),
    );
    expect(cleared.facts).toMatchObject({ cookiesCleared: false, signOutDataCleared: false });
    // The normal profile kept all of it: the cookie, and the page's localStorage.
    await expectSiteCookie();
    const healthy = await suite.openTab(server.url(`/set-cookie?t=${id}-after`));
    expect(await healthy.page.evaluate(() => localStorage.getItem('kept'))).toBe(id);
  });

  it('12. Cancel after the site\'s data was removed (its reload held at the server): the step says the removal finished and what it removed, not "Cancelled"', async () => {
    await expectCancelSaysWhatWasRemoved(suite, {
      probes,
      key: tag(),
      confirmWithoutCookies: (popup) =>
        popup
          .getByRole('group', { name: message('clearConfirmLabel') })
          .getByRole('button', { name: message('clearWithoutCookies'), exact: true })
          .click(),
    });
  });
});
