// Issue #6, "browser restart → session state gone by design, history (if on) kept": the same profile
// launched twice in real Chromium. Incidents live in storage.session (memory only); the local history
// keeps the site, the code and the time, and the popup of that site says so after the restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionPageUrl, launchChromium, type ChromiumHarness } from '../harness/chromium';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { message } from '../harness/messages';
import { waitFor, withDeadline } from '../harness/wait-for';
import type { ChromeApi } from '../harness/chrome-api';

declare const chrome: ChromeApi;

let server: FailingServer;
let profileRoot: string;
let browser: ChromiumHarness | undefined;

beforeAll(async () => {
  server = await startFailingServer();
  profileRoot = await mkdtemp(join(tmpdir(), 'epe-restart-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(profileRoot, { recursive: true, force: true });
});

/** Reads both storage areas from one extension page of the running browser (opened once per launch). */
async function storageReader(
  harness: ChromiumHarness,
): Promise<() => Promise<{ session: Record<string, unknown>; history: unknown }>> {
  const page = await harness.context.newPage();
  await page.goto(extensionPageUrl(harness.extensionId, 'options.html'));
  return () =>
    withDeadline(
      'storage',
      page.evaluate(async () => ({
        session: await chrome.storage.session.get(null),
        history: (await chrome.storage.local.get('history')).history,
      })),
    );
}

// Two browser launches inside one test: each may take what a launch in a hook may (hookTimeout, 60 s);
// under a loaded 2-core machine one launch alone took 7-8 s, and the whole test sat at the 30 s default.
const TWO_LAUNCHES_MS = 2 * 60_000;

describe('Chromium: a browser restart', () => {
  it(
    'drops every incident (storage.session) and keeps the history, which the popup shows for the site',
    async () => {
      browser = await launchChromium({ profileRoot });
      const firstId = browser.extensionId;
      const url = server.url('/nginx-502?restart=1');
      const { tabId } = await browser.openTab(url);
      await waitFor('the incident', async () => (await browser!.record(tabId))?.incident?.url === url);
      const readBefore = await storageReader(browser);
      const before = await waitFor('the failure in the history', async () => {
        const s = await readBefore();
        return Array.isArray(s.history) && s.history.length > 0 ? s : undefined;
      });
      expect(Object.keys(before.session)).toContain(`tab:${tabId}`);
      await browser.close();

      browser = await launchChromium({ profileRoot });
      // The same extension (Chromium derives an unpacked extension's id from its path).
      expect(browser.extensionId).toBe(firstId);
      const after = await (await storageReader(browser))();
      expect(Object.keys(after.session).filter((k) => k.startsWith('tab:'))).toEqual([]);
      expect(after.history).toEqual(before.history);
      expect(after.history).toEqual([
        expect.objectContaining({ site: server.origin, failure: expect.objectContaining({ status: 502 }) }),
      ]);

      // The site loads now: the popup is calm and remembers today's failure.
      const healthy = await browser.openTab(server.url('/ok'));
      expect(await browser.badgeText(healthy.tabId)).toBe('');
      const popup = await browser.openPopup(healthy.tabId);
      const line = await popup.locator('.history-line').innerText();
      expect(line).toMatch(
        new RegExp(`^${message('historyLineOnce', ['502', 'TIME']).replace(/[.()]/g, '\\$&').replace('TIME', '.+')}$`),
      );
    },
    TWO_LAUNCHES_MS,
  );
});
