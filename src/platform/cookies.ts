// Removes one site's cookies precisely with the cookies API (works alike in Chrome and Firefox), so every
// other site's cookies survive. browsingData's own cookie removal is coarser: Chrome clears the whole
// registrable domain, Firefox only exact host matches.
import browser, { type Cookies } from 'webextension-polyfill';
import { browserKind } from './browser-info';

type Query = Cookies.GetAllDetailsType;

/** The cookie store the tab uses (private windows and Firefox containers have their own). */
async function storeOfTab(tabId: number): Promise<string | undefined> {
  try {
    const stores = await browser.cookies.getAllCookieStores();
    return stores.find((s) => s.tabIds.includes(tabId))?.id;
  } catch {
    return undefined;
  }
}

/** Pure: the URL a cookie.remove call needs to address exactly this cookie. */
export function cookieUrl(cookie: Pick<Cookies.Cookie, 'domain' | 'path' | 'secure'>): string {
  const host = cookie.domain.replace(/^\./, '');
  return `${cookie.secure ? 'https' : 'http'}://${host}${cookie.path || '/'}`;
}

/** Pure: one key per distinct cookie, to merge the results of several queries. */
export function cookieIdentity(cookie: Cookies.Cookie): string {
  return JSON.stringify([cookie.storeId, cookie.domain, cookie.path, cookie.name, cookie.partitionKey ?? null, cookie.firstPartyDomain ?? null]);
}

async function getAllSafe(query: Query): Promise<Cookies.Cookie[]> {
  try {
    return await browser.cookies.getAll(query);
  } catch {
    return [];
  }
}

/** Removes the cookies sent to `url` and those of its host and subdomains; returns how many went. */
export async function removeSiteCookies(url: string, tabId: number): Promise<{ removed: number; failed: number }> {
  const { hostname } = new URL(url);
  const storeId = await storeOfTab(tabId);
  const base: Query = storeId ? { storeId } : {};
  // Firefox with first-party isolation needs firstPartyDomain: null to see every cookie; Chrome rejects the key.
  const firefoxExtra: Query = browserKind() === 'firefox' ? { firstPartyDomain: null } : {};
  // `partitionKey: {}` adds partitioned (CHIPS) cookies of every partition (Chrome 119+, Firefox); older
  // browsers reject it, then the unpartitioned query still runs.
  const queries: Query[] = [
    { ...base, ...firefoxExtra, url },
    { ...base, ...firefoxExtra, domain: hostname },
    { ...base, ...firefoxExtra, url, partitionKey: {} },
    { ...base, ...firefoxExtra, domain: hostname, partitionKey: {} },
  ];
  const found = new Map<string, Cookies.Cookie>();
  for (const cookies of await Promise.all(queries.map(getAllSafe))) {
    for (const cookie of cookies) found.set(cookieIdentity(cookie), cookie);
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
