// Issues #3, #4 and #8 end to end in real Firefox ESR (dist/firefox as a temporary add-on, over WebDriver
// BiDi): the guided steps and the verdict, "Tell me when it's back", "Copy report" and host access, driven
// through the popup (`popup.html?tab=<id>`) with every address the extension contacts on 127.0.0.1.
// Results are read both from the popup's DOM and from the tab's record in storage.session. The same
// flows as checks.e2e.ts and watch-report.e2e.ts in Chromium, plus what Firefox does differently.
import type { ElementHandle, Page } from 'puppeteer-core';
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
import { closedPortUrl, startFailingServer, type FailingServer } from '../harness/failing-server';
import {
  PERMISSION_PROMPTS_PREF,
  launchFirefox,
  openedTabs,
  type FirefoxHarness,
  type LoadedTab,
} from '../harness/firefox';
import { INCIDENT_NAME, SNAPSHOT_DATE, startLookupServer, type LookupServer } from '../harness/lookup-servers';
import { message } from '../harness/messages';
import { expectReportPreview, savePopupScreenshot } from '../harness/popup-checks';
import {
  STALE_HOST,
  STALE_PUBLIC_IP,
  doneResult as doneResultOf,
  readSteps,
  recordWhere,
  stepState as stepStateOf,
  stepsInStateInPage,
} from '../harness/popup-steps';
import { localEndpoints, startProbeServers, type ProbeServers } from '../harness/probe-servers';
import { waitFor, withDeadline } from '../harness/wait-for';

/** Fast watch tries: one a second, each given 2 s. */
const WATCH_TUNING = { firstDelayMs: 1000, maxDelayMs: 1000, timeoutMs: 2000 };

let firefox: FirefoxHarness;
let server: FailingServer;
let probes: ProbeServers;
let lookups: LookupServer;
let endpoints: Endpoints;
const LOOKUP_HOST = 'lookups.example.com';
let counter = 0;
const tag = (): string => `x${++counter}`;
const log = (line: string): void => console.log(`[firefox-checks.e2e] ${line}`);
const tabs = openedTabs(() => firefox);

beforeAll(async () => {
  [server, probes, lookups] = await Promise.all([startFailingServer(), startProbeServers(), startLookupServer()]);
  probes.setDohAddress(STALE_HOST, STALE_PUBLIC_IP);
  firefox = await launchFirefox();
  // Before any scenario: every probe on the local servers, fast watch tries.
  endpoints = localEndpoints(probes);
  await firefox.writeLocal({ settings: { endpoints }, watchTuning: WATCH_TUNING });
});

afterAll(async () => {
  await firefox?.close();
  await Promise.all([server?.close(), probes?.close(), lookups?.close()]);
});

// Closing a tab also makes the extension drop its record (tabs.onRemoved).
afterEach(() => tabs.closeAll());

const useSettings = (settings: Partial<Settings>): Promise<void> => firefox.writeLocal({ settings });

// ---- the popup (one page, reused: see test/harness/firefox.ts) ---------------------------------------------

const openPopup = (tabId: number): Promise<Page> => firefox.openPopup(tabId);
const popupText = (popup: Page) =>
  withDeadline(
    'the popup text',
    popup.evaluate(() => document.body.innerText),
  );

/** Waits in the popup until every given step is in `state` (interval polling: rAF stalls in a background tab). */
async function waitForSteps(popup: Page, ids: readonly CheckId[], state: string, timeoutMs = 8000): Promise<void> {
  await popup.waitForFunction(stepsInStateInPage, { timeout: timeoutMs, polling: 20 }, { ids: [...ids], want: state });
}

/**
 * A button by the name a person reads (its aria-label, else its text), inside `within` (CSS). Looked up in
 * the page: Puppeteer's `::-p-aria` query and its locators cost up to a second each over BiDi.
 */
