// The guided steps are a second file that the background loads the first time a step is asked for
// (src/background/steps-loader.ts). Chromium lets a classic service worker importScripts() a file later only
// if it imported it while installing: these tests fail the day a step cannot load after the worker was
// stopped, after a browser restart, or after the extension was updated (reloaded). Real Chromium.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckState } from '../../src/model/checks';
import { STEPS_FILE, STEPS_GLOBAL } from '../../src/background/steps-contract';
import { extensionPageUrl, launchExtension, stopExtensionWorker, type LaunchedExtension } from '../harness/chromium';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { waitFor, withDeadline } from '../harness/wait-for';
import type { ChromeApi } from '../harness/chrome-api';
import { message } from '../harness/messages';
import { recordOf, recordedFailingTab } from '../harness/chromium-records';

declare const chrome: ChromeApi;

let server: FailingServer;
let profileRoot: string;
let launched: LaunchedExtension | undefined;
let count = 0;

beforeAll(async () => {
  server = await startFailingServer();
  profileRoot = await mkdtemp(join(tmpdir(), 'epe-steps-on-demand-'));
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
  await rm(profileRoot, { recursive: true, force: true });
});

/** Whether this worker instance has evaluated the steps file (it publishes them on globalThis). */
const stepsLoadedIn = (worker: Worker) =>
  withDeadline(
    'read the worker',
    worker.evaluate((name) => (globalThis as Record<string, unknown>)[name] !== undefined, STEPS_GLOBAL),
  );

/** An extension page to talk from: reading storage there never wakes the worker. */
async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionPageUrl(extensionId, 'options.html'));
  return page;
}

/** A tab on a 502 page, and its tab id once the extension has recorded the failure. */
const failingTab = async (context: BrowserContext, from: Page): Promise<number> =>
  (await recordedFailingTab(context, from, server.url(`/nginx-502?on-demand=${++count}`))).tabId;

/**
 * A fresh browser that may load an unpacked extension over CDP, then an update: the installed folder with the
 * manifest's version set to `version` and the steps file rewritten by `steps`, loaded again (loading the same
 * folder again is an update). Gives the updated worker.
 */
async function installUpdate(
  version: string,
  steps: (current: string) => string,
): Promise<{ context: BrowserContext; extensionId: string; worker: Worker }> {
  await launched?.close();
  launched = await launchExtension({ profileRoot, extraArgs: ['--enable-unsafe-extension-debugging'] });
  const { context, extensionId } = launched;
  const folder = join(profileRoot, 'extension');
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { version: string };
  await writeFile(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  const stepsPath = join(folder, STEPS_FILE);
  await writeFile(stepsPath, steps(await readFile(stepsPath, 'utf8')));
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked', { path: folder });
  const worker = await waitFor('the updated worker', async () => {
    for (const w of context.serviceWorkers())
      if ((await w.evaluate(() => chrome.runtime.getManifest().version).catch(() => '')) === version) return w;
  });
  return { context, extensionId, worker };
}

/** Asks for the clean request, as the popup does, and waits for its result in the tab's record. */
async function runCleanRequest(from: Page, tabId: number): Promise<CheckState> {
  await from.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'run-check', tabId: id, checkId: 'clean-request' }),
    tabId,
  );
  return waitFor(
    'the clean request to end',
    async () => {
      const state = (await recordOf(from, tabId))?.incident?.checks['clean-request'];
      return state?.state === 'done' ? state : undefined;
    },
    { timeoutMs: 15_000 },
  );
}

// The page answers 502 again without cookies: the step ran for real (one whose file failed to load ends
// inconclusive, `stepsNotLoaded`).
const sameError = { state: 'done', result: { outcome: 'fail', summary: 'cleanRequestSameError' } };

describe('Chromium: the guided steps, loaded on demand', () => {
  it('a restarted worker handles a failure without them, then loads them for a step, also when asked cold', async () => {
    launched = await launchExtension({ profileRoot });
    const { context, extensionId, worker } = launched;
    // Installing imported the file once (the one moment a classic worker may import a new script).
    expect(await stepsLoadedIn(worker)).toBe(true);
    const from = await extensionPage(context, extensionId);
    await stopExtensionWorker(context, from, extensionId);

    // The failing navigation starts the worker again: it records it without evaluating the steps.
    const tabId = await failingTab(context, from);
    expect(await stepsLoadedIn(worker)).toBe(false);
    expect(await runCleanRequest(from, tabId)).toMatchObject(sameError);
    expect(await stepsLoadedIn(worker)).toBe(true);

    // A step asked for while the worker is stopped: the message starts it and the step loads and runs.
    await stopExtensionWorker(context, from, extensionId);
    const cold = await failingTab(context, from);
    await stopExtensionWorker(context, from, extensionId);
    expect(await runCleanRequest(from, cold)).toMatchObject(sameError);
  });

  it(
    'after a browser restart on the same profile, a stopped worker still loads them',
    async () => {
      // A browser that ran on this profile before (the first test's, or one launched here), closed.
      await (launched ?? (await launchExtension({ profileRoot }))).close();
      launched = await launchExtension({ profileRoot });
      const { context, extensionId } = launched;
      const from = await extensionPage(context, extensionId);
      await stopExtensionWorker(context, from, extensionId);
      const tabId = await failingTab(context, from);
      expect(await stepsLoadedIn(launched.worker)).toBe(false);
      expect(await runCleanRequest(from, tabId)).toMatchObject(sameError);
    },
    2 * 60_000,
  );

  it('after an update (the new version installs again), a stopped worker loads the new steps file', async () => {
    // The new version's steps file says which it is (a stale copy from the old version would not).
    const { context, extensionId, worker } = await installUpdate(
      '99.0.0',
      (steps) => `globalThis.stepsVersion = '99.0.0';\n${steps}`,
    );
    const from = await extensionPage(context, extensionId);
    await stopExtensionWorker(context, from, extensionId);
    const tabId = await failingTab(context, from);
    expect(await stepsLoadedIn(worker)).toBe(false);
    expect(await runCleanRequest(from, tabId)).toMatchObject(sameError);
    expect(await worker.evaluate(() => (globalThis as Record<string, unknown>).stepsVersion)).toBe('99.0.0');
  });

  it('a steps file that does not load: the step asked for ends as inconclusive, and the popup says why', async () => {
    // A broken update: its steps file throws when evaluated (as a truncated or corrupted file would).
    const { context, extensionId } = await installUpdate('99.0.1', () => `throw new Error('a broken steps file');\n`);
    const from = await extensionPage(context, extensionId);
    const tabId = await failingTab(context, from);
    expect(await runCleanRequest(from, tabId)).toMatchObject({
      state: 'done',
      result: { outcome: 'inconclusive', summary: 'stepsNotLoaded' },
    });
    const popup = await context.newPage();
    await popup.goto(extensionPageUrl(extensionId, `popup.html?tab=${tabId}`));
    await popup.getByText(message('stepsNotLoaded')).waitFor();
  });
});
