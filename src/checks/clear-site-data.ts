// Step "clear-site-data": clears THIS site's stored data (never the whole browser's), then reloads.
// Without confirmation only what cannot sign you out goes: HTTP cache, Cache Storage, service workers.
// With `context.confirmed` ("this signs you out of <site>") also cookies, localStorage and indexedDB,
// where sites keep sign-in tokens too.
// Never outside the site: nothing when the host is a public suffix shared by many sites (path-style
// s3.amazonaws.com) or when its scope is unknown. A private-window incident: browsingData acts on the
// profile the extension runs in (Chrome's spanning mode: the normal one; Firefox by host, private or not),
// so only the private window's own cookie store is touched, and the person is told the rest goes when
// every private window is closed.
import type { Evidence } from '../model/checks';
import { removeSiteCookies, type CookieRemoval } from '../platform/cookies';
import { removeSiteData, type RemovalReport, type SiteDataType } from '../platform/site-data';
import type { Check, CheckContext, CheckOutput } from './check';
import { timeLeftMs } from './time-left';
import { reloadAndObserve } from './reload';
import { interpretTabLoad } from './tab-load-result';

export const SAFE_TYPES: readonly SiteDataType[] = ['cache', 'cacheStorage', 'serviceWorkers'];
export const SIGN_OUT_TYPES: readonly SiteDataType[] = ['localStorage', 'indexedDB'];
export type ClearedKind = SiteDataType | 'cookies';
export type ClearStatus = 'Cleared' | 'Kept' | 'Unscoped' | 'Failed';

/** i18n key of one line about one kind of data: 'siteDataCleared_cache', 'siteDataKept_cookies' … */
export const siteDataKey = (status: ClearStatus, kind: ClearedKind): string => `siteData${status}_${kind}`;

export interface ClearingDone {
  confirmed: boolean;
  report: RemovalReport;
  cookies: CookieRemoval | null;
  /** A private window's incident: no browsingData call was made. */
  privateWindow?: boolean;
}

const NOTHING_REMOVED: RemovalReport = { cleared: [], unscoped: [], failed: [] };

/** Pure: one evidence line per kind of data, saying what happened to it. */
export function clearingEvidence({ confirmed, report, cookies, privateWindow }: ClearingDone): Evidence[] {
  const line = (status: ClearStatus, kind: ClearedKind): Evidence => ({ label: siteDataKey(status, kind), value: '' });
  const evidence: Evidence[] = [
    ...(privateWindow ? [{ label: 'siteDataPrivateWindow', value: '' }] : []),
    ...report.cleared.map((t) => line('Cleared', t)),
    ...report.unscoped.map((t) => line('Unscoped', t)),
    ...report.failed.map((t) => line('Failed', t)),
  ];
  if (!confirmed) {
    evidence.push(...SIGN_OUT_TYPES.map((t) => line('Kept', t)), line('Kept', 'cookies'));
  } else if (cookies?.storeUnknown) {
    evidence.push(line('Kept', 'cookies'), { label: 'siteDataPrivateCookiesUnreachable', value: '' });
  } else if (cookies) {
    evidence.push(line(cookies.failed > 0 ? 'Failed' : 'Cleared', 'cookies'), {
      label: 'evidenceCookiesRemoved',
      value: String(cookies.removed),
    });
  }
  return evidence;
}

export const clearSiteData: Check = {
  id: 'clear-site-data',
  automatic: false,
  // Removing data and then watching a reload (or a new window) needs more than a probe's 8 s.
  timeLimitMs: 15_000,
  async run(context: CheckContext): Promise<CheckOutput> {
    const { scope, incident } = context;
    if (!scope) return { outcome: 'skipped', summary: 'clearSiteDataScopeUnknown', evidence: [] };
    if (scope.hostIsSuffix)
      return { outcome: 'skipped', summary: 'clearSiteDataSharedAddress', summaryArgs: [scope.host], evidence: [] };
    const privateWindow = incident.incognito;
    // Only a private window's cookies are in reach: without the person's yes to those, nothing to do.
    if (privateWindow && !context.confirmed)
      return {
        outcome: 'skipped',
        summary: 'clearSiteDataPrivateWindow',
        evidence: [{ label: 'siteDataPrivateWindow', value: '' }],
      };
    context.progress('progressClearingSiteData');
    const types = context.confirmed ? [...SAFE_TYPES, ...SIGN_OUT_TYPES] : [...SAFE_TYPES];
    const confirmed = context.confirmed;
    // Once started, a removal cannot be called back: a cancel waits for it and says what it removed.
    const [report, cookies] = await context.lasting(
      'removal',
      Promise.all([
        privateWindow ? NOTHING_REMOVED : removeSiteData(context.url, types),
        confirmed ? removeSiteCookies(context.url, context.tabId, privateWindow) : Promise.resolve(null),
      ]),
      ([report, cookies]) => clearingEvidence({ confirmed, report, cookies, privateWindow }),
    );
    context.signal.throwIfAborted();
    context.progress('progressReloading');
    const load = await reloadAndObserve(context, timeLeftMs(context));
    const result = interpretTabLoad('clearSiteData', load, context.incident.failure);
    return {
      ...result,
      evidence: [
        ...clearingEvidence({ confirmed: context.confirmed, report, cookies, privateWindow }),
        ...result.evidence,
      ],
      facts: {
        ...result.facts,
        cookiesCleared: context.confirmed && cookies !== null && !cookies.storeUnknown,
        signOutDataCleared: context.confirmed && !privateWindow,
      },
    };
  },
};
