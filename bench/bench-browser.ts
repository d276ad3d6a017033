// The bench's Chromium, through the shared harness (test/harness/chromium.ts): the same binary, switches
// and worker wait as the e2e suites, plus a host-resolver rule (the DNS step needs a public-looking name
// to look up), the extension loaded from the bench's own copy of dist/chrome, and, as the baseline, a
// browser without the extension.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { extensionIdOf, extensionWorker, launchChromiumContext } from '../test/harness/chromium';
import { waitFor } from '../test/harness/wait-for';
import { CHROME_DIST } from '../test/harness/dist';
import type { ChromeApi } from '../test/harness/chrome-api';

declare const chrome: ChromeApi;

/** Names under this suffix resolve to 127.0.0.1 in the bench browser (and look public to the DNS step). */
export const BENCH_DOMAIN = 'bench.example';

const BENCH_ARGS = [`--host-resolver-rules=MAP *.${BENCH_DOMAIN} 127.0.0.1`];

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
export async function launchBench({
  extension,
  args = [],
  dist = CHROME_DIST,
}: LaunchOptions & { extension: boolean }): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'epe-bench-'));
  let context: BrowserContext;
  try {
    context = await launchChromiumContext(profile, {
      ...(extension ? { extensionDir: dist } : {}),
      args: [...BENCH_ARGS, ...args],
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
  const worker = await extensionWorker(context);
  return { context, worker, extensionId: extensionIdOf(worker), close };
}

/** The id of the tab showing `url` (the newest one if several do). */
export function tabIdOf(worker: Worker, url: string): Promise<number> {
  return waitFor(`a tab showing ${url}`, () =>
    worker
      .evaluate(
        (u) => chrome.tabs.query({}).then((tabs) => tabs.filter((t) => t.url === u).map((t) => t.id ?? -1)),
        url,
      )
      .then((ids) => (ids.length ? Math.max(...ids) : undefined)),
  );
}

/** Resolves once the extension stored an incident for the tab. */
export function waitForIncident(worker: Worker, tabId: number, timeoutMs = 10_000): Promise<true> {
  return waitFor(
    `an incident for tab ${tabId}`,
    () =>
      worker.evaluate(
        (key) =>
          chrome.storage.session
            .get(key)
            .then((items) => Boolean((items[key] as { incident?: unknown } | undefined)?.incident)),
        `tab:${tabId}`,
      ),
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