async function findButton(popup: Page, name: string, within = 'body'): Promise<ElementHandle<HTMLButtonElement>> {
  const found = await popup.waitForFunction(
    (scope, n) =>
      [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === n,
      ),
    { timeout: 5000, polling: 20 },
    within,
    name,
  );
  const element = found.asElement();
  if (!element) throw new Error(`no button "${name}" in ${within}`);
  return element as ElementHandle<HTMLButtonElement>;
}
const clickButton = async (popup: Page, name: string, within?: string) =>
  (await findButton(popup, name, within)).click();
/** Clicks the first element matching `selector` once it is visible. */
async function click(popup: Page, selector: string): Promise<void> {
  const element = await popup.waitForSelector(selector, { visible: true, timeout: 5000 });
  if (!element) throw new Error(`nothing matches ${selector}`);
  await element.click();
}
/** The step's own Run / Run again button. */
const clickStep = (popup: Page, step: CheckId) => click(popup, `li[data-step="${step}"] .step-row button`);

/** Firefox resets a tab's badge when it navigates; the extension sets it again: poll for it. */
const expectBadge = (tabId: number, text: string) =>
  expect.poll(() => firefox.badgeText(tabId), { timeout: 5000, interval: 25 }).toBe(text);

/** The guided steps in Firefox, with in-page lookups and interval polling (see shared/guided-steps.ts). */
const suite: StepsSuite<LoadedTab, Page> = {
  record: (tabId) => firefox.record(tabId),
  cookies: () => firefox.cookies(),
  openTab: (url) => tabs.open(url),
  closeTab: ({ tabId }) => tabs.close(tabId),
  waitLoaded: (tabId) => firefox.waitLoaded(tabId),
  openPopup,
  // One page shows every popup: it stays open.
  closePopup: async () => undefined,
  findCheckEverything: (popup) => findButton(popup, message('checkEverything')),
  clickStep,
  waitForSteps,
  async waitForTitle(popup, key) {
    await popup.waitForFunction(
      (text) => document.querySelector('h1.title')?.textContent?.includes(text),
      { timeout: 5000, polling: 20 },
      message(key),
    );
  },
  useSettings,
};

// ---- the tab and its record ------------------------------------------------------------------------

const failingTab = (url: string) => failingTabOf(suite, url);
const stepState = (tabId: number, incidentId: string, step: CheckId) => stepStateOf(firefox, tabId, incidentId, step);
const doneResult = (tabId: number, incidentId: string, step: CheckId, timeoutMs?: number) =>
  doneResultOf(firefox, tabId, incidentId, step, timeoutMs);

// ---- the scenarios -----------------------------------------------------------------------------------

