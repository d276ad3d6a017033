// Every request the extension makes, in real Chromium, during a full run of every guided step — with the
// default settings (the real third-party addresses), third-party look-ups off and then on — compared with the
// README's "hosts contacted" table (parsed from README.md: the test fails if the code or the table drifts).
// Nothing leaves the machine: Playwright's context routing answers every non-local address with a stand-in
// (the extension's service-worker fetches included), and the failing site is a public-looking name mapped to
// 127.0.0.1. The log is every http(s) request of the extension's worker and of the pages, by host.
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckId } from '../../src/model/checks';
import type { Settings } from '../../src/model/settings';
import { launchChecksChromium, type ChecksBrowser } from '../harness/checks-chromium';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { answerAs } from '../harness/host-stand-ins';
import { startLookupServer, type LookupServer } from '../harness/lookup-servers';
import { message } from '../harness/messages';
import { AUTOMATIC, recordWhere } from '../harness/popup-steps';
import { expectedHosts, readmeHostRows } from '../harness/readme-hosts';

const SITE = { host: 'shop.example.com', domain: 'example.com' };
/** Served by the local servers, never routed. */
const LOCAL = new Set([SITE.host, '127.0.0.1', 'localhost']);
/** Steps that need the person's click (the automatic ones run through "Check everything"). */
const MANUAL: CheckId[] = ['status-page', 'archived-copy', 'other-locations', 'clear-site-data', 'private-window'];

let browser: ChecksBrowser;
let server: FailingServer;
let lookups: LookupServer;
let counter = 0;
const log = (line: string): void => console.log(`[hosts-contacted.e2e] ${line}`);

/** Every http(s) request seen, as host and who made it (the extension's worker, or a page). */
let seen: { host: string; by: 'worker' | 'page'; url: string }[] = [];
const onRequest = (request: Request): void => {
  const url = new URL(request.url());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
  seen.push({
    host: url.hostname,
    by: request.serviceWorker() ? 'worker' : 'page',
    url: `${request.method()} ${url.origin}${url.pathname}`,
  });
};

/** The stand-ins for the internet: each default address answers as its service would (test/harness/host-stand-ins.ts). */
async function standIn(route: Route): Promise<void> {
  const request = route.request();
  const body = request.postData();
  const answer = await answerAs(new URL(request.url()), lookups, {
    method: request.method(),
    ...(body ? { body } : {}),
  });
  await route.fulfill({
    status: answer.status,
    ...(answer.contentType ? { contentType: answer.contentType } : {}),
    headers: { 'access-control-allow-origin': '*' },
    body: answer.body,
  });
}

beforeAll(async () => {
  [server, lookups] = await Promise.all([startFailingServer(), startLookupServer()]);
  browser = await launchChecksChromium([`--host-resolver-rules=MAP ${SITE.host} 127.0.0.1`]);
  await browser.context.route((url) => /^https?:$/.test(url.protocol) && !LOCAL.has(url.hostname), standIn);
  browser.context.on('request', onRequest);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), lookups?.close()]);
});

/** Every step in `ids` has a result or waits for the person (the private window asks, in headless Chromium). */
const settled = (popup: Page, ids: CheckId[], timeout: number) =>
  popup.waitForFunction(
    (ids) =>
      ids.every((id) =>
        ['done', 'waiting-for-user'].some((s) =>
          document.querySelector(`li[data-step="${id}"]`)?.classList.contains(`step--${s}`),
        ),
      ),
    ids,
    { timeout, polling: 100 },
  );

/** A Cloudflare 522 from the public-looking site, then every step: "Check everything" and each manual one. */
async function runEveryStep(settings: Partial<Settings>): Promise<Set<string>> {
  await browser.writeSettings(settings);
  seen = [];
  const url = `http://${SITE.host}:${server.port}/cf-522?t=h${++counter}`;
  const { page, tabId } = await browser.openTab(url);
  try {
    await recordWhere(browser, tabId, (r) => r.incident?.url === url, `the incident of ${url}`);
    const popup = await browser.openPopup(tabId);
    await popup.getByRole('button', { name: message('checkEverything'), exact: true }).click();
    await settled(popup, [...AUTOMATIC], 20_000);
    for (const step of MANUAL) {
      await popup.locator(`li[data-step="${step}"] .step-row button`).click();
      if (step === 'clear-site-data') {
        await popup
          .getByRole('group', { name: message('clearConfirmLabel') })
          .getByRole('button', { name: message('clearWithoutCookies'), exact: true })
          .click();
      }
      await settled(popup, [step], 25_000);
    }
    await popup.close();
  } finally {
    await page.close();
  }
  for (const r of seen) if (!LOCAL.has(r.host)) log(`${r.by}: ${r.url}`);
  return new Set(seen.map((r) => (r.host === '127.0.0.1' ? SITE.host : r.host)));
}

describe("Chromium: the hosts the extension contacts are the README's", () => {
  const rows = readmeHostRows();

  it('the README table lists the site, the connectivity and DNS hosts, and the look-ups', () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => r.site)).toHaveLength(1);
    expect(rows.some((r) => r.thirdParty)).toBe(true);
  });

  it('third-party look-ups off: exactly the hosts of the rows without "only with third-party look-ups on"', async () => {
    const contacted = await runEveryStep({ thirdPartyLookups: false });
    log(`off: contacted ${[...contacted].sort().join(', ')}`);
    expect([...contacted].sort()).toEqual(expectedHosts(rows, SITE, false));
  }, 120_000);

  it("third-party look-ups on: every row's hosts (the status page of the CDN in front only), nothing else", async () => {
    const contacted = await runEveryStep({ thirdPartyLookups: true });
    log(`on: contacted ${[...contacted].sort().join(', ')}`);
    expect([...contacted].sort()).toEqual(expectedHosts(rows, SITE, true));
  }, 120_000);
});
