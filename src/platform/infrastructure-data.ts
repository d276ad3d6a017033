// Loads the infrastructure registry from the extension's own data file, once per worker instance, the
// first time a failure needs it (a failing response, a failing page's text, the clean request). Data rather
// than code so it stays out of the service worker's eager JS (a service worker cannot import(); see
// background/steps-loader.ts for the one file it loads later);
// a healthy navigation never calls this. A failed load is not remembered: the next failure tries again.
import browser from 'webextension-polyfill';
import { installRegistry, isRegistryInstalled, registry, type Registry } from '../knowledge/infrastructure/registry';
import { decodeRegistry, REGISTRY_DATA_FILE } from '../knowledge/infrastructure/registry-data';

let loading: Promise<Registry> | null = null;

async function fetchRegistry(): Promise<Registry> {
  const response = await fetch(browser.runtime.getURL(REGISTRY_DATA_FILE));
  if (!response.ok) throw new Error(`${REGISTRY_DATA_FILE}: HTTP ${response.status}`);
  return installRegistry(decodeRegistry(await response.text()));
}

export function loadInfrastructure(): Promise<Registry> {
  if (isRegistryInstalled()) return Promise.resolve(registry());
  loading ??= fetchRegistry().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
