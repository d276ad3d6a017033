// Removes one host's cookies precisely with the cookies API (works alike in Chrome and Firefox), so every
// other site's cookies survive. browsingData's own cookie removal is coarser: Chrome clears the whole
// registrable domain. `getAll({ domain })` also matches every subdomain (and a `url` query adds the parent
// domain's cookies), so what it finds is filtered down to cookies set for exactly the failing host.
import browser, { type Cookies } from 'webextension-polyfill';
import { browserKind } from './browser-info';

type Query = Cookies.GetAllDetailsType;

/** The private windows' cookie stores: Chrome's incognito store and Firefox's private one. */
const PRIVATE_STORES: ReadonlySet<string> = new Set(['1', 'firefox-private']);

/** The cookie store the tab uses (private windows and Firefox containers have their own). */
async function storeOfTab(tabId: number): Promise<string | undefined> {
  try {
    const stores = await browser.cookies.getAllCookieStores();
    return stores.find((s) => s.tabIds.includes(tabId))?.id;
  } catch {
    return undefined;
  }
}

/** Pure: the cookie belongs to exactly this host (a host-only cookie, or a domain cookie set for the host itself). */
export function isCookieOfHost(cookie: Pick<Cookies.Cookie, 'domain'>, hostname: string): boolean {
  return cookie.domain.replace(/^\./, '').toLowerCase() === hostname.toLowerCase().replace(/\.$/, '');
}

/** Pure: the URL a cookie.remove call needs to address exactly this cookie. */
export function cookieUrl(cookie: Pick<Cookies.Cookie, 'domain' | 'path' | 'secure'>): string {
  const host = cookie.domain.replace(/^\./, '');
  return `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path || '/'}`;
}

/** Pure: one key per distinct cookie, to merge the results of several queries. */
export function cookieIdentity(cookie: Cookies.Cookie): string {
  return JSON.stringify([
    cookie.storeId,
    cookie.domain,
    cookie.path,
    cookie.name,
    cookie.partitionKey ?? null,
    cookie.firstPartyDomain ?? null,
  ]);
}

async function getAllSafe(query: Query): Promise<Cookies.Cookie[]> {
  try {
    return await browser.cookies.getAll(query);
  } catch {
    return [];
  }
}

export interface CookieRemoval {
  removed: number;
  failed: number;
  /** A private window's store that could not be found: nothing was touched (never the normal profile's). */
  storeUnknown?: true;
}

/**
 * Removes the cookies of exactly the failing host (not its subdomains, not its parent domain) from the
 * store of the tab; returns how many went. `privateTab`: without that tab's own store, nothing is removed.
 */
export async function removeSiteCookies(url: string, tabId: number, privateTab: boolean): Promise<CookieRemoval> {
  const { hostname } = new URL(url);
  const storeId = await storeOfTab(tabId);
  // Fail closed: a private tab's cookies come only from a private store, never from the normal profile's.
  if (privateTab && !(storeId && PRIVATE_STORES.has(storeId))) return { removed: 0, failed: 0, storeUnknown: true };
  const base: Query = storeId ? { storeId } : {};
  // Firefox with first-party isolation needs firstPartyDomain: null to see every cookie; Chrome rejects the key.
  const firefoxExtra: Query = browserKind() === 'firefox' ? { firstPartyDomain: null } : {};
  // `partitionKey: {}` adds partitioned (CHIPS) cookies of every partition (Chrome 119+, Firefox); older
  // browsers reject it, then the unpartitioned query still runs.
  const queries: Query[] = [
    { ...base, ...firefoxExtra, domain: hostname },
    { ...base, ...firefoxExtra, domain: hostname, partitionKey: {} },
  ];
  const found = new Map<string, Cookies.Cookie>();
  for (const cookies of await Promise.all(queries.map(getAllSafe))) {
    for (const cookie of cookies) if (isCookieOfHost(cookie, hostname)) found.set(cookieIdentity(cookie), cookie);
  }
  let removed = 0;
  let failed = 0;
  for (const cookie of found.values()) {
    try {
      await browser.cookies.remove({
        url: cookieUrl(cookie),
        name: cookie.name,
        storeId: cookie.storeId,
        ...(cookie.partitionKey ? { partitionKey: cookie.partitionKey } : {}),
        ...(cookie.firstPartyDomain ? { firstPartyDomain: cookie.firstPartyDomain } : {}),
      });
      removed++;
    } catch {
      failed++;
    }
  }
  return { removed, failed };
}
