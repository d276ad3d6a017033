// Pure: exactly what each guided step sends to anyone but the failing site — the DNS-over-HTTPS questions,
// the status pages, the archive and Globalping — built once, here: the steps send these requests and the
// popup shows them before the person runs a step ("what will be sent"), so the two cannot differ.
import { SENDING_STEPS, type SendingStep } from '../model/checks';

export { SENDING_STEPS, type SendingStep };
import type { Settings } from '../model/settings';
import { statusDomainOf, type SiteScope } from '../model/site-scope';
import { displayName } from './fingerprint';
import { buildMeasurement } from './globalping';
import { hostKind } from './host-kind';
import { mayTellThirdParties } from './internal-host';
import { platformOfHost } from './registrable-domain';
import { isStatuspageApi, providerStatusUrl, safeHttpUrl, summaryUrlOf, type StatusProvider } from './statuspage';

export interface StatusTarget {
  /** 'site': status.<domain>; 'provider': the CDN's or platform's page. */
  kind: 'site' | 'provider';
  /** "example.com" or "Cloudflare". */
  name: string;
  url: string;
}

export interface StatusPagePlan {
  lookups: StatusTarget[];
  /** Provider pages only a person can read: offered as links, never fetched. */
  links: StatusTarget[];
}

const providerName = (provider: StatusProvider): string =>
  provider === 'github' ? 'GitHub Pages' : displayName(provider);

/**
 * Pure: which pages to read for this URL and fingerprint, from the configured addresses. status.<domain> only
 * for a domain the Public Suffix List says someone registered for themselves (`scope`, from the popup).
 */
export function planStatusPages(
  pageUrl: string,
  edge: StatusProvider | null,
  endpoints: { statusPage: string; providerStatusPages?: unknown },
  scope: SiteScope | null,
): StatusPagePlan {
  const plan: StatusPagePlan = { lookups: [], links: [] };
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return plan;
  }
  const platform = platformOfHost(host);
  const domain = statusDomainOf(scope);
  // A site on a shared platform domain (shop.vercel.app) has no status.<domain> of its own: the platform's counts.
  if (domain && !platform && endpoints.statusPage.includes('{domain}')) {
    plan.lookups.push({ kind: 'site', name: domain, url: endpoints.statusPage.split('{domain}').join(domain) });
  }
  for (const provider of new Set([platform, edge].filter((p): p is StatusProvider => p !== null))) {
    const url = providerStatusUrl(provider, endpoints.providerStatusPages);
    if (!url) continue;
    const target: StatusTarget = { kind: 'provider', name: providerName(provider), url };
    (isStatuspageApi(url) ? plan.lookups : plan.links).push(target);
  }
  return plan;
}

/**
 * The page's address as the archive is asked for it: the site's root, or with `withPath` (the person's
 * choice) the page's path; never the fragment or the query (it may hold tokens).
 */
export function archiveKey(pageUrl: string, withPath = false): string | null {
  try {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return `${url.origin}${withPath ? url.pathname : '/'}`;
  } catch {
    return null;
  }
}

/** The look-up address from the configured template (`{url}` → the encoded page address). */
export function archiveLookupUrl(template: string, pageUrl: string, withPath = false): string | null {
  const key = archiveKey(pageUrl, withPath);
  if (!key || !template.includes('{url}')) return null;
  return safeHttpUrl(template.split('{url}').join(encodeURIComponent(key))) ?? null;
}

/** The DoH JSON question for one record type (`?name=<host>&type=A`); null for an unusable resolver address. */
export function dohQueryUrl(resolver: string, host: string, type: 'A' | 'AAAA'): string | null {
  try {
    const url = new URL(resolver);
    url.searchParams.set('name', host);
    url.searchParams.set('type', type);
    return url.href;
  } catch {
    return null;
  }
}

/** Whether the DNS step asks the public resolver: a public name that did not resolve inside this network. */
export const asksPublicResolver = (pageUrl: string, connectedIp?: string): boolean =>
  hostKind(new URL(pageUrl).hostname) === 'public' && mayTellThirdParties(pageUrl, connectedIp);

export interface OutgoingRequest {
  method: 'GET' | 'POST';
  url: string;
  /** The body sent with a POST (JSON), as sent. */
  body?: string;
}

export interface OutgoingInput {
  url: string;
  /** The address the browser connected to (a public name that resolved inside this network is never sent). */
  ip?: string;
  edge: StatusProvider | null;
  scope: SiteScope | null;
  settings: Pick<Settings, 'endpoints' | 'sharePagePath' | 'thirdPartyLookups'>;
}

const get = (url: string | null): OutgoingRequest[] => (url ? [{ method: 'GET', url }] : []);

/**
 * Every request the step would send to a third party now, in order; [] when it sends nothing (look-ups off, a
 * local or private address). The status pages: each page's summary, and its plain status if the summary is
 * unreadable. Globalping: the measurement, then reads of its result by the id it gives (they carry nothing more).
 */
export function outgoingRequests(step: SendingStep, input: OutgoingInput): OutgoingRequest[] {
  const { url, ip, settings } = input;
  const { endpoints } = settings;
  const mayTell = mayTellThirdParties(url, ip);
  switch (step) {
    case 'dns': {
      if (!asksPublicResolver(url, ip)) return [];
      const host = new URL(url).hostname;
      return [
        ...get(dohQueryUrl(endpoints.dohResolver, host, 'A')),
        ...get(dohQueryUrl(endpoints.dohResolver, host, 'AAAA')),
      ];
    }
    case 'status-page': {
      if (!settings.thirdPartyLookups) return [];
      const plan = planStatusPages(url, input.edge, endpoints, mayTell ? input.scope : null);
      return plan.lookups.flatMap((t) => [...get(summaryUrlOf(t.url)), ...get(t.url)]);
    }
    case 'archived-copy':
      return settings.thirdPartyLookups && mayTell
        ? get(archiveLookupUrl(endpoints.archive, url, settings.sharePagePath))
        : [];
    case 'other-locations': {
      const body = settings.thirdPartyLookups && mayTell ? buildMeasurement(url, settings.sharePagePath) : null;
      return body
        ? [{ method: 'POST', url: endpoints.globalping.replace(/\/+$/, ''), body: JSON.stringify(body) }]
        : [];
    }
  }
}
