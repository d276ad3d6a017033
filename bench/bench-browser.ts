// Launches Debian's Chromium for the bench, with or without the built extension, following the recipe
// in docs/testing.md (the e2e harness's launchChromium() takes no extra flags; the bench needs a
// host-resolver rule so the DNS step has a public-looking name to look up, and a browser without the
// extension as the baseline).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/support/chromium';
import { waitFor } from '../test/e2e/support/wait-for';
import { CHROME_DIST } from './bundle-size';
import type { ChromeApi } from './chrome-api';

declare const chrome: ChromeApi;

/** Names under this suffix resolve to 127.0.0.1 in the bench browser (and look public to the DNS step). */
export const BENCH_DOMAIN = 'bench.example';

const COMMON_ARGS = [...CHROMIUM_ARGS, `--host-resolver-rules=MAP *.${BENCH_DOMAIN} 127.0.0.1`];

export interface BenchBrowser {
  context: BrowserContext;
  /** Only with the extension. */
  worker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

export interface ExtensionBrowser extends BenchBrowser {
  worker: Worker;
  extensionId: string;
}

export interface LaunchOptions {
  args?: string[];
  /** The built extension to load (default dist/chrome; the bench loads a private copy). */
  dist?: string;
}

export async function launchBench(options: LaunchOptions & { extension: true }): Promise<ExtensionBrowser>;
export async function launchBench(options: LaunchOptions & { extension: false }): Promise<BenchBrowser>;
export async function launchBench({ extension, args = [], dist = CHROME_DIST }: LaunchOptions & { extension: boolean }): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'epe-bench-'));
  const extensionArgs = extension ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [...extensionArgs, ...COMMON_ARGS, ...args],
      viewport: { width: 1000, height: 700 },
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  if (!extension) return { context, close };

  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // TESTING.md race: wait until the worker's top-level listeners exist, then one API round trip.
  await waitFor('webRequest listeners registered', () => worker.evaluate(() => chrome.webRequest.onCompleted.hasListeners()));
  await worker.evaluate(() => chrome.storage.session.get(null).then(() => undefined));
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}

/** The id of the tab showing `url` (the newest one if several do). */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return waitFor(`a tab showing ${url}`, () =>
    worker
      .evaluate((u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)), url)
      .then((ids) => (ids.length ? Math.max(...ids) : undefined)),
  );
}

/** Resolves once the extension stored an incident for the tab. */
export function waitForIncident(worker: Worker, tabId: number, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    `an incident for tab ${tabId}`,
    () => worker.evaluate((key) => chrome.storage.session.get(key).then((items) => Boolean((items[key] as { incident?: unknown } | undefined)?.incident)), `tab:${tabId}`),
    { timeoutMs },
  );
}

/** A fresh page that failed on `url`, with its tab id, once the extension recorded the incident. */
export async function openFailingTab(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url).catch(() => undefined);
  const tabId = await tabIdOf(browser.worker, url);
  await waitForIncident(browser.worker, tabId);
  return { page, tabId };
}
