// Issue #3 end to end in real Chromium: the guided steps and the verdict, driven through the popup
// (`popup.html?tab=<id>`), with every probe endpoint on 127.0.0.1 (./support/probe-servers.ts).
// Results are read both from the popup's DOM and from the tab's record in storage.session.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decideVerdict } from '../../src/knowledge/verdict';
import type { CheckId } from '../../src/model/checks';
import type { Incident } from '../../src/model/incident';
import type { Endpoints, Settings } from '../../src/model/settings';
import { launchChecksChromium, type ChecksBrowser } from './support/checks-chromium';
import { closedPortUrl, startFailingServer, type FailingServer } from './support/failing-server';
import { message } from './support/messages';
import { expectNoRawKeys, snapshotPopup } from './support/popup-checks';
import {
  AUTOMATIC, STALE_HOST, STALE_PUBLIC_IP, doneResult as doneResultOf, incidentOf, readStepsInPage, readVerdictInPage, stepState as stepStateOf, stepsInStateInPage,
} from './support/popup-steps';
import { localEndpoints, offlineEndpoints, startProbeServers, type ProbeServers } from './support/probe-servers';
import { waitFor, withDeadline } from './support/wait-for';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

let browser: ChecksBrowser;
let server: FailingServer;
let probes: ProbeServers;
let endpoints: Endpoints;
let opened: Page[] = [];
let counter = 0;
const tag = (): string => `k${++counter}`;

beforeAll(async () => {
  [server, probes] = await Promise.all([startFailingServer(), startProbeServers()]);
  probes.setDohAddress(STALE_HOST, STALE_PUBLIC_IP);
  browser = await launchChecksChromium([`--host-resolver-rules=MAP ${STALE_HOST} 127.0.0.1`]);
  await mkdir(SCREENSHOTS, { recursive: true });
  // Before any scenario, from the service worker: every probe on the local servers.
  endpoints = localEndpoints(probes);
  await browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), { endpoints } as Record<string, unknown>);
  expect(await readSettings()).toEqual({ endpoints });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), probes?.close()]);
});

afterEach(async () => {
  const pages = opened;
  opened = [];
  // Closing a tab also makes the extension drop its record. A close that hangs is named, not a bare hook timeout.
  await Promise.all(pages.map((p) => withDeadline(`closing ${p.url()}`, p.close(), 15_000).catch((e: unknown) => {
    if (e instanceof Error && e.message.startsWith('Timed out')) throw e;
  })));
});

declare const chrome: { storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } } };

const readSettings = () => withDeadline('settings read', browser.worker.evaluate(() => chrome.storage.local.get('settings').then((i) => i.settings)));

const useSettings = (settings: Partial<Settings>): Promise<void> => browser.writeSettings(settings);

// ---- the tab and its record ------------------------------------------------------------------------

/** Opens `url` in a fresh tab and waits until the extension stored the incident. */
async function failingTab(url: string): Promise<{ page: Page; tabId: number; incident: Incident }> {
  const { page, tabId } = await browser.openTab(url);
  opened.push(page);
  const incident = await waitFor(`the incident of ${url}`, async () => {
    const r = await browser.record(tabId);
    return r?.incident?.url === url ? r.incident : undefined;
  });
  return { page, tabId, incident };
}

const stepState = (tabId: number, incidentId: string, step: CheckId) => stepStateOf(browser, tabId, incidentId, step);
const doneResult = (tabId: number, incidentId: string, step: CheckId, timeoutMs?: number) => doneResultOf(browser, tabId, incidentId, step, timeoutMs);

// ---- the popup ---------------------------------------------------------------------------------------

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.openPopup(tabId);
  opened.push(popup);
  return popup;
}

const readSteps = (popup: Page) => withDeadline('the popup steps', popup.evaluate(readStepsInPage));

const readVerdict = (popup: Page) => withDeadline('the popup verdict', popup.evaluate(readVerdictInPage));

/** Waits in the popup until every given step is in `state` (checked on each animation frame). */
async function waitForSteps(popup: Page, ids: readonly CheckId[], state: string, timeoutMs = 8000): Promise<void> {
  await popup.waitForFunction(stepsInStateInPage, { ids: [...ids], want: state }, { timeout: timeoutMs, polling: 'raf' });
}

