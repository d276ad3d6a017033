// What each kind of network failure means, who usually fixes it and which guided steps help.
import type { NetworkErrorKind } from '../model/failure';
import type { KnowledgeEntry } from './knowledge-entry';
import { errorName } from './network-errors';

const net = (kind: string, entry: Omit<KnowledgeEntry, 'titleKey' | 'summaryKey'>): KnowledgeEntry => ({
  titleKey: `net_${kind}_title`,
  summaryKey: `net_${kind}_summary`,
  ...entry,
});

export const NETWORK_KNOWLEDGE: Readonly<Record<NetworkErrorKind, KnowledgeEntry>> = {
  dns: net('dns', {
    causeKeys: ['cause_address_typo', 'cause_site_dns_broken', 'cause_local_dns'],
    fixers: ['you', 'network', 'site-owner'],
    failingHop: 'network',
    steps: ['dns', 'network', 'reload'],
  }),
  refused: net('refused', {
    causeKeys: ['cause_server_not_listening', 'cause_firewall', 'cause_stale_address'],
    fixers: ['site-owner', 'hosting'],
    failingHop: 'origin',
    steps: ['reload', 'dns', 'network'],
  }),
  reset: net('reset', {
    causeKeys: ['cause_server_dropped', 'cause_interference', 'cause_network_changed'],
    fixers: ['site-owner', 'network', 'you'],
    failingHop: 'origin',
    steps: ['reload', 'network', 'private-window', 'clean-request'],
  }),
  timeout: net('timeout', {
    causeKeys: ['cause_upstream_slow', 'cause_firewall', 'cause_weak_connection'],
    fixers: ['site-owner', 'hosting', 'network'],
    failingHop: 'origin',
    steps: ['reload', 'network', 'dns'],
  }),
  tls: net('tls', {
    causeKeys: ['cause_cert_invalid', 'cause_clock_wrong', 'cause_tls_interception'],
    fixers: ['site-owner', 'you', 'network'],
    failingHop: 'origin',
    steps: ['reload', 'network', 'private-window'],
  }),
  // Offline is about this device or the network it is on, never the site: the 'network' hop.
  offline: net('offline', {
    causeKeys: ['cause_no_connection', 'cause_network_changed'],
    fixers: ['you', 'network'],
    failingHop: 'network',
    steps: ['network', 'reload'],
  }),
  unreachable: net('unreachable', {
    causeKeys: ['cause_no_route', 'cause_proxy_vpn', 'cause_origin_network'],
    fixers: ['network', 'you', 'hosting'],
    failingHop: 'network',
    steps: ['network', 'dns', 'reload'],
  }),
  protocol: net('protocol', {
    causeKeys: ['cause_bad_response', 'cause_interference', 'cause_request_trips_site'],
    fixers: ['site-owner'],
    failingHop: 'origin',
    steps: ['reload', 'clean-request', 'clear-site-data', 'private-window'],
  }),
  blocked: net('blocked', {
    causeKeys: ['cause_extension_block', 'cause_admin_policy', 'cause_security_software'],
    fixers: ['you', 'network'],
    failingHop: 'you',
    steps: ['private-window', 'reload'],
  }),
  other: net('other', {
    causeKeys: ['cause_unusual_network'],
    fixers: ['you', 'network', 'site-owner'],
    failingHop: 'network',
    steps: ['reload', 'network', 'dns', 'private-window'],
  }),
};

/** Specific errors that deserve their own words inside a broader kind. */
export const NETWORK_REFINEMENTS: readonly { id: string; matches: (name: string) => boolean; entry: KnowledgeEntry }[] =
  [
    {
      // Redirect loops are nearly always a cookie or a site setting; clearing the site's data often fixes it.
      id: 'redirect_loop',
      matches: (name) => name === 'ERR_TOO_MANY_REDIRECTS' || name === 'NS_ERROR_REDIRECT_LOOP',
      entry: net('redirect_loop', {
        causeKeys: ['cause_redirect_cookie', 'cause_server_misconfig'],
        fixers: ['you', 'site-owner'],
        failingHop: 'origin',
        steps: ['clear-site-data', 'private-window', 'reload'],
      }),
    },
    {
      id: 'proxy',
      matches: (name) =>
        /^(ERR_PROXY_|ERR_SOCKS_|NS_ERROR_PROXY_|NS_ERROR_UNKNOWN_PROXY_HOST|ERR_TUNNEL_CONNECTION_FAILED|ERR_MANDATORY_PROXY)/.test(
          name,
        ),
      entry: net('proxy', {
        causeKeys: ['cause_proxy_vpn', 'cause_admin_policy'],
        fixers: ['you', 'network'],
        failingHop: 'network',
        steps: ['network', 'private-window', 'reload'],
      }),
    },
    {
      // A certificate "not yet valid" or "expired" for many sites at once usually means the clock is wrong.
      id: 'cert_date',
      matches: (name) =>
        name === 'ERR_CERT_DATE_INVALID' ||
        name === 'SEC_ERROR_EXPIRED_CERTIFICATE' ||
        name === 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE' ||
        name === 'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
      entry: net('cert_date', {
        causeKeys: ['cause_cert_expired', 'cause_clock_wrong'],
        fixers: ['site-owner', 'you'],
        failingHop: 'origin',
        steps: ['reload', 'network'],
      }),
    },
  ];

export function networkKnowledge(kind: NetworkErrorKind, error: string): KnowledgeEntry {
  const name = errorName(error);
  const refined = name === null ? undefined : NETWORK_REFINEMENTS.find((r) => r.matches(name));
  return refined?.entry ?? NETWORK_KNOWLEDGE[kind];
}
