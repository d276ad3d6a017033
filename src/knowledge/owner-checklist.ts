// Pure: "I run this site" — what to look at, and where, for this failure on this infrastructure. Specific
// items first (nginx 502, Cloudflare 521, a load balancer's 504 …), then what every hosting guide asks.
import type { Failure } from '../model/failure';
import type { Fingerprint } from '../model/fingerprint';
import type { BodyReason } from '../model/body-reason';

export interface OwnerItem {
  /** i18n key: what to look for. */
  key: string;
  /** i18n key: where to look (a file, a command, a dashboard page). */
  whereKey: string;
}

/** Items by topic; the i18n keys are `owner_<topic>` and `ownerWhere_<topic>`. */
export const OWNER_TOPICS = [
  'nginx_upstream_down',
  'nginx_php_fpm',
  'nginx_timeouts',
  'nginx_buffers',
  'nginx_error_log',
  'nginx_limits',
  'apache_error_log',
  'proxy_backend',
  'cf_520',
  'cf_521',
  'cf_522',
  'cf_523',
  'cf_524',
  'cf_525',
  'cf_526',
  'cf_1016',
  'cf_1033',
  'cf_origin_error',
  'cf_pause',
  'lb_target_health',
  'lb_idle_timeout',
  'lb_logs',
  'cloudfront_origin',
  'edge_origin',
  'heroku_logs',
  'heroku_dynos',
  'vercel_function_logs',
  'vercel_timeouts',
  'vercel_rollback',
  'netlify_functions',
  'netlify_deploys',
  'net_dns_records',
  'net_listening',
  'net_firewall_drop',
  'net_certificate',
  'general_logs',
  'general_resources',
  'general_recent_changes',
  'general_bypass_cdn',
  'general_firewall',
  'general_dns',
] as const;
export type OwnerTopic = (typeof OWNER_TOPICS)[number];

export const ownerItem = (topic: OwnerTopic): OwnerItem => ({ key: `owner_${topic}`, whereKey: `ownerWhere_${topic}` });

const GATEWAY = new Set([502, 503, 504]);
const CLOUDFLARE_OWN: Partial<Record<number, OwnerTopic[]>> = {
  520: ['cf_520'],
  521: ['cf_521'],
  522: ['cf_522'],
  523: ['cf_523'],
  524: ['cf_524'],
  525: ['cf_525'],
  526: ['cf_526'],
  // 530 comes with a 1xxx code on the page; without it, the two usual ones.
  530: ['cf_1016', 'cf_1033'],
};

function serverTopics(status: number, server: Fingerprint['server']): OwnerTopic[] {
  if (server === 'nginx' || server === 'openresty') {
    if (status === 502) return ['nginx_upstream_down', 'nginx_php_fpm', 'nginx_buffers', 'nginx_error_log'];
    if (status === 504) return ['nginx_timeouts', 'nginx_upstream_down', 'nginx_error_log'];
    if (status === 503) return ['nginx_limits', 'nginx_upstream_down', 'nginx_error_log'];
    return status >= 500 ? ['nginx_error_log'] : [];
  }
  if (server === 'apache')
    return status >= 500 ? [...(GATEWAY.has(status) ? (['proxy_backend'] as const) : []), 'apache_error_log'] : [];
  if (server !== null && GATEWAY.has(status)) return ['proxy_backend'];
  return [];
}

function edgeTopics(status: number, fingerprint: Fingerprint, body: BodyReason | null): OwnerTopic[] {
  switch (fingerprint.edge) {
    case 'cloudflare': {
      if (body?.platform === 'cloudflare' && body.code === '1016') return ['cf_1016'];
      if (body?.platform === 'cloudflare' && body.code === '1033') return ['cf_1033'];
      return [...(CLOUDFLARE_OWN[status] ?? (status >= 500 ? ['cf_origin_error'] : [])), 'cf_pause'];
    }
    case 'aws-elb':
      return GATEWAY.has(status) ? ['lb_target_health', 'lb_idle_timeout', 'lb_logs'] : [];
    case 'cloudfront':
      return GATEWAY.has(status) ? ['cloudfront_origin'] : [];
    case 'heroku':
      return ['heroku_logs', 'heroku_dynos'];
    case 'vercel':
      return [
        'vercel_function_logs',
        ...(status === 504 || body?.code?.endsWith('_TIMEOUT') ? (['vercel_timeouts'] as const) : []),
        'vercel_rollback',
      ];
    case 'netlify':
      return ['netlify_functions', 'netlify_deploys'];
    case 'fastly':
    case 'akamai':
    case 'google':
    case 'azure-front-door':
    case 'varnish':
    case 'envoy':
      return status >= 500 ? ['edge_origin'] : [];
    case null:
      return [];
  }
}

function networkTopics(failure: Extract<Failure, { type: 'network' }>): OwnerTopic[] {
  switch (failure.kind) {
    case 'dns':
      return ['net_dns_records', 'general_dns'];
    case 'refused':
      return ['net_listening', 'general_firewall'];
    case 'timeout':
    case 'unreachable':
      return ['net_firewall_drop', 'general_resources'];
    case 'reset':
      return ['net_firewall_drop', 'net_listening'];
    case 'tls':
      return ['net_certificate'];
    default:
      return [];
  }
}

const GENERAL: OwnerTopic[] = [
  'general_logs',
  'general_resources',
  'general_recent_changes',
  'general_bypass_cdn',
  'general_firewall',
  'general_dns',
];

/**
 * The checklist for a site owner. `body` is what the error page itself said (src/knowledge/error-body.ts),
 * when the clean-request step read it; it sharpens the Cloudflare and Vercel items.
 */
export function ownerChecklist(
  failure: Failure,
  fingerprint: Fingerprint,
  body: BodyReason | null = null,
): OwnerItem[] {
  const specific =
    failure.type === 'http'
      ? [...edgeTopics(failure.status, fingerprint, body), ...serverTopics(failure.status, fingerprint.server)]
      : networkTopics(failure);
  // Bypassing the CDN only means something when there is one in front (Cloudflare has its own item).
  const general = GENERAL.filter(
    (topic) => topic !== 'general_bypass_cdn' || (fingerprint.edge !== null && fingerprint.edge !== 'cloudflare'),
  );
  return [...new Set([...specific, ...general])].map(ownerItem);
}
