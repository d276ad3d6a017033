// Loads the guided steps (on-demand-steps.ts, built into its own file) the first time one is asked for:
// the worker evaluates only what its first event needs (issue 15: eager background ≤ 20 KB gzip).
// Chrome: the background is a classic service worker, and such a worker may importScripts() later only a
// script it imported while installing (a module worker may not at all, and no service worker may import()):
// so the install event imports the file once, and the browser keeps it with the worker's own script, through
// stops, restarts and browser restarts; an update installs again. Firefox: the background is an event page
// (a document), which can load a script at any time.
import browser from 'webextension-polyfill';
import * as storage from '../storage/storage';
import * as incidentStore from './incident-store';
import * as infrastructureData from '../platform/infrastructure-data';
import * as registry from '../knowledge/infrastructure/registry';
import { CORE_GLOBAL, STEPS_FILE, STEPS_GLOBAL, type SharedModule, type StepsApi } from './steps-contract';

type ImportScripts = (...urls: string[]) => void;
const global = globalThis as typeof globalThis & Record<string, unknown>;

/** This core's instance of each module the steps share (steps-contract.ts says why each). */
const coreModules = (): Record<SharedModule, unknown> => ({
  polyfill: browser,
  storage,
  incidentStore,
  infrastructureData,
  registry,
});

/** Only a classic service worker has it (Firefox's event page is a document). */
function classicImportScripts(): ImportScripts | undefined {
  return typeof global.importScripts === 'function' ? (global.importScripts as ImportScripts) : undefined;
}

function published(): StepsApi {
  const api = global[STEPS_GLOBAL] as StepsApi | undefined;
  if (!api) throw new Error(`${STEPS_FILE} did not publish its steps`);
  return api;
}

let loading: Promise<StepsApi> | undefined;

/**
 * The steps, loaded once per worker (or event page) instance. In Chrome the import happens synchronously in
 * this call, so that the install event's call imports while the worker is still installing.
 */
export function loadSteps(): Promise<StepsApi> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

function load(): Promise<StepsApi> {
  global[CORE_GLOBAL] = coreModules();
  const importScripts = classicImportScripts();
  try {
    if (importScripts) {
      importScripts(`/${STEPS_FILE}`);
      return Promise.resolve(published());
    }
  } catch (error) {
    return Promise.reject(error as Error);
  }
  return appendScript(browser.runtime.getURL(STEPS_FILE)).then(published);
}

/** Firefox's event page is a document: a script element loads the file (a literal-free import() is what web-ext lint flags). */
function appendScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${url} did not load`));
    (document.head ?? document.documentElement).append(script);
  });
}

/** The steps if this instance has loaded them: nothing runs here otherwise (a cancel has nothing to stop). */
export function loadedSteps(): StepsApi | undefined {
  return global[STEPS_GLOBAL] as StepsApi | undefined;
}

/**
 * Chrome: imports the steps file while the worker installs (first install, update, reload), the one moment a
 * classic worker may import a new script; later instances of the worker import it from the browser's copy.
 */
export function keepStepsOnInstall(): void {
  if (!classicImportScripts()) return;
  global.addEventListener('install', () => {
    loadSteps().catch((error: unknown) => console.warn('install: the steps file was not imported', error));
  });
}