describe('Firefox: guided steps and the verdict (issue #3)', () => {
  it('1. a passing 502: "Check everything" → the reload step fixes it and the verdict is "fixed"', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    await expectReloadFixesIt(suite, url, async (popup) => (await suite.findCheckEverything(popup)).click());
  });

  it('2. a 502 caused by a cookie: clean request works → "stored data"; clearing with cookies fixes it and clears only this host (and port)', async () => {
    const id = tag();
    // Three origins: the failing site, another site (cookies ignore ports, so another host name) and the
    // same host on another port. The popup's page visits each to leave a cookie (Set-Cookie) and a
    // localStorage item; WebDriver's own loads reach webRequest as tabId -1, which the extension ignores.
    const otherSite = `http://localhost:${server.port}`;
    const otherPort = probes.captivePortalUrl;
    const page = firefox.popupPage;
    for (const url of [server.url(`/set-cookie?t=${id}`), `${otherSite}/set-cookie?t=${id}`, otherPort]) {
      await page.goto(url);
      await page.evaluate((v) => localStorage.setItem('epe', v), id);
    }
    const storedAt = async (url: string) => {
      await page.goto(url);
      return page.evaluate(() => localStorage.getItem('epe'));
    };
    await expectSessionCookies(suite);

    const tab = await failingTab(server.url(`/cookie-502?t=${id}`));
    expect(tab.incident.failure).toMatchObject({ type: 'http', status: 502 });
    expect(server.requests('/cookie-502').at(-1)?.cookie).toContain('session=big-and-broken');

    const popup = await openPopup(tab.tabId);
    await expectStoredDataVerdict(suite, tab, popup);
    await savePopupScreenshot(popup, 'firefox-verdict.png');

    // Clearing asks first; only "including cookies" removes them.
    await clickStep(popup, 'clear-site-data');
    const confirm = 'li[data-step="clear-site-data"] .step-confirm';
    await popup.waitForSelector(confirm);
    expect(await popup.$eval(confirm, (e) => (e as HTMLElement).innerText)).toContain(
      message('clearConfirmText', ['127.0.0.1']),
    );
    await clickButton(popup, message('clearWithCookies'), confirm);

    const { cleared } = await expectClearedWithCookies(suite, tab, popup);
    // Firefox scopes browsingData by host name: everything but Cache Storage, which it cannot clear for one
    // site only (so it is left alone and said so). Cookies go through the cookies API: exactly one here.
    expect(cleared.evidence.slice(0, 7)).toEqual([
      { label: 'siteDataCleared_cache', value: '' },
      { label: 'siteDataCleared_serviceWorkers', value: '' },
      { label: 'siteDataCleared_localStorage', value: '' },
      { label: 'siteDataCleared_indexedDB', value: '' },
      { label: 'siteDataUnscoped_cacheStorage', value: '' },
      { label: 'siteDataCleared_cookies', value: '' },
      { label: 'evidenceCookiesRemoved', value: '1' },
    ]);
    // What really went: this host's cookie (checked above), and localStorage of this host *and port* only.
    expect(await storedAt(server.url('/ok'))).toBeNull();
    expect(await storedAt(`${otherSite}/ok`)).toBe(id);
    expect(await storedAt(otherPort)).toBe(id);
  });

  it('3. connection refused, connection fine: "the site\'s server does not answer"', async () => {
    await expectSiteUnreachable(suite, `${await closedPortUrl('/')}?t=${tag()}`);
  });

  it('4. connectivity endpoints fail (closed port, black hole): "your connection"', async () => {
    await expectOffline(suite, { server, probes, endpoints, tag: tag() });
  });

  it('5. DNS in Firefox: its own resolver is asked too; the connected address no resolver gives any more → stale DNS', async () => {
    // Firefox's own resolver maps the name to 127.0.0.1 (the override its network tests use); the DoH server says otherwise.
    await firefox.overrideDns(STALE_HOST, '127.0.0.1');
    try {
      const {
        tab: { tabId, incident },
        popup,
      } = await staleHostChecked(suite, { server, probes, tag: tag() });
      // Unlike Chromium, the step hears Firefox's resolver (dns.resolve): it still gives the address the tab
      // connected to, which by design counts as consistent (a local or company resolver may differ from public DNS).
      const consistent = await doneResult(tabId, incident.id, 'dns');
      expect(consistent).toMatchObject({
        outcome: 'pass',
        summary: 'dnsConsistent',
        summaryArgs: [STALE_HOST, '127.0.0.1'],
        facts: { dns: 'ok' },
      });
      expect(consistent.evidence).toEqual(
        expect.arrayContaining([
          { label: 'evidenceDnsPublicAddresses', value: STALE_PUBLIC_IP },
          { label: 'evidenceDnsBrowserAddresses', value: '127.0.0.1' },
          { label: 'evidenceConnectedIp', value: '127.0.0.1' },
        ]),
      );
      const before = await stepState(tabId, incident.id, 'dns');

      // The name moves: Firefox's resolver now gives the public address too, the tab is still on 127.0.0.1.
      await firefox.overrideDns(STALE_HOST, STALE_PUBLIC_IP);
      await clickStep(popup, 'dns');
      const stale = await waitFor(
        'the DNS step run again',
        async () => {
          const s = await stepState(tabId, incident.id, 'dns');
          return s?.state === 'done' && s.runId !== before?.runId ? s.result : undefined;
        },
        { timeoutMs: 8000 },
      );
      expect(stale.evidence).toEqual(
        expect.arrayContaining([
          { label: 'evidenceDnsBrowserAddresses', value: STALE_PUBLIC_IP },
          { label: 'evidenceFlushBrowser_firefox', value: 'about:networking#dns' },
        ]),
      );
      await expectStaleDns(suite, tabId, popup, stale);
    } finally {
      await firefox.overrideDns(STALE_HOST, null);
    }
  });

  it('6. "Check everything" reaches a verdict within 5 s on loopback (median of 5 runs)', async () => {
    await expectVerdictWithin5s(suite, { url: () => server.url(`/nginx-502?t=${tag()}`), log });
  });

  it('7. private window: Firefox refuses the temporary add-on one, the step asks; "It loaded" changes result and verdict', async () => {
    // Temporary add-ons are not allowed in private windows unless the person says so in about:addons.
    expect(await firefox.allowedInPrivateWindows()).toBe(false);
    const id = tag();
    const tab = await failingTab(server.url(`/nginx-502?t=${id}`));
    const loadsOfPage = () => server.requests('/nginx-502').filter((r) => r.url.endsWith(`?t=${id}`)).length;
    const { popup, waiting } = await privateWindowAsked(suite, tab);
    // windows.create rejected, so no window opened (unlike Chromium's unseen one): how to allow it, or try by hand.
    expect(waiting).toMatchObject({ state: 'waiting-for-user', prompt: 'privateWindowAskOpenYourself' });
    expect(loadsOfPage()).toBe(1);
    const question = 'li[data-step="private-window"] .step-confirm';
    expect(await popup.$eval(question, (e) => (e as HTMLElement).innerText)).toContain(
      message('privateWindowAskOpenYourself'),
    );

    await clickButton(popup, message('answerLoaded'), question);
    await expectPrivateWindowLoaded(suite, tab, popup);
  });

  it('8. "run the automatic checks as soon as the popup opens" on: opening the popup runs them, and the reload fixes a passing 502', async () => {
    await expectAutoRunOnOpen(suite, server.url(`/recovers?key=${tag()}&after=1`), endpoints);
  });
});

