// Every request the extension makes, in real Firefox ESR, during a full run of every guided step — with the
// default addresses, third-party look-ups off and then on — compared with the README's "hosts contacted"
// table, as hosts-contacted.e2e.ts does in Chromium. Firefox has no request routing for a test to answer the
// real addresses with, so every endpoint setting (each is a setting: that is the README's promise) is sent to
// one local recording server, `http://127.0.0.1:<port>/<host>/<path>`, which notes the host each request was
// meant for and answers as that host would (test/harness/host-stand-ins.ts). The failing site is a
// public-looking name that Firefox's resolver maps to 127.0.0.1. What this cannot see, and the Chromium test
// does: a request to an address that is not a setting (nothing leaves this machine, so it would just fail).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckId } from '../../src/model/checks';
import { DEFAULT_SETTINGS, type Settings } from '../../src/model/settings';
import { launchFirefox, openedTabs, type FirefoxHarness } from '../harness/firefox';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { startRecordingStandIns, type RecordingStandIns } from '../harness/host-stand-ins';
import { startLookupServer, type LookupServer } from '../harness/lookup-servers';
import { message } from '../harness/messages';
import { AUTOMATIC, recordWhere } from '../harness/popup-steps';
import { expectedHosts, readmeHostRows } from '../harness/readme-hosts';

const SITE = { host: 'shop.example.com', domain: 'example.com' };
/** Steps that need the person's click (the automatic ones run through "Check everything"). */
const MANUAL: CheckId[] = ['status-page', 'archived-copy', 'other-locations', 'clear-site-data', 'private-window'];

let firefox: FirefoxHarness;
let server: FailingServer;
let lookups: LookupServer;
let standIns: RecordingStandIns;
let counter = 0;
const log = (line: string): void => console.log(`[firefox-hosts-contacted.e2e] ${line}`);
const tabs = openedTabs(() => firefox);

beforeAll(async () => {
  [server, lookups] = await Promise.all([startFailingServer(), startLookupServer()]);
  standIns = await startRecordingStandIns(lookups);
  firefox = await launchFirefox();
  await firefox.overrideDns(SITE.host, '127.0.0.1');
});

afterAll(async () => {
  await firefox?.close();
  await Promise.all([server?.close(), lookups?.close(), standIns?.close()]);
});

/** Every step in `ids` has a result or waits for the person (the private window asks). */
const settled = (popup: Page, ids: CheckId[], timeout: number) =>
  popup.waitForFunction(
    (ids: string[]) =>
      ids.every((id) =>
        ['done', 'waiting-for-user'].some((s) =>
          document.querySelector(`li[data-step="${id}"]`)?.classList.contains(`step--${s}`),
        ),
      ),
    { timeout, polling: 50 },
    ids,
  );

/** Clicks the first visible element matching `selector` (found in the page: Puppeteer's aria queries are slow over BiDi). */
async function click(popup: Page, selector: string, text?: string): Promise<void> {
  const handle = await popup.waitForFunction(
    (sel: string, t: string | null) =>
      [...document.querySelectorAll<HTMLElement>(sel)].find(
        (e) => e.offsetParent !== null && (t === null || e.textContent?.trim() === t),
      ),
    { timeout: 10_000, polling: 50 },
    selector,
    text ?? null,
  );
  const element = handle.asElement();
  if (!element) throw new Error(`nothing visible matches ${selector}`);
  await (element as unknown as { click(): Promise<void> }).click();
}

/** A Cloudflare 522 from the public-looking site, then every step: "Check everything" and each manual one. */
async function runEveryStep(settings: Partial<Settings>): Promise<Set<string>> {
  await firefox.writeLocal({ settings: { ...settings, endpoints: standIns.through(DEFAULT_SETTINGS.endpoints) } });
  const before = standIns.seen().length;
  const siteBefore = server.requests().length;
  const url = `http://${SITE.host}:${server.port}/cf-522?t=h${++counter}`;
  const { tabId } = await tabs.open(url);
  try {
    await recordWhere(firefox, tabId, (r) => r.incident?.url === url, `the incident of ${url}`);
    const popup = await firefox.openPopup(tabId);
    await click(popup, 'button', message('checkEverything'));
    await settled(popup, [...AUTOMATIC], 20_000);
    for (const step of MANUAL) {
      await click(popup, `li[data-step="${step}"] .step-row button`);
      if (step === 'clear-site-data')
        await click(popup, 'li[data-step="clear-site-data"] .step-confirm button', message('clearWithoutCookies'));
      await settled(popup, [step], 25_000);
    }
  } finally {
    await tabs.closeAll();
  }
  const seen = standIns.seen().slice(before);
  for (const r of seen) log(r.request);
  // The site's own server saw the tab's load and the steps' requests to it (reload, clean request …).
  const siteSeen = server.requests().length - siteBefore;
  log(`the site's server saw ${siteSeen} requests`);
  return new Set([...(siteSeen > 0 ? [SITE.host] : []), ...seen.map((r) => r.host)]);
}

describe("Firefox: the hosts the extension contacts are the README's", () => {
  const rows = readmeHostRows();

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
