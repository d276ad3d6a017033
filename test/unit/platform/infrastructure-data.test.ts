// The background loads the registry from the extension's data file on the first failure of a worker
// instance, once; a healthy navigation never loads it; a failed load is tried again by the next failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';
import {
  encodeRegistryScript,
  REGISTRY_DATA_FILE,
  REGISTRY_GLOBAL,
  REGISTRY_SCRIPT_FILE,
} from '../../../src/knowledge/infrastructure/registry-data';
import { INFRASTRUCTURE } from '../../../src/knowledge/infrastructure';
import { SHIPPED_REGISTRY_DATA } from '../support/install-registry';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const SETTLE = { timeout: 10_000 };
const fetchData = vi.fn<(url: string) => Promise<Response>>();
type Detector = typeof import('../../../src/background/detector');
type Loader = typeof import('../../../src/platform/infrastructure-data');
let detector: Detector;
let loader: Loader;

const record = async (tab: number) =>
  (await fakeBrowser.storage.session.get(`tab:${tab}`))[`tab:${tab}`] as TabRecord | undefined;

function respond(tabId: number, statusCode: number, responseHeaders: { name: string; value: string }[]): void {
  detector.onHeadersReceived({
    type: 'main_frame',
    tabId,
    frameId: 0,
    url: `https://shop.test/${tabId}`,
    statusCode,
    statusLine: `HTTP/1.1 ${statusCode}`,
    responseHeaders,
    incognito: false,
    timeStamp: 1,
  } as unknown as Parameters<Detector['onHeadersReceived']>[0]);
}

beforeEach(async () => {
  fakeBrowser.reset();
  // A fresh worker instance: nothing installed (the test setup's registry belongs to the previous graph).
  vi.resetModules();
  fetchData.mockReset();
  fetchData.mockImplementation(async () => new Response(SHIPPED_REGISTRY_DATA, { status: 200 }));
  vi.stubGlobal('fetch', fetchData);
  Object.assign(fakeBrowser, { scripting: { executeScript: vi.fn(async () => []) } });
  Object.assign(fakeBrowser.i18n, { getMessage: (key: string) => key });
  detector = await import('../../../src/background/detector');
  loader = await import('../../../src/platform/infrastructure-data');
});

afterEach(() => vi.unstubAllGlobals());

describe('loading the infrastructure registry', () => {
  it("fetches the extension's own data file once, however many failures ask at once", async () => {
    const [a, b] = await Promise.all([loader.loadInfrastructure(), loader.loadInfrastructure()]);
    await loader.loadInfrastructure();
    expect(fetchData).toHaveBeenCalledTimes(1);
    expect(fetchData.mock.calls[0]![0]).toBe(fakeBrowser.runtime.getURL(REGISTRY_DATA_FILE));
    expect(a).toBe(b);
    expect(a.byId.get('cloudflare')?.name).toBe('Cloudflare');
  });

  it('a failed load is not kept: the next failure tries again', async () => {
    fetchData.mockResolvedValueOnce(new Response('', { status: 404 }));
    await expect(loader.loadInfrastructure()).rejects.toThrow(/404/);
    await expect(loader.loadInfrastructure()).resolves.toBeDefined();
    expect(fetchData).toHaveBeenCalledTimes(2);
  });

  it('healthy navigations and bot challenges never load it; the first 5xx does, and is explained with it', async () => {
    for (let tab = 1; tab <= 20; tab++) respond(tab, tab % 2 ? 200 : 304, [{ name: 'Server', value: 'cloudflare' }]);
    respond(21, 403, [{ name: 'cf-mitigated', value: 'challenge' }]);
    await vi.waitFor(async () => expect((await record(21))?.challenge).toBeDefined(), SETTLE);
    expect(fetchData).not.toHaveBeenCalled();

    respond(22, 502, [
      { name: 'Server', value: 'cloudflare' },
      { name: 'CF-RAY', value: '87d2c9a4e8f1a2b3-FRA' },
      { name: 'fly-request-id', value: '01HX' },
    ]);
    await vi.waitFor(async () => expect((await record(22))?.incident).toBeDefined(), SETTLE);
    const incident = (await record(22))!.incident!;
    expect(fetchData).toHaveBeenCalledTimes(1);
    // A header only an entry knows (Fly.io's request id) is kept: the allow-list came from the loaded data.
    expect(incident.headers['fly-request-id']).toBe('01HX');
    expect(incident.fingerprint.layers?.map((l) => l.id)).toEqual(['cloudflare', 'fly-io']);
  });
});

describe("Chrome's classic service worker: the registry script from the browser's copy", () => {
  const SCRIPT = encodeRegistryScript(INFRASTRUCTURE);
  // What importScripts does with the file: evaluates it in the worker's global scope, synchronously.
  const importScripts = vi.fn((url: string) => {
    if (url !== `/${REGISTRY_SCRIPT_FILE}`) throw new Error(`NetworkError: ${url}`);
    new Function(SCRIPT)();
  });
  beforeEach(() => {
    importScripts.mockClear();
    vi.stubGlobal('importScripts', importScripts);
  });

  it('imports it at once, in the call, and fetches nothing; the global it used is not left behind', async () => {
    const loaded = loader.loadInfrastructure();
    expect(importScripts).toHaveBeenCalledTimes(1);
    const registry = await loaded;
    expect(registry.byId.get('cloudflare')?.name).toBe('Cloudflare');
    expect(registry.entries.every((e) => e.sources.length === 0)).toBe(true);
    await loader.loadInfrastructure();
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(fetchData).not.toHaveBeenCalled();
    expect(REGISTRY_GLOBAL in globalThis).toBe(false);
  });

  it('a worker that cannot import it (not imported while installing) fetches the data file instead', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    importScripts.mockImplementationOnce(() => {
      throw new Error('NetworkError: not in the installed scripts');
    });
    const registry = await loader.loadInfrastructure();
    expect(registry.byId.get('cloudflare')?.name).toBe('Cloudflare');
    expect(fetchData).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('the install event imports it, the one moment a new script may be imported', async () => {
    const listeners: (() => void)[] = [];
    vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
      if (type === 'install') listeners.push(listener);
    });
    loader.keepInfrastructureOnInstall();
    expect(importScripts).not.toHaveBeenCalled();
    for (const listener of listeners) listener();
    expect(importScripts).toHaveBeenCalledWith(`/${REGISTRY_SCRIPT_FILE}`);
  });

  it('a 5xx in a cold worker is explained from the imported registry, headers only an entry knows included', async () => {
    respond(22, 502, [
      { name: 'Server', value: 'cloudflare' },
      { name: 'fly-request-id', value: '01HX' },
    ]);
    await vi.waitFor(async () => expect((await record(22))?.incident).toBeDefined(), SETTLE);
    const incident = (await record(22))!.incident!;
    expect(incident.headers['fly-request-id']).toBe('01HX');
    expect(incident.fingerprint.layers?.map((l) => l.id)).toEqual(['cloudflare', 'fly-io']);
    expect(fetchData).not.toHaveBeenCalled();
  });
});