describe('Firefox: watch, report and look-ups (issue #8)', () => {
  it('9. Cancel after the site\'s data was removed (its reload held at the server): the step says the removal finished and what it removed, not "Cancelled"', async () => {
    await expectCancelSaysWhatWasRemoved(suite, {
      probes,
      key: tag(),
      confirmWithoutCookies: (popup) =>
        clickButton(popup, message('clearWithoutCookies'), 'li[data-step="clear-site-data"] .step-confirm'),
    });
  });

  it('watch: the event page suspended between tries, the watch goes on; back → notification and the tab reloads', async () => {
    const key = tag();
    const url = server.url(`/recovers?key=${key}&after=3`);
    const { tabId } = await failingTab(url);
    const notifications = await firefox.watchNotifications();

    const popup = await openPopup(tabId);
    await click(popup, '.watch-reload input');
    await clickButton(popup, message('watchStart'));
    await popup.waitForSelector('.watch-reload-note');

    // After the first try has finished (the next one pending on a timer and an alarm) the event page goes.
    const first = await recordWhere(
      firefox,
      tabId,
      (r) => (r.watch?.tries ?? 0) >= 1 && r.watch?.lastTry !== undefined && r.watch.tryingSince === undefined,
      'the first watch try to finish',
      10_000,
    );
    expect(first.watch).toMatchObject({ status: 'watching', reload: true, lastTry: { status: 502 } });
    await firefox.suspendEventPage();
    const suspendedAt = Date.now();
    const state = await firefox.backgroundState();
    // Nothing wakes it before the next try is due (alarms never fire early).
    if (Date.now() < first.watch!.nextTryAt) expect(state).toBe('stopped');
    const atSuspension = (await firefox.record(tabId))?.watch;

    // The alarm wakes the event page for the next try; the try that sees 200 ends the watch and reloads.
    const record = await recordWhere(
      firefox,
      tabId,
      (r) => r.watch?.status === 'back' && !r.incident && r.lastError !== undefined,
      'the watch to end back and the tab to reload',
      20_000,
    );
    expect(record.watch).toMatchObject({ status: 'back', reload: true, lastTry: { status: 200 } });
    expect(record.watch!.tries).toBeGreaterThanOrEqual(3);
    expect(record.lastError).toMatchObject({ url, recoveredStatus: 200 });
    await expect.poll(() => firefox.tabTitle(tabId), { timeout: 5000, interval: 25 }).toBe('Back');
    const hits = server.requests('/recovers').filter((r) => r.url.includes(`key=${key}`));
    // The 200 try and the reload, at least, came after the suspension.
    expect(hits.filter((r) => r.at > suspendedAt).length).toBeGreaterThanOrEqual(2);
    // Headless Firefox closes a notification as soon as it is shown: its events are what can be seen.
    await expect
      .poll(notifications, { timeout: 5000, interval: 25 })
      .toContainEqual(expect.stringMatching(new RegExp(`^on(Shown|Closed):watch:${tabId}$`)));
    // The popup, still open, follows the reload: the tab is healthy, the 502 is its last error.
    await popup.waitForSelector('section.last-error');
    log(
      `watch: suspended with tries=${atSuspension?.tries} trying=${atSuspension?.tryingSince !== undefined}; back after ${record.watch!.tries} tries, ${hits.length} requests; notification events ${JSON.stringify(await notifications())}`,
    );
  });

  it('watch without reloading: back → the badge says OK until "Reload the tab" in the popup', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { tabId } = await failingTab(url);
    const popup = await openPopup(tabId);
    await clickButton(popup, message('watchStart'));

    const back = await recordWhere(firefox, tabId, (r) => r.watch?.status === 'back', 'the watch to end back', 10_000);
    expect(back.watch).toMatchObject({ reload: false, tries: 1, lastTry: { status: 200 } });
    // Not reloaded: the tab still shows the 502, the badge says the site is back.
    expect(back.incident).toBeDefined();
    await expectBadge(tabId, 'OK');
    await popup.waitForSelector('.watch-back');

    await clickButton(popup, message('watchReloadNow'));
    const reloaded = await recordWhere(
      firefox,
      tabId,
      (r) => !r.incident && r.lastError?.recoveredStatus === 200,
      'the tab to reload',
    );
    expect(reloaded.lastError?.url).toBe(url);
    await expectBadge(tabId, '');
  });

  it('report: the preview has URL without query, status, Cloudflare, ray id, UTC time and Firefox, never a cookie; the query on request', async () => {
    await firefox.closeTabs([(await firefox.openTab(server.url('/set-cookie'))).tabId]);
    const url = server.url('/cf-522?token=secret123&lang=en');
    const { tabId, incident } = await failingTab(url);
    // Positive control: the cookie exists and went with the request.
    expect(server.requests('/cf-522').at(-1)?.cookie).toContain('session=big-and-broken');

    const popup = await openPopup(tabId);
    await click(popup, '.report-preview summary');
    const textarea = '.report-preview textarea';
    const preview = () => popup.$eval(textarea, (e) => (e as HTMLTextAreaElement).value);
    await popup.waitForSelector(textarea, { visible: true });
    const lines = expectReportPreview(await preview(), url, incident.at);
    // Firefox names itself through runtime.getBrowserInfo.
    expect(lines.find((l) => l.startsWith(`${message('reportBrowser')}: `))).toMatch(/: Firefox \d+\.\d/);

    await click(popup, '.report-query input');
    await expect.poll(preview, { timeout: 5000, interval: 25 }).toContain(`${message('reportUrl')}: ${url}\n`);
    expect(await preview()).not.toMatch(/session|big-and-broken/);
  });

  it('look-ups: "Look for a known outage" names the open Cloudflare incident, "Find an archived copy" its date', async () => {
    await useSettings({
      thirdPartyLookups: true,
      endpoints: {
        ...endpoints,
        archive: lookups.archiveTemplate,
        providerStatusPages: { ...endpoints.providerStatusPages, cloudflare: lookups.cloudflareStatusUrl },
      },
    });
    try {
      // A public-looking name: nothing about 127.0.0.1 ever goes to a third party.
      await firefox.overrideDns(LOOKUP_HOST, '127.0.0.1');
      const { tabId, incident } = await failingTab(`http://${LOOKUP_HOST}:${server.port}/cf-522?t=${tag()}`);
      expect(incident.fingerprint.edge).toBe('cloudflare');
      const popup = await openPopup(tabId);
      for (const step of ['status-page', 'archived-copy'] as const) await clickStep(popup, step);
      await waitForSteps(popup, ['status-page', 'archived-copy'], 'done');
      const steps = await readSteps(popup);
      expect(steps['status-page']?.line).toContain(message('statusPageReportsProblem', ['Cloudflare', INCIDENT_NAME]));
      expect(steps['archived-copy']?.line).toContain(message('archivedFound', [SNAPSHOT_DATE]));
      expect(lookups.requests()).toContain('/cf/api/v2/summary.json');
      // Asked for the site's address only: no path (settings.sharePagePath is off), no query.
      expect(lookups.requests()).toContain(
        `/wayback/available?url=${encodeURIComponent(`http://${LOOKUP_HOST}:${server.port}/`)}`,
      );
    } finally {
      await firefox.overrideDns(LOOKUP_HOST, null);
      await useSettings({ endpoints });
    }
  });
});

