// Chromium's worker takes the infrastructure data from a script it imported while installing
// (knowledge/infrastructure.js, src/platform/infrastructure-data.ts), not from the JSON file it would
// otherwise fetch. To tell the two apart, the installed extension's JSON file is emptied after install:
// a failure is then explained (its layers found) only if the worker imported the script — after it was
// stopped, and after a browser restart on the same profile. Real Chromium.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTRY_DATA_FILE } from '../../src/knowledge/infrastructure/registry-data';
import { extensionPageUrl, launchExtension, stopExtensionWorker, type LaunchedExtension } from '../harness/chromium';
import { startFailingServer, type FailingServer } from '../harness/failing-server';
import { recordedFailingTab } from '../harness/chromium-records';

let server: FailingServer;
let profileRoot: string;
let launched: LaunchedExtension | undefined;
let count = 0;

beforeAll(async () => {
  server = await startFailingServer();
  profileRoot = await mkdtemp(join(tmpdir(), 'epe-infrastructure-on-demand-'));
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
  await rm(profileRoot, { recursive: true, force: true });
});

/** Launches on the shared profile, then empties the JSON data file of the loaded copy (see the top). */
async function launchWithoutJson(): Promise<{ context: BrowserContext; from: Page; extensionId: string }> {
  launched = await launchExtension({ profileRoot });
  await writeFile(join(profileRoot, 'extension', REGISTRY_DATA_FILE), '[]');
  const { context, extensionId } = launched;
  const from = await context.newPage();
  await from.goto(extensionPageUrl(extensionId, 'options.html'));
  return { context, from, extensionId };
}

/** A Cloudflare 522 in a new tab, recorded by a worker that was stopped: the layers its record names. */
async function coldFailureLayers(context: BrowserContext, from: Page, extensionId: string): Promise<string[]> {
  await stopExtensionWorker(context, from, extensionId);
  const { page, record } = await recordedFailingTab(context, from, server.url(`/cf-522?infrastructure=${++count}`));
  await page.close();
  return record.incident!.fingerprint.layers?.map((layer) => layer.id) ?? [];
}

describe('Chromium: the infrastructure data, imported from the install', () => {
  it('a stopped worker explains a failure from the script it imported while installing', async () => {
    const { context, from, extensionId } = await launchWithoutJson();
    expect(await coldFailureLayers(context, from, extensionId)).toContain('cloudflare');
  });

  it(
    'after a browser restart on the same profile too',
    async () => {
      await launched?.close();
      const { context, from, extensionId } = await launchWithoutJson();
      expect(await coldFailureLayers(context, from, extensionId)).toContain('cloudflare');
    },
    2 * 60_000,
  );
});
