// THE list of real failures every browser suite runs: how to produce each one on the local server, and
// what the badge and the popup must then show. Browser-neutral: no browser API in here, and a browser's
// raw error name only as an explicit per-browser expectation (`error`).
import type { Failure } from '../../src/model/failure';
import { displayName } from '../../src/knowledge/fingerprint';
import { formatDuration } from '../../src/knowledge/format';
import { CF_RAY, DNS_FAILURE_URL, closedPortUrl, type FailingServer } from '../harness/failing-server';
import { message } from '../harness/messages';

export type BrowserName = 'chromium' | 'firefox';

/** The part of the stored failure a scenario pins down (the raw error name differs per browser). */
export type ExpectedFailure =
  { type: 'http'; status: number } | { type: 'network'; kind: Extract<Failure, { type: 'network' }>['kind'] };

export interface Scenario {
  name: string;
  /** The failing URL; `tag` makes it unique per run so a tab can be found by its URL. */
  url(server: FailingServer, tag: string): string | Promise<string>;
  failure: ExpectedFailure;
  /** Toolbar badge text on the failing tab. */
  badge: string;
  /** Read lazily, so a missing message key fails that scenario, not the whole file. */
  popup(): {
    /** The heading, as the user reads it. */
    title: string;
    /** The plain-language explanation under it. */
    summary: string;
    /** The sentence specific to this code and infrastructure, when there is one. */
    context?: string;
    /** Name shown for the gateway hop of the chain, when the response identifies one. */
    gateway?: string;
    /** Further texts that must be visible. */
    texts?: string[];
  };
  /**
   * The raw error name the browser reports for a network failure, where it is known per browser
   * (Firefox: `NS_ERROR_*`); stored as `failure.error`.
   */
  error?: Partial<Record<BrowserName, string>>;
  /** Save a screenshot of the popup as `test-results/screenshots/<browser>-<screenshot>.png`. */
  screenshot?: string;
  /** A browser that genuinely cannot produce this failure, with the reason. */
  skip?: Partial<Record<BrowserName, string>>;
}

const withTag = (url: string, tag: string): string => `${url}${url.includes('?') ? '&' : '?'}t=${tag}`;
const path = (p: string) => (server: FailingServer, tag: string) => withTag(server.url(p), tag);

/** Summary/context substitutions when nginx answered: $1 gateway, $2 server software. */
const NGINX_ARGS = [displayName('nginx'), displayName('nginx')];

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'nginx 502 Bad Gateway',
    url: path('/nginx-502'),
    failure: { type: 'http', status: 502 },
    badge: '502',
    screenshot: 'nginx-502',
    popup: () => ({
      title: message('http502_title'),
      summary: message('http502_summary'),
      // The header-based sentence for nginx's 502 stays; the stock page read from the tab adds its own words.
      context: message('ctx_nginx_502', NGINX_ARGS),
      gateway: displayName('nginx'),
      texts: [message('bodyReason_nginx_stock')],
    }),
  },
  {
    name: '503 with Retry-After: 120',
    url: path('/retry-503'),
    failure: { type: 'http', status: 503 },
    badge: '503',
    popup: () => ({
      title: message('http503_title'),
      summary: message('http503_summary'),
      context: message('ctx_proxy_503', NGINX_ARGS),
      gateway: displayName('nginx'),
      texts: [message('retryAfterLine', [formatDuration(120_000, 'en')])],
    }),
  },
  {
    name: 'Cloudflare 522 Connection timed out',
    url: path('/cf-522'),
    failure: { type: 'http', status: 522 },
    badge: '522',
    screenshot: 'cloudflare-522',
    popup: () => ({
      title: message('http522_title'),
      summary: message('http522_summary'),
      context: message('ctx_cloudflare_522'),
      gateway: displayName('cloudflare'),
      texts: ['cf-ray', CF_RAY],
    }),
  },
  {
    name: 'AWS load balancer 504',
    url: path('/elb-504'),
    failure: { type: 'http', status: 504 },
    badge: '504',
    popup: () => ({
      title: message('http504_title'),
      summary: message('http504_summary'),
      context: message('ctx_elb_504'),
      gateway: displayName('aws-elb'),
    }),
  },
  {
    name: 'connection refused',
    url: async (_server, tag) => withTag(await closedPortUrl('/'), tag),
    failure: { type: 'network', kind: 'refused' },
    error: { firefox: 'NS_ERROR_CONNECTION_REFUSED' },
    badge: 'CONN',
    popup: () => ({
      title: message('net_refused_title'),
      summary: message('net_refused_summary'),
      texts: [message('networkBadgeLabel')],
    }),
  },
  {
    name: 'DNS name does not resolve',
    url: (_server, tag) => withTag(DNS_FAILURE_URL, tag),
    failure: { type: 'network', kind: 'dns' },
    error: { firefox: 'NS_ERROR_UNKNOWN_HOST' },
    badge: 'DNS',
    popup: () => ({
      title: message('net_dns_title'),
      summary: message('net_dns_summary'),
      texts: [message('networkBadgeLabel'), 'does-not-exist.invalid'],
    }),
  },
];
