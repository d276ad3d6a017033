// "Tell me when it's back", "Copy report" and the two third-party look-ups, end to end in real Chromium
// through the popup's own controls. One launch; every address the extension contacts is on 127.0.0.1.
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TabRecord } from '../../src/model/incident';
import { launchChromium, openedPages, type ChromiumHarness } from '../harness/chromium';
import { VERCEL_CODE, VERCEL_ID, startFailingServer, type FailingServer } from '../harness/failing-server';
import {
  INCIDENT_NAME,
  PROBE_STATUS,
  PROBES,
  SNAPSHOT_DATE,
  lookupEndpoints,
  startLookupServer,
  type LookupServer,
} from '../harness/lookup-servers';
import { message } from '../harness/messages';
import { expectReportPreview, savePopupScreenshot } from '../harness/popup-checks';
import { recordWhere } from '../harness/popup-steps';
import { withDeadline } from '../harness/wait-for';
import type { ChromeApi } from '../harness/chrome-api';

declare const chrome: ChromeApi;

let harness: ChromiumHarness;
let worker: Worker;
let server: FailingServer;
let lookups: LookupServer;
const opened = openedPages();
const log = (line: string): void => console.log(`[watch-report.e2e] ${line}`);
/**
 * Globalping is never asked about loopback addresses (its probes cannot reach them): this public-looking
 * name, which the browser resolves to 127.0.0.1, stands for a real site.
 */
const PUBLIC_HOST = 'shop.example.com';

beforeAll(async () => {
  [server, lookups] = await Promise.all([startFailingServer(), startLookupServer()]);
  harness = await launchChromium({ extraArgs: [`--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`] });
  worker = harness.worker;
  // Fast watch tries; third-party look-ups allowed, all of them (and every other endpoint) local.
  await harness.writeLocal({
    watchTuning: { firstDelayMs: 1000, maxDelayMs: 1000, timeoutMs: 2000 },
    settings: { thirdPartyLookups: true, endpoints: lookupEndpoints(lookups) },
  });
});

afterAll(async () => {
  await harness?.close();
  await Promise.all([server?.close(), lookups?.close()]);
});

afterEach(() => opened.closeAll());

const openTab = (url: string) => opened.track(harness.openTab(url));
const openPopup = (tabId: number): Promise<Page> => opened.track(harness.openPopup(tabId));

const recordOf = (tabId: number, ok: (r: TabRecord) => boolean, what: string, timeoutMs?: number) =>
  recordWhere(harness, tabId, ok, what, timeoutMs);

/** Runs a guided step from its own button and returns its result line once it is done. */
async function runStep(popup: Page, step: string, titleKey: string): Promise<string> {
  await popup.getByRole('button', { name: `${message('runStep')}: ${message(titleKey)}` }).click();
  const item = popup.locator(`li[data-step="${step}"]`);
  await expect.poll(() => item.getAttribute('class'), { timeout: 10_000, interval: 25 }).toMatch(/\bstep--done\b/);
  return (await item.locator('.step-result').textContent()) ?? '';
}

