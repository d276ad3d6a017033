// Removes ONE site's stored data, never the whole browser's. Chrome and Firefox scope removal differently:
// Chrome takes `origins` (cache, cacheStorage, localStorage, indexedDB, serviceWorkers, cookies);
// Firefox takes `hostnames` — honoured for cookies, localStorage (>= 58), indexedDB and serviceWorkers
// (77) and the HTTP cache (78, bug 1636784) — and has no way to clear one site's Cache API storage.
// A type a browser cannot scope to the site is skipped and reported, never cleared for everyone.
import browser from 'webextension-polyfill';
import { browserKind, type BrowserKind } from './browser-info';

export const SITE_DATA_TYPES = ['cache', 'cacheStorage', 'serviceWorkers', 'localStorage', 'indexedDB'] as const;
export type SiteDataType = (typeof SITE_DATA_TYPES)[number];

export interface RemovalCall {
  options: { origins?: string[]; hostnames?: string[] };
  dataToRemove: Partial<Record<SiteDataType, true>>;
  types: SiteDataType[];
}

export interface RemovalPlan {
  calls: RemovalCall[];
  /** Types this browser cannot clear for one site only. */
  unscoped: SiteDataType[];
}

const FIREFOX_BY_HOST: ReadonlySet<SiteDataType> = new Set(['cache', 'serviceWorkers', 'localStorage', 'indexedDB']);
/**
 * Firefox matches localStorage/indexedDB by the principal's host *with* port ("127.0.0.1:8080"); the cache
 * and service workers by bare host name (which also covers the host's subdomains there).
 */
const FIREFOX_HOST_PORT: ReadonlySet<SiteDataType> = new Set(['localStorage', 'indexedDB']);

const asSet = (types: SiteDataType[]): Partial<Record<SiteDataType, true>> =>
  Object.fromEntries(types.map((t) => [t, true])) as Partial<Record<SiteDataType, true>>;

/** Pure: which browsingData.remove calls clear `types` for the page at `url` only. */
export function planSiteDataRemoval(kind: BrowserKind, url: string, types: readonly SiteDataType[]): RemovalPlan {
  const { origin, hostname, host } = new URL(url);
  if (kind === 'chrome') {
    return types.length
      ? {
          calls: [{ options: { origins: [origin] }, dataToRemove: asSet([...types]), types: [...types] }],
          unscoped: [],
        }
      : { calls: [], unscoped: [] };
  }
  const scoped = types.filter((t) => FIREFOX_BY_HOST.has(t));
  const unscoped = types.filter((t) => !FIREFOX_BY_HOST.has(t));
  const bare = scoped.filter((t) => !FIREFOX_HOST_PORT.has(t));
  const withPort = scoped.filter((t) => FIREFOX_HOST_PORT.has(t));
  const calls: RemovalCall[] = [];
  if (bare.length) calls.push({ options: { hostnames: [hostname] }, dataToRemove: asSet(bare), types: bare });
  if (withPort.length) {
    const hostnames = host === hostname ? [hostname] : [hostname, host];
    calls.push({ options: { hostnames }, dataToRemove: asSet(withPort), types: withPort });
  }
  return { calls, unscoped };
}

export interface RemovalReport {
  cleared: SiteDataType[];
  unscoped: SiteDataType[];
  failed: SiteDataType[];
}

export async function removeSiteData(url: string, types: readonly SiteDataType[]): Promise<RemovalReport> {
  const plan = planSiteDataRemoval(browserKind(), url, types);
  const report: RemovalReport = { cleared: [], unscoped: plan.unscoped, failed: [] };
  for (const call of plan.calls) {
    try {
      // The polyfill's types describe Firefox's options; Chrome's `origins`/`cacheStorage` pass through as is.
      await browser.browsingData.remove(call.options as never, call.dataToRemove as never);
      report.cleared.push(...call.types);
    } catch {
      report.failed.push(...call.types);
    }
  }
  return report;
}
