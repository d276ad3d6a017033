// Loads the infrastructure registry from the extension's own data, once per worker instance, the first time
// a failure needs it (a failing response, a failing page's text, the clean request). Data rather than code
// in the eager file, so it stays out of the service worker's eager JS; a healthy navigation never calls this.
// Chrome: the data as a classic script, imported while the worker installs and afterwards taken from the
// browser's own copy with importScripts (as background/steps-loader.ts does with the steps) — a cold worker's
// first failure then neither fetches nor revives JSON (issue 15's cold start). Firefox's event page, or a
// Chrome worker whose import fails: the JSON file, fetched. A failed load is not remembered: the next failure
// tries again.
import browser from 'webextension-polyfill';
import { installRegistry, isRegistryInstalled, registry, type Registry } from '../knowledge/infrastructure/registry';
import {
  decodeRegistry,
  REGISTRY_DATA_FILE,
  REGISTRY_GLOBAL,
  REGISTRY_SCRIPT_FILE,
  shippedEntries,
} from '../knowledge/infrastructure/registry-data';

type ImportScripts = (...urls: string[]) => void;
const global = globalThis as typeof globalThis & Record<string, unknown>;

let loading: Promise<Registry> | null = null;

/** Only a classic service worker has it (Firefox's event page is a document). */
const classicImportScripts = (): ImportScripts | undefined =>
  typeof global.importScripts === 'function' ? (global.importScripts as ImportScripts) : undefined;

/** The script's entries, or undefined when this instance cannot import it (then the JSON is fetched). */
function importRegistry(importScripts: ImportScripts): Registry | undefined {
  try {
    importScripts(`/${REGISTRY_SCRIPT_FILE}`);
    return installRegistry(shippedEntries(global[REGISTRY_GLOBAL]));
  } catch (error) {
    console.warn(`${REGISTRY_SCRIPT_FILE} not imported: fetching ${REGISTRY_DATA_FILE}`, error);
    return undefined;
  } finally {
    delete global[REGISTRY_GLOBAL];
  }
}

async function fetchRegistry(): Promise<Registry> {
  const response = await fetch(browser.runtime.getURL(REGISTRY_DATA_FILE));
  if (!response.ok) throw new Error(`${REGISTRY_DATA_FILE}: HTTP ${response.status}`);
  return installRegistry(decodeRegistry(await response.text()));
}

/** In Chrome the import happens synchronously in this call (the install event's call imports while installing). */
export function loadInfrastructure(): Promise<Registry> {
  if (isRegistryInstalled()) return Promise.resolve(registry());
  const importScripts = loading ? undefined : classicImportScripts();
  const imported = importScripts && importRegistry(importScripts);
  if (imported) return Promise.resolve(imported);
  loading ??= fetchRegistry().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Chrome: imports the registry's script while the worker installs (first install, update, reload), the one
 * moment a classic worker may import a new script; later instances import it from the browser's copy.
 */
export function keepInfrastructureOnInstall(): void {
  if (!classicImportScripts()) return;
  global.addEventListener('install', () => {
    loadInfrastructure().catch((error: unknown) => console.warn('install: the infrastructure data not loaded', error));
  });
}