describe('watch-report (Chromium)', () => {
  it('watch: reloads the tab and notifies when the site is back, the worker stopped once between tries', async () => {
    const t0 = Date.now();
    const key = `watch${Date.now()}`;
    const url = server.url(`/recovers?key=${key}&after=3`);
    const tab = await openTab(url);
    await recordOf(tab.tabId, (r) => r.incident?.failure.type === 'http', 'the 502 incident');

    const popup = await openPopup(tab.tabId);
    const reload = popup.getByLabel(message('watchReloadLabel'));
    await reload.check();
    await popup.getByRole('button', { name: message('watchStart') }).click();
    await popup.getByText(message('watchWillReload')).waitFor();

    // After the first try has finished (and while the next is pending) the worker goes away.
    const first = await recordOf(
      tab.tabId,
      (r) =>
        r.watch !== undefined &&
        r.watch.tries >= 1 &&
        r.watch.lastTry !== undefined &&
        r.watch.tryingSince === undefined,
      'the first watch try to finish',
      10_000,
    );
    expect(first.watch).toMatchObject({ status: 'watching', reload: true, lastTry: { status: 502 } });
    await harness.stopServiceWorker();
    const stoppedAt = Date.now();

    const record = await recordOf(
      tab.tabId,
      (r) => r.watch?.status === 'back' && !r.incident && r.lastError !== undefined,
      'the watch to end back and the tab to reload',
      15_000,
    );
    expect(record.watch).toMatchObject({ status: 'back', reload: true, tries: 3, lastTry: { status: 200 } });
    expect(record.incident).toBeUndefined();
    expect(record.lastError).toMatchObject({ url, recoveredStatus: 200 });
    await tab.page.getByRole('heading', { name: 'Back online' }).waitFor();

    // The worker (restarted by the alarm) showed the notification.
    const notifications = await withDeadline(
      'notifications.getAll',
      worker.evaluate(() => chrome.notifications.getAll()),
    );
    expect(Object.keys(notifications)).toContain(`watch:${tab.tabId}`);

    // The page load, three tries (the last one 200), and the reload: nothing more.
    const hits = server.requests('/recovers').filter((r) => r.url.includes(`key=${key}`));
    expect(hits).toHaveLength(5);
    expect(hits.slice(1).some((r) => r.at > stoppedAt)).toBe(true);
    // The popup, still open, follows the reload: the tab is healthy, the 502 is its last error.
    await popup.locator('section.last-error').waitFor();
    log(`watch back after ${Date.now() - t0} ms (${hits.length} requests)`);
  });

  it('report: the preview has URL without query, status, Cloudflare, ray id and UTC time, never a cookie; the query on request', async () => {
    const t0 = Date.now();
    const cookieTab = await openTab(server.url('/set-cookie'));
    await cookieTab.page.close();
    const url = server.url('/cf-522?token=secret123&lang=en');
    const tab = await openTab(url);
    const record = await recordOf(tab.tabId, (r) => r.incident?.failure.type === 'http', 'the 522 incident');
    const incident = record.incident;
    if (!incident) throw new Error('no incident');
    // Positive control: the cookie exists and went with the request.
    expect(server.requests('/cf-522').at(-1)?.cookie).toContain('session=big-and-broken');

    const popup = await openPopup(tab.tabId);
    await popup.getByText(message('reportPreview')).click();
    const textarea = popup.locator('.report-preview textarea');
    await textarea.waitFor();
    expectReportPreview(await textarea.inputValue(), url, incident.at);

    await popup.getByLabel(message('reportKeepQuery')).check();
    await expect
      .poll(() => textarea.inputValue(), { timeout: 5000, interval: 25 })
      .toContain(`${message('reportUrl')}: ${url}\n`);
    expect(await textarea.inputValue()).not.toMatch(/session|big-and-broken/);
    log(`report checked in ${Date.now() - t0} ms`);
  });

  it('status page: "Look for a known outage" names the open Cloudflare incident', async () => {
    const t0 = Date.now();
    const tab = await openTab(server.url('/cf-522?case=status'));
    await recordOf(
      tab.tabId,
      (r) => r.incident?.fingerprint.edge === 'cloudflare',
      'the 522 incident behind Cloudflare',
    );
    const popup = await openPopup(tab.tabId);
    const result = await runStep(popup, 'status-page', 'check_status_page_title');
    expect(result).toContain(message('statusPageReportsProblem', ['Cloudflare', INCIDENT_NAME]));
    expect(lookups.requests()).toContain('/cf/api/v2/summary.json');
    log(`status page read in ${Date.now() - t0} ms`);
  });

  it('archived copy: "Find an archived copy" shows the snapshot date', async () => {
    const t0 = Date.now();
    // A public-looking name: nothing about 127.0.0.1 ever goes to a third party.
    const tab = await openTab(`http://${PUBLIC_HOST}:${server.port}/cf-522?case=archive`);
    await recordOf(tab.tabId, (r) => r.incident !== undefined, 'the 522 incident');
    const popup = await openPopup(tab.tabId);
    const result = await runStep(popup, 'archived-copy', 'check_archived_copy_title');
    expect(result).toContain(message('archivedFound', [SNAPSHOT_DATE]));
    // Asked for the site's address only: no path (settings.sharePagePath is off), no query.
    expect(lookups.requests()).toContain(
      `/wayback/available?url=${encodeURIComponent(`http://${PUBLIC_HOST}:${server.port}/`)}`,
    );
    log(`archive read in ${Date.now() - t0} ms`);
  });

  it('other places: "Check from other places" asks Globalping for the page without its query, and all probes down → "down for everyone"', async () => {
    const t0 = Date.now();
    const url = `http://${PUBLIC_HOST}:${server.port}/nginx-502?case=globalping&token=secret123`;
    const tab = await openTab(url);
    await recordOf(tab.tabId, (r) => r.incident?.url === url, 'the 502 incident on the public-looking name');
    const popup = await openPopup(tab.tabId);
    const result = await runStep(popup, 'other-locations', 'check_other_locations_title');
    expect(result).toContain(message('otherLocationsDown', ['0', String(PROBES.length)]));

    // One measurement: a HEAD of the site's root (the path only if the person allows it, never the query) on its port.
    const created = lookups.measurementsCreated();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      type: 'http',
      target: PUBLIC_HOST,
      measurementOptions: { protocol: 'HTTP', port: server.port, request: { path: '/', method: 'HEAD' } },
    });
    expect(JSON.stringify(created[0])).not.toContain('secret123');
    // Read until finished: the first answer had probes still at work.
    expect(lookups.requests().filter((r) => r.startsWith('/gp/v1/measurements/')).length).toBeGreaterThanOrEqual(2);

    // Each probe's place and status in the evidence; the verdict takes the strongest evidence there is.
    const evidence = (await popup.locator('li[data-step="other-locations"] details.evidence').textContent()) ?? '';
    for (const probe of PROBES)
      expect(evidence).toContain(`${probe.city}, ${probe.country} (${probe.network}) — ${PROBE_STATUS}`);
    await expect
      .poll(() => popup.locator('section.verdict').innerText(), { timeout: 5000, interval: 25 })
      .toContain(message('verdictDownForEveryone'));
    expect(await popup.locator('section.verdict').innerText()).toContain(
      message('verdictEvElsewhereDown', [String(PROBES.length)]),
    );
    await savePopupScreenshot(popup, 'down-for-everyone.png');
    log(`other places read in ${Date.now() - t0} ms`);
  });

  it("the error page's own words and owner mode: the tab's page gives Vercel's code, so does the clean request; \"I run this site\" lists what to check", async () => {
    const t0 = Date.now();
    const tab = await openTab(server.url('/vercel-504'));
    const read = await recordOf(
      tab.tabId,
      (r) => r.incident?.fingerprint.edge === 'vercel' && r.incident.page !== undefined,
      'the 504 behind Vercel, its page read',
    );
    expect(read.incident?.page?.reason).toMatchObject({
      platform: 'vercel',
      code: VERCEL_CODE,
      reference: VERCEL_ID,
      meaningKey: `bodyReason_vercel_${VERCEL_CODE}`,
    });
    const popup = await openPopup(tab.tabId);

    // Read from the tab's own page before any step ran: shown as text, explained in words.
    const said = await popup.locator('section.body-reason').innerText();
    expect(said).toContain(VERCEL_CODE);
    expect(said).toContain(VERCEL_ID);
    expect(said).toContain(message(`bodyReason_vercel_${VERCEL_CODE}`, [VERCEL_CODE]));

    // The clean request keeps its own reading, of a fresh response.
    await runStep(popup, 'clean-request', 'check_clean_request_title');
    const cleaned = await recordOf(
      tab.tabId,
      (r) => r.incident?.checks['clean-request']?.state === 'done',
      'the clean request',
    );
    const step = cleaned.incident?.checks['clean-request'];
    expect(step?.state === 'done' ? step.result.facts : undefined).toMatchObject({
      bodyPlatform: 'vercel',
      bodyCode: VERCEL_CODE,
      bodyReference: VERCEL_ID,
    });

    // Owner mode from the popup itself: saved in the settings, and the checklist names Vercel's timeouts.
    const toggle = popup.getByLabel(message('ownerModeToggle'));
    await toggle.check();
    const checklist = popup.locator('section.owner-checklist');
    await checklist.waitFor();
    const items = await checklist.innerText();
    for (const key of ['owner_vercel_function_logs', 'owner_vercel_timeouts', 'owner_vercel_rollback'])
      expect(items).toContain(message(key));
    const settings = await harness.readLocal('settings');
    expect(settings).toMatchObject({ ownerMode: true, thirdPartyLookups: true });
    await savePopupScreenshot(popup, 'owner-checklist.png');
    await toggle.uncheck();
    await checklist.waitFor({ state: 'detached' });
    log(`error page read and owner checklist shown in ${Date.now() - t0} ms`);
  });
});
