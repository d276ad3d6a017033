// What each 5xx status means, who usually fixes it and which guided steps help.
// Registered codes (RFC 9110 and friends) plus widespread unregistered ones (Cloudflare 52x/530, 509, 598/599).
import type { CheckId } from '../model/checks';
import { statusHop } from '../model/http-status';
import type { Fixer, Hop } from '../model/infrastructure';
import type { KnowledgeEntry } from './knowledge-entry';

function code(
  status: number,
  causeKeys: string[],
  fixers: Fixer[],
  steps: CheckId[],
  failingHop: Hop = statusHop(status),
): [number, KnowledgeEntry] {
  return [
    status,
    { titleKey: `http${status}_title`, summaryKey: `http${status}_summary`, causeKeys, fixers, failingHop, steps },
  ];
}

const OWNER_AND_HOST: Fixer[] = ['site-owner', 'hosting'];
const RELOAD_FIRST: CheckId[] = ['reload', 'clean-request', 'clear-site-data'];
/** Behind Cloudflare, the error is between Cloudflare and the site's server: only a reload can help you. */
const CLOUDFLARE_STEPS: CheckId[] = ['reload', 'clean-request'];

export const STATUS_CODES: ReadonlyMap<number, KnowledgeEntry> = new Map([
  code(
    500,
    ['cause_app_crash', 'cause_bad_deploy', 'cause_request_trips_site', 'cause_dependency_down'],
    ['site-owner'],
    ['reload', 'clear-site-data', 'clean-request', 'private-window'],
  ),
  code(501, ['cause_unsupported_feature', 'cause_server_misconfig'], ['site-owner'], ['reload', 'clean-request']),
  // A 502 from nginx also comes from reply headers that are too big, which large cookies cause.
  code(
    502,
    ['cause_upstream_down', 'cause_upstream_invalid', 'cause_request_too_large', 'cause_bad_deploy'],
    OWNER_AND_HOST,
    RELOAD_FIRST,
  ),
  code(503, ['cause_overload', 'cause_maintenance', 'cause_upstream_down', 'cause_rate_limited'], OWNER_AND_HOST, [
    'reload',
    'clean-request',
  ]),
  code(504, ['cause_upstream_slow', 'cause_upstream_down', 'cause_origin_network'], OWNER_AND_HOST, [
    'reload',
    'clean-request',
  ]),
  code(505, ['cause_unsupported_feature', 'cause_server_misconfig'], ['site-owner'], ['reload', 'private-window']),
  code(506, ['cause_server_misconfig'], ['site-owner'], ['reload']),
  code(507, ['cause_storage_full'], OWNER_AND_HOST, ['reload']),
  code(508, ['cause_server_loop', 'cause_server_misconfig'], ['site-owner'], ['reload', 'clear-site-data']),
  code(509, ['cause_bandwidth_limit'], OWNER_AND_HOST, ['reload']),
  code(510, ['cause_unsupported_feature', 'cause_server_misconfig'], ['site-owner'], ['reload', 'clean-request']),
  // Captive portals (hotel, airport Wi-Fi) answer 511: the fix is on your side.
  code(511, ['cause_captive_portal'], ['you', 'network'], ['network', 'reload']),
  code(520, ['cause_upstream_invalid', 'cause_request_too_large', 'cause_app_crash'], OWNER_AND_HOST, [
    'reload',
    'clean-request',
    'clear-site-data',
  ]),
  code(521, ['cause_upstream_down', 'cause_firewall_blocks_cdn'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(
    522,
    ['cause_upstream_slow', 'cause_firewall_blocks_cdn', 'cause_origin_network'],
    OWNER_AND_HOST,
    CLOUDFLARE_STEPS,
  ),
  code(523, ['cause_origin_network', 'cause_origin_dns'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(524, ['cause_upstream_slow', 'cause_overload'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(525, ['cause_origin_tls'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(526, ['cause_origin_tls'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(527, ['cause_railgun_broken', 'cause_origin_network'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  code(530, ['cause_tunnel_down', 'cause_origin_dns'], OWNER_AND_HOST, CLOUDFLARE_STEPS),
  // 598/599 are set by some proxies (possibly one in your own network) that gave up waiting.
  code(598, ['cause_upstream_slow', 'cause_proxy_gave_up'], ['site-owner', 'network'], ['reload', 'network']),
  code(599, ['cause_upstream_down', 'cause_proxy_gave_up'], ['site-owner', 'network'], ['reload', 'network']),
]);

/** Any other 5xx: a server-side failure we know nothing more about. */
export const GENERIC_5XX: KnowledgeEntry = {
  titleKey: 'http5xx_title',
  summaryKey: 'http5xx_summary',
  causeKeys: ['cause_app_crash', 'cause_server_misconfig', 'cause_overload'],
  fixers: OWNER_AND_HOST,
  failingHop: 'origin',
  steps: ['reload', 'clean-request', 'clear-site-data'],
};

/** A status outside 5xx (the detector should not send one, but explain() must answer something). */
export const GENERIC_HTTP_ERROR: KnowledgeEntry = {
  titleKey: 'http_error_title',
  summaryKey: 'http_error_summary',
  causeKeys: ['cause_server_misconfig', 'cause_request_trips_site'],
  fixers: ['site-owner'],
  failingHop: 'origin',
  steps: ['reload', 'clean-request', 'clear-site-data'],
};

export function statusKnowledge(status: number): KnowledgeEntry {
  return STATUS_CODES.get(status) ?? (status >= 500 && status <= 599 ? GENERIC_5XX : GENERIC_HTTP_ERROR);
}
