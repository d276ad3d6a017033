// The steps file loads once per instance, through importScripts in a classic worker (Chrome), with the core's
// own modules handed over first; a failed load is not remembered; the install handler exists only where
// importScripts does. (That the browsers really load it: test/e2e/steps-on-demand-*.e2e.ts.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import {
  CORE_GLOBAL,
  SHARED_WITH_STEPS,
  STEPS_FILE,
  STEPS_GLOBAL,
  type StepsApi,
} from '../../../src/background/steps-contract';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const global = globalThis as Record<string, unknown>;
const api = { runCheck: vi.fn() } as unknown as StepsApi;

/** A fresh copy of the loader (its once-per-instance promise is module state). */
async function freshLoader() {
  vi.resetModules();
  return import('../../../src/background/steps-loader');
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete global[STEPS_GLOBAL];
  delete global[CORE_GLOBAL];
});

describe('loadSteps in a classic worker', () => {
  it('hands over every shared module, imports the file once, and returns what it published', async () => {
    const seenCore: unknown[] = [];
    const importScripts = vi.fn((url: string) => {
      seenCore.push(global[CORE_GLOBAL]);
      if (url === `/${STEPS_FILE}`) global[STEPS_GLOBAL] = api;
    });
    vi.stubGlobal('importScripts', importScripts);
    const { loadSteps, loadedSteps } = await freshLoader();
    expect(loadedSteps()).toBeUndefined();
    expect(await loadSteps()).toBe(api);
    expect(await loadSteps()).toBe(api);
    expect(importScripts).toHaveBeenCalledTimes(1);
    expect(Object.keys(seenCore[0] as object).sort()).toEqual(Object.keys(SHARED_WITH_STEPS).sort());
    expect((seenCore[0] as { polyfill: unknown }).polyfill).toBe(fakeBrowser);
    expect(loadedSteps()).toBe(api);
  });

  it('imports synchronously, within the call (the install event allows it only while it runs)', async () => {
    const importScripts = vi.fn(() => void (global[STEPS_GLOBAL] = api));
    vi.stubGlobal('importScripts', importScripts);
    const { loadSteps } = await freshLoader();
    void loadSteps();
    expect(importScripts).toHaveBeenCalledTimes(1);
  });

  it('a refused import rejects, and the next step tries again', async () => {
    const importScripts = vi.fn<(url: string) => void>(() => {
      throw new Error('NetworkError');
    });
    vi.stubGlobal('importScripts', importScripts);
    const { loadSteps } = await freshLoader();
    await expect(loadSteps()).rejects.toThrow('NetworkError');
    importScripts.mockImplementation(() => void (global[STEPS_GLOBAL] = api));
    expect(await loadSteps()).toBe(api);
  });

  it('a file that publishes nothing is an error, not a silent no-op', async () => {
    vi.stubGlobal('importScripts', vi.fn());
    const { loadSteps } = await freshLoader();
    await expect(loadSteps()).rejects.toThrow(STEPS_FILE);
  });
});

describe('keepStepsOnInstall', () => {
  it('imports the file when the worker installs', async () => {
    const importScripts = vi.fn(() => void (global[STEPS_GLOBAL] = api));
    const addEventListener = vi.fn();
    vi.stubGlobal('importScripts', importScripts);
    vi.stubGlobal('addEventListener', addEventListener);
    const { keepStepsOnInstall } = await freshLoader();
    keepStepsOnInstall();
    expect(addEventListener).toHaveBeenCalledWith('install', expect.any(Function));
    expect(importScripts).not.toHaveBeenCalled();
    (addEventListener.mock.calls[0]![1] as () => void)();
    expect(importScripts).toHaveBeenCalledWith(`/${STEPS_FILE}`);
  });

  it('does nothing where there is no importScripts (Firefox: an event page loads the file when asked)', async () => {
    const addEventListener = vi.fn();
    vi.stubGlobal('addEventListener', addEventListener);
    const { keepStepsOnInstall } = await freshLoader();
    keepStepsOnInstall();
    expect(addEventListener).not.toHaveBeenCalled();
  });
});