// Last: it takes away the extension's host access (and gives it back).
describe('Firefox: host access revoked', () => {
  it('a 502 goes unseen; the popup says why, its button asks again, and a reload from it shows the 502', async () => {
    expect(await firefox.revokeHostAccess()).toBe(true);
    // The prompt Firefox would show on the button's request is turned off: the request is granted at once, as
    // if the person clicked "Allow". permissions.request still needs the click's user gesture.
    await firefox.setPref(PERMISSION_PROMPTS_PREF, false);
    try {
      expect(await firefox.hostPermission()).toEqual({ allUrls: false, origins: [] });
      const url = server.url(`/nginx-502?t=${tag()}`);
      const tabId = await firefox.openTabWithoutAccess(url, () =>
        server.requests('/nginx-502').some((r) => r.url.endsWith(new URL(url).search)),
      );
      tabs.add(tabId);
      // webRequest saw nothing of it.
      expect(await firefox.record(tabId)).toBeUndefined();
      expect(await firefox.badgeText(tabId)).toBe('');

      const popup = await openPopup(tabId);
      const notice = await popupText(popup);
      expect(notice).toContain(message('hostAccessTitle'));
      expect(notice).toContain(message('hostAccessBody'));
      await clickButton(popup, message('hostAccessButton'), '.host-access');
      await expect
        .poll(() => firefox.hostPermission(), { timeout: 5000, interval: 25 })
        .toEqual({ allUrls: true, origins: ['<all_urls>'] });
      // The popup follows permissions.onAdded: what it read of the tab is from before, so it asks for a reload…
      await popup.waitForFunction(
        (title) => document.querySelector('.host-access h2')?.textContent === title,
        { timeout: 5000, polling: 20 },
        message('hostAccessGrantedTitle'),
      );
      await clickButton(popup, message('hostAccessReload'), '.host-access');
      // …and starts over once the tab has loaded again: the 502 is seen now, the popup explains it.
      await expectBadge(tabId, '502');
      await popup.waitForSelector('.incident-header', { timeout: 10_000 });
      expect(await popupText(popup)).toContain(message('http502_title'));
    } finally {
      await firefox.setPref(PERMISSION_PROMPTS_PREF, null);
      if (!(await firefox.hostPermission()).allUrls) await firefox.restoreHostAccess();
    }
    // Seen again: the next failure is detected as before.
    const { tabId } = await failingTab(server.url(`/nginx-502?t=${tag()}`));
    await expectBadge(tabId, '502');
  });
});

// Last: everything above ran in the same browser, event page and popup page.
describe('Firefox: console', () => {
  it('reported no script error for the extension during the whole file', async () => {
    expect(await firefox.extensionConsole()).toEqual([]);
  });
});
