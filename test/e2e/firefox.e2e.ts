// Real failures in a real Firefox ESR with the built extension (dist/firefox, a temporary add-on):
// badge, stored record, popup. The tests Chromium runs too are in shared/failure-tests.ts (the same
// scenario list, scenarios.ts); this file gives them Firefox's harness, plus what only Firefox has.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  defineScenarioTests,
  defineSpecificTests,
  expectBadge,
  expectIncidentSurvivesRestart,
  type BrowserSuite,
} from './shared/failure-tests';
import { IDLE_TIMEOUT_PREF, launchFirefox, openedTabs, type FirefoxHarness, type LoadedTab } from '../harness/firefox';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { dialogsDuring } from '../harness/popup-checks';
import { waitFor } from '../harness/wait-for';

let firefox: FirefoxHarness;
let server: FailingServer;
let counter = 0;
const tabs = openedTabs(() => firefox);

beforeAll(async () => {
  server = await startFailingServer();
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

// Closing a tab also makes the extension drop its record (tabs.onRemoved).
afterEach(() => tabs.closeAll());

const suite: BrowserSuite<LoadedTab> = {
  name: 'firefox',
  extension: () => firefox,
  server: () => server,
  tag: () => `f${++counter}`,
  openTab: (url) => tabs.open(url),
  closeTab: ({ tabId }) => tabs.close(tabId),
  reloadTab: async ({ tabId }) => void (await firefox.reloadTab(tabId)),
  openPopup: (tabId) => firefox.openPopup(tabId),
  // One page shows every popup (test/harness/firefox.ts): its dialogs are the popup's.
  dialogsDuring: (during) => dialogsDuring(firefox.popupPage, during),
  quirks: {
    // The status of a healthy load comes from the event page's memory, after the popup's first render.
    healthyStatusAfterFirstRender: true,
  },
};

describe('Firefox: setup', () => {
  it('the temporary add-on holds the <all_urls> host permission (optional in Firefox MV3)', async () => {
    const granted = await firefox.hostPermission();
    console.info(`Firefox host permission of the temporary add-on: ${JSON.stringify(granted)}`);
    // Without it webRequest sees nothing of other sites: every scenario below depends on it.
    expect(granted).toEqual({ allUrls: true, origins: ['<all_urls>'] });
  });
});

describe('Firefox: every scenario', () => {
  defineScenarioTests(suite);
});

describe('Firefox: specific behaviour', () => {
  defineSpecificTests(suite);

  it('keeps the incident when the event page is suspended, and detects new failures after it restarts', async () => {
    try {
      const { first, second } = await expectIncidentSurvivesRestart(suite, {
        // A background-only, in-memory marker: the status of the tab's last load, never stored. Waited for:
        // the badge is set as the failing response arrives, the status once the load completes (onCompleted),
        // which under load came after the badge check (a run at load 12 failed here at once).
        beforeSuspend: async (first) =>
          void (await waitFor('the first tab’s live status', async () => {
            const live = await firefox.liveStatus(first.tabId);
            return live.status === 502 && live.url === first.url ? live : undefined;
          })),
        async suspend() {
          // Firefox reads the idle timeout when it arms the event page's timer: at start-up, and only once the
          // running timer (armed with the 30 s default) has fired. So: lower it now, suspend this instance the
          // way the timer would, and every instance after that runs with 1 s.
          await firefox.setPref(IDLE_TIMEOUT_PREF, 1000);
          // A real popup closes when focus moves; the reused popup page would stay open, holding the port of
          // its one-way messages (src/popup/background-port.ts), and the event page then failed to stay
          // suspended in 2 of 3 full runs. (The watch test keeps its popup open on purpose.)
          await firefox.popupPage.goto('about:blank');
          await firefox.suspendEventPage();
          // Watched from the parent process, which does not wake the event page.
          await waitFor('the event page to be suspended', async () => (await firefox.backgroundState()) === 'stopped');
        },
      });
      // The marker is gone: a new instance answered (the first tab's incident came from storage).
      expect(await firefox.liveStatus(first.tabId)).toEqual({});

      // Now nothing forces it: the new instance suspends by itself once idle for 1 s.
      const idleSince = Date.now();
      await waitFor(
        'the event page to suspend itself when idle',
        async () => (await firefox.backgroundState()) === 'stopped',
        {
          timeoutMs: 10_000,
          intervalMs: 100,
        },
      );
      console.info(
        `Firefox: the event page suspended itself ${Date.now() - idleSince} ms after the last message (idle timeout 1000 ms)`,
      );

      const third = await suite.openTab(`${server.url('/elb-504')}?t=${suite.tag()}`);
      // Only this response wakes the page: Firefox builds it, then hands it the queued events. That took over
      // the badge poll's 5 s once at load 25, so wait for the record (the page is up) before the badge.
      await waitFor(
        'the woken event page to record the 504',
        async () => (await firefox.record(third.tabId))?.incident,
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      await expectBadge(suite, third.tabId, '504');
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