const stepButton = (popup: Page, step: CheckId) => popup.locator(`li[data-step="${step}"] .step-row button`);
const clickCheckEverything = (popup: Page) => popup.getByRole('button', { name: message('checkEverything'), exact: true }).click();

async function screenshot(popup: Page, name: string): Promise<void> {
  await popup.screenshot({ path: new URL(`chromium-verdict-${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

// ---- the scenarios -----------------------------------------------------------------------------------

describe('Chromium: guided steps and the verdict (issue #3)', () => {
  it('1. a passing 502: the reload step fixes it and the verdict is "fixed"', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { tabId, incident } = await failingTab(url);
    expect(incident.failure).toMatchObject({ type: 'http', status: 502 });

    const popup = await openPopup(tabId);
    await stepButton(popup, 'reload').click();

    const result = await doneResult(tabId, incident.id, 'reload');
    expect(result).toMatchObject({ outcome: 'fixed', summary: 'reloadFixed', summaryArgs: ['200'] });
    const record = await browser.record(tabId);
    expect(record?.incident).toBeUndefined();
    expect(record?.lastError).toMatchObject({ id: incident.id, recoveredStatus: 200 });
    const fixed = decideVerdict(record!.lastError!);
    expect(fixed).toMatchObject({ side: 'fixed', confidence: 'strong' });
    console.log(`[checks.e2e] scenario 1: verdict on the ended incident = ${fixed.headlineKey}`);

    // The popup follows the record: the page is healthy now, the last error stays visible.
    await popup.locator('h1.title', { hasText: message('healthyTitle') }).waitFor();
    const shown = await popup.evaluate(snapshotPopup);
    expect(shown.text.toLowerCase()).toContain(message('lastErrorHeading').toLowerCase());
    expectNoRawKeys(shown);
    await screenshot(popup, 'fixed-by-reload');
  });

  it('2. a 502 caused by a cookie: clean request works → "stored data"; clearing with cookies fixes it and spares other sites', async () => {
    const id = tag();
    const { page, tabId } = await browser.openTab(server.url(`/set-cookie?t=${id}`));
    opened.push(page);
    // Another site's cookie (cookies ignore ports, so another host name): it must survive the clearing.
    const other = await browser.openTab(`http://localhost:${server.port}/set-cookie?t=${id}`);
    opened.push(other.page);
    const cookiesBefore = await browser.cookies();
    expect(cookiesBefore).toEqual(expect.arrayContaining([
      expect.objectContaining({ domain: '127.0.0.1', name: 'session' }),
      expect.objectContaining({ domain: 'localhost', name: 'session' }),
    ]));

    const url = server.url(`/cookie-502?t=${id}`);
    await browser.navigate(page, tabId, url);
    const incident = await waitFor('the cookie 502', async () => {
      const r = await browser.record(tabId);
      return r?.incident?.url === url ? r.incident : undefined;
    });
    expect(incident.failure).toMatchObject({ type: 'http', status: 502 });

    const popup = await openPopup(tabId);
    await clickCheckEverything(popup);
    await waitForSteps(popup, AUTOMATIC, 'done');

    expect(await doneResult(tabId, incident.id, 'clean-request')).toMatchObject({ outcome: 'pass', summary: 'cleanRequestOk', facts: { reachable: true, status: 200 } });
    expect(await doneResult(tabId, incident.id, 'reload')).toMatchObject({ outcome: 'still-failing', summary: 'reloadSameError' });
    const steps = await readSteps(popup);
    expect(steps['clean-request']).toMatchObject({ state: 'done', outcome: 'pass', line: expect.stringContaining(message('cleanRequestOk', ['200'])) });
    expect(steps.reload).toMatchObject({ state: 'done', outcome: 'still-failing' });

    const stored = decideVerdict((await browser.record(tabId))!.incident!);
    expect(stored).toMatchObject({ side: 'browser-data', confidence: 'strong', nextStep: 'clear-site-data' });
    const verdict = await readVerdict(popup);
    expect(verdict).toMatchObject({ side: 'browser-data', confidence: 'strong', headline: message('verdictBrowserData') });
    expect(verdict?.text).toContain(message('verdictEvCleanOk', ['200']));
    // The chain agrees with the verdict: broken at this browser, every hop past it answered.
    const chain = await popup.locator('.chain .hop').evaluateAll((lis) => lis.map((li) => li.className));
    expect(chain).toEqual(['hop hop--failed', 'hop hop--ok', 'hop hop--ok', 'hop hop--ok']);
    expectNoRawKeys(await popup.evaluate(snapshotPopup));
    await screenshot(popup, 'stored-data');

    // Clearing asks first; only "including cookies" removes them.
    await stepButton(popup, 'clear-site-data').click();
    const confirm = popup.getByRole('group', { name: message('clearConfirmLabel') });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(message('clearConfirmText', ['127.0.0.1']));
    await confirm.getByRole('button', { name: message('clearWithCookies'), exact: true }).click();

    const cleared = await doneResult(tabId, incident.id, 'clear-site-data', 15_000);
    expect(cleared).toMatchObject({ outcome: 'fixed', summary: 'clearSiteDataFixed', summaryArgs: ['200'], facts: { cookiesCleared: true, signOutDataCleared: true } });
    expect(cleared.evidence).toEqual(expect.arrayContaining([
      { label: 'siteDataCleared_cookies', value: '' },
      { label: 'evidenceCookiesRemoved', value: '1' },
    ]));
    const record = await browser.record(tabId);
    expect(record?.incident).toBeUndefined();
    const fixed = decideVerdict(record!.lastError!);
    expect(fixed).toMatchObject({ side: 'fixed' });
    console.log(`[checks.e2e] scenario 2: verdict on the ended incident = ${fixed.headlineKey}`);
    await popup.locator('h1.title', { hasText: message('healthyTitle') }).waitFor();

    const cookiesAfter = await browser.cookies();
    expect(cookiesAfter.filter((c) => c.domain === '127.0.0.1')).toEqual([]);
    expect(cookiesAfter).toContainEqual(expect.objectContaining({ domain: 'localhost', name: 'session', value: 'big-and-broken' }));
  });

  it('3. connection refused, connection fine: "the site\'s server does not answer"', async () => {
    const url = `${await closedPortUrl('/')}?t=${tag()}`;
    const { tabId, incident } = await failingTab(url);
    expect(incident.failure).toMatchObject({ type: 'network', kind: 'refused' });

    const popup = await openPopup(tabId);
    await clickCheckEverything(popup);
    await waitForSteps(popup, AUTOMATIC, 'done');

    expect(await doneResult(tabId, incident.id, 'network')).toMatchObject({ outcome: 'pass', summary: 'networkOkSiteSilent', facts: { connectivity: 'ok', siteReachable: false } });
    expect(await doneResult(tabId, incident.id, 'clean-request')).toMatchObject({ outcome: 'fail', facts: { reachable: false } });
    expect(await doneResult(tabId, incident.id, 'dns')).toMatchObject({ outcome: 'skipped', summary: 'dnsSkippedIp' });
    expect(decideVerdict((await browser.record(tabId))!.incident!)).toMatchObject({ side: 'site', headlineKey: 'verdictSiteUnreachable', confidence: 'strong' });
    const verdict = await readVerdict(popup);
    expect(verdict).toMatchObject({ side: 'site', confidence: 'strong', headline: message('verdictSiteUnreachable') });
    expect(verdict?.text).toContain(message('verdictEvConnectivityOk'));
    expectNoRawKeys(await popup.evaluate(snapshotPopup));
    await screenshot(popup, 'site-unreachable');
  });

  it('4. connectivity endpoints fail (closed port, black hole): "your connection"', async () => {
    await useSettings({ endpoints: await offlineEndpoints(probes, endpoints) });
    try {
      const { tabId, incident } = await failingTab(server.url(`/nginx-502?t=${tag()}`));
      const popup = await openPopup(tabId);
      const holeBefore = probes.blackHoleConnections();
      await clickCheckEverything(popup);
      // The black-holed probe waits for its own time limit (4 s).
      await waitForSteps(popup, AUTOMATIC, 'done', 10_000);
      expect(probes.blackHoleConnections()).toBeGreaterThan(holeBefore);

      expect(await doneResult(tabId, incident.id, 'network')).toMatchObject({ outcome: 'fail', summary: 'networkNoInternet', facts: { connectivity: 'none', captivePortal: false } });
      expect(decideVerdict((await browser.record(tabId))!.incident!)).toMatchObject({ side: 'network', headlineKey: 'verdictOffline' });
      expect(await readVerdict(popup)).toMatchObject({ side: 'network', headline: message('verdictOffline') });
    } finally {
      await useSettings({ endpoints });
    }
  });

  it('5. the browser connected to an address DNS no longer gives: stale DNS', async () => {
    const url = `http://${STALE_HOST}:${server.port}/nginx-502?t=${tag()}`;
    const { tabId, incident } = await failingTab(url);
    expect(incident.failure).toMatchObject({ type: 'http', status: 502 });
    // The DNS step compares with the address the browser used: it must have been recorded.
    await waitFor('the connected IP in the incident', async () => (await browser.record(tabId))?.incident?.ip === '127.0.0.1', { timeoutMs: 3000 });

    const popup = await openPopup(tabId);
    await clickCheckEverything(popup);
    await waitForSteps(popup, AUTOMATIC, 'done');

    expect(probes.dohQuestions()).toContain(`${STALE_HOST}/A`);
    const dns = await doneResult(tabId, incident.id, 'dns');
    expect(dns).toMatchObject({ outcome: 'fail', summary: 'dnsStale', summaryArgs: ['127.0.0.1', STALE_PUBLIC_IP], facts: { dns: 'stale' } });
    expect(decideVerdict((await browser.record(tabId))!.incident!)).toMatchObject({ side: 'dns', headlineKey: 'verdictDnsStale' });
    expect(await readVerdict(popup)).toMatchObject({ side: 'dns', headline: message('verdictDnsStale') });
    expect((await readSteps(popup)).dns).toMatchObject({ state: 'done', outcome: 'fail', line: expect.stringContaining(message('dnsStale', ['127.0.0.1', STALE_PUBLIC_IP])) });
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
      expect(await doneResult(tabId, incident.id, 'reload')).toMatchObject({ outcome: 'still-failing', summary: 'reloadSameError', summaryArgs: ['502'] });
      expect((await readSteps(again)).reload).toMatchObject({ state: 'done', outcome: 'still-failing', line: expect.stringContaining(message('reloadSameError', ['502'])) });
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
      const lastDeadline = Math.max(...wasRunning.map((id) => { const s = atStop[id]; return s?.state === 'running' ? s.deadline : 0; }));

      // Nothing wakes the worker while the gate holds: the popup itself stops the spinners past their deadline.
      await waitForSteps(popup, wasRunning, 'interrupted', lastDeadline - Date.now() + 5000);
      const steps = await readSteps(popup);
      for (const id of wasRunning) expect(steps[id]?.line, id).toBe(message('stepInterrupted'));
      for (const id of AUTOMATIC) expect(['done', 'interrupted'], `${id}: ${steps[id]?.state}`).toContain(steps[id]?.state);
      expect(Object.entries(steps).filter(([, s]) => s.state === 'running')).toEqual([]);
      const now = incidentOf(await browser.record(tabId), incident.id)?.checks ?? {};
      console.log(`[checks.e2e] worker stopped with ${wasRunning.join(', ')} running; storage now says ${wasRunning.map((id) => `${id}=${now[id]?.state}`).join(', ')}; the popup shows them interrupted`);

      // Run it again (endpoints that answer this time): the message wakes the worker, the step completes.
      probes.releaseGate(key);
      await useSettings({ endpoints });
      const button = stepButton(popup, 'network');
      expect(await button.innerText()).toBe(message('runAgain'));
      await button.click();
      await waitForSteps(popup, ['network'], 'done', 8000);
      expect(await doneResult(tabId, incident.id, 'network')).toMatchObject({ outcome: 'pass', facts: { connectivity: 'ok' } });
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
    const times: number[] = [];
    const slowest: string[] = [];
    for (let run = 0; run < 5; run++) {
      const { tabId, page } = await failingTab(server.url(`/nginx-502?t=${tag()}`));
      const popup = await openPopup(tabId);
      const button = popup.getByRole('button', { name: message('checkEverything'), exact: true });
      await button.waitFor();
      const started = Date.now();
      await button.click();
      await waitForSteps(popup, AUTOMATIC, 'done', 10_000);
      times.push(Date.now() - started);
      const incident = (await browser.record(tabId))!.incident!;
      expect(decideVerdict(incident)).toMatchObject({ side: 'site', headlineKey: 'verdictSiteError' });
      expect(await readVerdict(popup)).toMatchObject({ side: 'site', headline: message('verdictSiteError') });
      const durations = AUTOMATIC.map((id) => {
        const state = incident.checks[id];
        return [id, state?.state === 'done' ? state.result.durationMs : -1] as const;
      }).sort((a, b) => b[1] - a[1]);
      slowest.push(`${durations[0]![0]} ${durations[0]![1]} ms`);
      await popup.close();
      await page.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`[checks.e2e] time to verdict (click → all automatic steps done), ${times.length} runs: median ${median} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms; runs ${times.join(', ')} ms; slowest step per run (its own duration): ${slowest.join(', ')}`);
    expect(median).toBeLessThan(5000);
    expect(sorted.at(-1)).toBeLessThan(5000);
  }, 90_000);

  it('9. private window (manual in headless Chromium): the question appears, "It loaded" changes result and verdict', async () => {
    const allowed = await browser.allowedInIncognito();
    const id = tag();
    const { tabId, incident } = await failingTab(server.url(`/nginx-502?t=${id}`));
    const loadsOfPage = () => server.requests('/nginx-502').filter((r) => r.url.endsWith(`?t=${id}`)).length;
    expect(loadsOfPage()).toBe(1);
    const popup = await openPopup(tabId);
    expect(decideVerdict(incident).side).toBe('unknown');

    await stepButton(popup, 'private-window').click();
    await waitForSteps(popup, ['private-window'], 'waiting-for-user', 15_000);
    const waiting = await stepState(tabId, incident.id, 'private-window');
    expect(waiting?.state).toBe('waiting-for-user');
    const prompt = waiting?.state === 'waiting-for-user' ? waiting.prompt : '';
    console.log(`[checks.e2e] private window: allowed in incognito = ${allowed}; the step asked '${prompt}'; incognito windows the extension can see: ${await browser.incognitoWindows()}`);
    // Unpacked, so not allowed in incognito: Chrome opens the window but windows.create resolves with
    // nothing and the extension never sees its tab, so the person is asked.
    expect(allowed).toBe(false);
    expect(prompt).toBe('privateWindowAsk');
    // The window really opened (the extension just cannot see into it): the page was requested again.
    await waitFor('the private window to request the page', () => loadsOfPage() === 2, { timeoutMs: 3000 });
    const question = popup.getByRole('group', { name: message(prompt) });
    await question.waitFor();

    await question.getByRole('button', { name: message('answerLoaded'), exact: true }).click();
    await waitForSteps(popup, ['private-window'], 'done', 5000);
    expect(await doneResult(tabId, incident.id, 'private-window')).toMatchObject({ outcome: 'pass', summary: 'privateWindowLoaded', facts: { privateLoaded: true, observed: false } });
    expect((await readSteps(popup))['private-window']).toMatchObject({ outcome: 'pass', line: expect.stringContaining(message('privateWindowLoaded')) });
    expect(decideVerdict((await browser.record(tabId))!.incident!)).toMatchObject({ side: 'browser-data', headlineKey: 'verdictBrowserData' });
    const verdict = await readVerdict(popup);
    expect(verdict).toMatchObject({ side: 'browser-data', headline: message('verdictBrowserData') });
    expect(verdict?.text).toContain(message('verdictEvPrivateLoaded'));
  });
});
