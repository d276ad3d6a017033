// Pure: whether a loaded page gets the in-page notice, and the one line it says.
import type { Incident } from '../model/incident';
import type { Settings } from '../model/settings';
import { isGatewayRole } from '../model/infrastructure';
import { statusHop } from '../model/http-status';
import { siteOf } from '../model/url-parts';

export interface NoticeLine {
  key: string;
  args: string[];
}

/** The page the notice would go into, as webNavigation reports it. */
export interface LoadedPage {
  url: string;
  frameId: number;
  /** Chrome only: 'prerender' for a page loaded ahead of time, 'active' for the one shown. */
  documentLifecycle?: string;
}

/**
 * Only the tab's own failing document: a top-level 5xx page that is being shown (not a subframe, not a
 * prerender), recorded as the tab's incident for this very URL. A challenge is never an incident, and a
 * healthy page has none, so neither gets a notice.
 */
export function wantsNotice(
  incident: Incident | undefined,
  page: LoadedPage,
  settings: Pick<Settings, 'errorPageNotice' | 'noticeMutedSites'>,
): boolean {
  if (!incident || incident.failure.type !== 'http' || incident.failure.status < 500 || incident.failure.status > 599)
    return false;
  if (page.frameId !== 0 || (page.documentLifecycle !== undefined && page.documentLifecycle !== 'active')) return false;
  if (incident.url !== page.url || !settings.errorPageNotice) return false;
  const site = siteOf(page.url);
  return site !== null && !settings.noticeMutedSites.includes(site);
}

/**
 * "502 from nginx — the site's server failed, not you." (by the hop that failed; the gateway when known).
 * What explain() says of an HTTP failure from its headers, without the popup's tables: the layer the
 * headers name as the one that failed, else the status code's own side; named after it, else after the
 * outermost gateway (a unit test holds the two together).
 */
export function noticeLine(incident: Incident): NoticeLine {
  const { failure, fingerprint } = incident;
  const failed = fingerprint.failed ?? null;
  const failingHop = failed?.hop ?? (failure.type === 'http' ? statusHop(failure.status) : 'origin');
  const gatewayName = failed?.name ?? fingerprint.layers?.find((l) => isGatewayRole(l.role))?.name ?? null;
  const code = failure.type === 'http' ? String(failure.status) : failure.error;
  const side = failingHop === 'gateway' ? 'gateway' : failingHop === 'origin' ? 'origin' : 'network';
  if (side !== 'network' && gatewayName !== null) return { key: `notice_${side}_from`, args: [code, gatewayName] };
  return { key: `notice_${side}`, args: [code] };
}

/** Every key noticeLine can return (the locale test checks each one exists). */
export const NOTICE_LINE_KEYS = [
  'notice_origin_from',
  'notice_origin',
  'notice_gateway_from',
  'notice_gateway',
  'notice_network',
] as const;
