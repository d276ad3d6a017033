// Real failures in a real Firefox ESR with the built extension (dist/firefox, a temporary add-on):
// badge, stored record, popup. The same scenario list as Chromium (scenarios.ts).
import { mkdir } from 'node:fs/promises';
import type { Dialog, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type Scenario } from './scenarios';
import { IDLE_TIMEOUT_PREF, launchFirefox, type FirefoxHarness, type LoadedTab } from './support/firefox';
import { MARKUP_PAYLOAD, MARKUP_REQUEST_ID, startFailingServer, type FailingServer } from './support/failing-server';
import { message } from './support/messages';
import { expectNoRawKeys, expectPopup, snapshotPopup, type PopupSnapshot } from './support/popup-checks';
import { waitFor, withDeadline } from './support/wait-for';

const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url);

let firefox: FirefoxHarness;
let server: FailingServer;
let openedTabs: number[] = [];
let counter = 0;
const tag = (): string => `f${++counter}`;

beforeAll(async () => {
  server = await startFailingServer();
  firefox = await launchFirefox();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

// Closing a tab also makes the extension drop its record (tabs.onRemoved).
afterEach(async () => {
  await firefox.closeTabs(openedTabs).catch(() => undefined);
  openedTabs = [];
});

async function openTab(url: string): Promise<LoadedTab> {
  const tab = await firefox.openTab(url);
  openedTabs.push(tab.tabId);
  return tab;
}

const openPopup = (tabId: number): Promise<Page> => firefox.openPopup(tabId);

const readPopup = (popup: Page): Promise<PopupSnapshot> => withDeadline('the popup snapshot', popup.evaluate(snapshotPopup));

/** Firefox resets a tab's badge when it navigates; the extension sets it again: poll for it. */
const expectBadge = (tabId: number, text: string) =>
  expect.poll(() => firefox.badgeText(tabId), { timeout: 5000, interval: 25 }).toBe(text);

/**
 * Ordering barrier for "nothing happened" assertions: a failure in a scratch tab has been fully
 * handled (stored and badged). The event page handles events in the order Firefox dispatches them,
 * so any work an earlier event started has been written by then — without a sleep.
 */
async function barrier(): Promise<number> {
  const scratch = await firefox.openTab(`${server.url('/nginx-502')}?barrier=${tag()}`);
  await expectBadge(scratch.tabId, '502');
  await firefox.closeTabs([scratch.tabId]);
  return scratch.tabId;
}

describe('Firefox: setup', () => {
  it('the temporary add-on holds the <all_urls> host permission (optional in Firefox MV3)', async () => {
    const granted = await firefox.hostPermission();
    console.info(`Firefox host permission of the temporary add-on: ${JSON.stringify(granted)}`);
    // Without it webRequest sees nothing of other sites: every scenario below depends on it.
    expect(granted).toEqual({ allUrls: true, origins: ['<all_urls>'] });
  });
});

describe('Firefox: every scenario', () => {
  const run = (scenario: Scenario) => async () => {
    const url = await scenario.url(server, tag());
    const { tabId } = await openTab(url);

    await expectBadge(tabId, scenario.badge);
    const record = await firefox.record(tabId);
    expect(record?.incident?.url).toBe(url);
    expect(record?.incident?.failure).toMatchObject(scenario.failure);
    const errorName = scenario.error?.firefox;
    if (errorName) expect(record?.incident?.failure).toMatchObject({ error: errorName });

    const popup = await openPopup(tabId);
    expectPopup(await readPopup(popup), scenario.popup());
    // Still there well after the navigation committed (Firefox resets per-tab badges on navigation).
    expect(await firefox.badgeText(tabId)).toBe(scenario.badge);
    if (scenario.screenshot) {
      await popup.screenshot({ path: new URL(`firefox-${scenario.screenshot}.png`, SCREENSHOTS).pathname, fullPage: true });
    }
  };
  for (const scenario of SCENARIOS) {
    // A scenario this browser genuinely cannot do is reported as skipped, with its reason in the name.
    const reason = scenario.skip?.firefox;
    it.skipIf(reason !== undefined)(reason ? `${scenario.name} (${reason})` : scenario.name, run(scenario));
  }
});

describe('Firefox: specific behaviour', () => {
  it('records a 502 with an empty body as HTTP 502, not as a network error', async () => {
    const { tabId } = await openTab(`${server.url('/nginx-502-empty')}?t=${tag()}`);
    await expectBadge(tabId, '502');
    expect((await firefox.record(tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 502 });
  });

  it('clears the badge when the page recovers, and the popup shows the last error', async () => {
    const url = server.url(`/recovers?key=${tag()}&after=1`);
    const { tabId } = await openTab(url);
    await expectBadge(tabId, '502');

    await firefox.reloadTab(tabId);
    await expectBadge(tabId, '');
    const record = await waitFor('the incident to end', async () => {
      const r = await firefox.record(tabId);
      return r && !r.incident ? r : undefined;
    });
    expect(record.lastError).toMatchObject({ url, failure: { type: 'http', status: 502 }, recoveredStatus: 200 });

    const popup = await openPopup(tabId);
    // The status of a healthy load comes from the event page's memory, after the first render.
    const shown = await waitFor('the popup to show the live status', async () => {
      const s = await readPopup(popup);
      return s.text.includes(message('healthyStatus', ['200'])) ? s : undefined;
    });
    expect(shown.title).toBe(message('healthyTitle'));
    expect(shown.text.toLowerCase()).toContain(message('lastErrorHeading').toLowerCase());
    expect(shown.text).toContain(message('lastErrorLine', ['502']).split(' at ')[0]);
    expectNoRawKeys(shown);
    // The extension has handled the reload's load too by now: the badge must still be empty.
    expect(await firefox.badgeText(tabId)).toBe('');
  });

  it('ignores a 5xx inside an iframe', async () => {
    const before = server.requests('/nginx-502').length;
    const { tabId } = await openTab(`${server.url('/frame')}?t=${tag()}`);
    // The tab is complete once its frame has loaded too, 502 and all.
    expect(server.requests('/nginx-502').length).toBe(before + 1);

    await barrier();
    expect(await firefox.badgeText(tabId)).toBe('');
    expect(await firefox.record(tabId)).toBeUndefined();
  });

  it('a page that loads normally costs no storage write', async () => {
    const changes = await firefox.watchStorage();
    const url = `${server.url('/ok')}?t=${tag()}`;
    const { tabId } = await openTab(url);
    // The page really loaded (the checks below would pass vacuously otherwise).
    expect(server.requests('/ok').some((r) => r.url.endsWith(new URL(url).search))).toBe(true);

    const scratchTabId = await barrier();
    expect(await firefox.record(tabId)).toBeUndefined();
    // Nothing at all was written (session or local) before the scratch tab's own first write.
    const written = await changes();
    expect(written).toContain(`session:tab:${scratchTabId}`);
    expect(written.slice(0, written.indexOf(`session:tab:${scratchTabId}`))).toEqual([]);
    expect(await firefox.badgeText(tabId)).toBe('');

    const popup = await openPopup(tabId);
    const shown = await waitFor('the popup to show the live status', async () => {
      const s = await readPopup(popup);
      return s.text.includes(message('healthyStatus', ['200'])) ? s : undefined;
    });
    expect(shown.title).toBe(message('healthyTitle'));
  });

  it('shows the address the browser connected to', async () => {
    const { tabId } = await openTab(`${server.url('/nginx-502')}?t=${tag()}`);
    await expectBadge(tabId, '502');
    await expect.poll(async () => (await firefox.record(tabId))?.incident?.ip).toBe('127.0.0.1');
    const shown = await readPopup(await openPopup(tabId));
    expect(shown.text).toContain(message('connectedIpLabel'));
    expect(shown.text).toContain('127.0.0.1');
  });

  it('keeps a separate badge for each failing tab', async () => {
    const [a, b] = await Promise.all([
      openTab(`${server.url('/nginx-502')}?t=${tag()}`),
      openTab(`${server.url('/cf-522')}?t=${tag()}`),
    ]);
    expect(a.tabId).not.toBe(b.tabId);
    await expectBadge(a.tabId, '502');
    await expectBadge(b.tabId, '522');
    expect((await firefox.record(a.tabId))?.incident?.failure).toMatchObject({ status: 502 });
    expect((await firefox.record(b.tabId))?.incident?.failure).toMatchObject({ status: 522 });
  });

  it('treats a Cloudflare challenge as a bot check: no badge, the popup explains', async () => {
    const url = `${server.url('/challenge')}?t=${tag()}`;
    const { tabId } = await openTab(url);

    await barrier();
    const record = await firefox.record(tabId);
    expect(record?.incident).toBeUndefined();
    expect(record?.challenge).toMatchObject({ url, provider: 'cloudflare', status: 403 });
    expect(await firefox.badgeText(tabId)).toBe('');

    const shown = await readPopup(await openPopup(tabId));
    expect(shown.title).toBe(message('challengeTitle'));
    expect(shown.text).toContain(message('challengeBody', ['Cloudflare']));
  });

  it('shows markup in response headers as text, never as elements', async () => {
    const { tabId } = await openTab(`${server.url('/markup-headers')}?t=${tag()}`);
    await expectBadge(tabId, '502');
    expect((await firefox.record(tabId))?.incident?.headers['x-request-id']).toBe(MARKUP_REQUEST_ID);

    const dialogs: string[] = [];
    const onDialog = (d: Dialog) => {
      dialogs.push(d.message());
      void d.dismiss();
    };
    firefox.popupPage.on('dialog', onDialog);
    const popup = await openPopup(tabId).finally(() => firefox.popupPage.off('dialog', onDialog));
    const shown = await readPopup(popup);
    expect(shown.text).toContain(MARKUP_PAYLOAD);
    expect(shown.injected).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('keeps the incident when the event page is suspended, and detects new failures after it restarts', async () => {
    const first = await openTab(`${server.url('/nginx-502')}?t=${tag()}`);
    await expectBadge(first.tabId, '502');
    // A background-only, in-memory marker: the status of the tab's last load, never stored.
    expect(await firefox.liveStatus(first.tabId)).toMatchObject({ status: 502, url: first.url });

    // Firefox reads the idle timeout when it arms the event page's timer: at start-up, and only once the
    // running timer (armed with the 30 s default) has fired. So: lower it now, suspend this instance the
    // way the timer would, and every instance after that runs with 1 s.
    await firefox.setPref(IDLE_TIMEOUT_PREF, 1000);
    try {
      await firefox.suspendEventPage();
      // Watched from the parent process, which does not wake the event page.
      await waitFor('the event page to be suspended', async () => (await firefox.backgroundState()) === 'stopped');

      expect((await firefox.record(first.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 502 });
      expect(await firefox.badgeText(first.tabId)).toBe('502');
      const shown = await readPopup(await openPopup(first.tabId));
      expect(shown.title).toBe(message('http502_title'));

      // The next navigation's webRequest event has to wake the event page, whose listeners must be there.
      const second = await openTab(`${server.url('/cf-522')}?t=${tag()}`);
      await expectBadge(second.tabId, '522');
      expect((await firefox.record(second.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 522 });
      // The marker is gone: a new instance answered (the first tab's incident above came from storage).
      expect(await firefox.liveStatus(first.tabId)).toEqual({});

      // Now nothing forces it: the new instance suspends by itself once idle for 1 s.
      const idleSince = Date.now();
      await waitFor('the event page to suspend itself when idle', async () => (await firefox.backgroundState()) === 'stopped', {
        timeoutMs: 10_000,
        intervalMs: 100,
      });
      console.info(`Firefox: the event page suspended itself ${Date.now() - idleSince} ms after the last message (idle timeout 1000 ms)`);

      const third = await openTab(`${server.url('/elb-504')}?t=${tag()}`);
      await expectBadge(third.tabId, '504');
      expect((await firefox.record(third.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 504 });
      expect((await firefox.record(second.tabId))?.incident?.failure).toMatchObject({ type: 'http', status: 522 });
      expect(await firefox.badgeText(second.tabId)).toBe('522');
    } finally {
      // Instances started from now on use the 30 s default again.
      await firefox.setPref(IDLE_TIMEOUT_PREF, null);
    }
  });
});

// Last: everything above ran in the same browser, event page and popup page.
describe('Firefox: console', () => {
  it('reported no script error for the extension during the whole file', async () => {
    expect(await firefox.extensionConsole()).toEqual([]);
  });
});
