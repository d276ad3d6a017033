// What the extension knows about the infrastructure a response passed through, as stored with an incident.
// Plain data only: the knowledge tables (src/knowledge/infrastructure/) stay in the background, and the
// popup renders these ids, names and i18n keys.

/** Every kind of infrastructure the knowledge has an entry for (kebab-case, one per product or family). */
export const INFRA_IDS = [
  'cloudflare',
  'akamai',
  'fastly',
  'varnish',
  'cloudfront',
  'aws-api-gateway',
  'aws-elb',
  'aws-lambda-url',
  'google-frontend',
  'google-cloud-run',
  'azure-front-door',
  'azure-app-service',
  'azure-app-gateway',
  'iis',
  'vercel',
  'netlify',
  'github',
  'gitlab-pages',
  'heroku',
  'fly-io',
  'render',
  'railway',
  'digitalocean-app',
  'firebase-hosting',
  'shopify',
  'wordpress-com',
  'wp-engine',
  'kinsta',
  'squarespace',
  'bunny-cdn',
  'keycdn',
  'imperva',
  'sucuri',
  'stackpath',
  'envoy',
  'traefik',
  'caddy',
  'haproxy',
  'nginx',
  'ingress-nginx',
  'openresty',
  'apache',
  'litespeed',
  'gunicorn',
  'uwsgi',
  'php-fpm',
  'kong',
  'squid',
  'zscaler',
  'bluecoat',
] as const;
export type InfraId = (typeof INFRA_IDS)[number];

/**
 * Where a layer sits, outermost (closest to the person) first: a proxy on the person's own network, a CDN
 * or web application firewall, a hosting platform or load balancer, a reverse proxy, the web server, the
 * application server behind it.
 */
export const ROLES = [
  'client-proxy',
  'cdn',
  'waf',
  'platform',
  'load-balancer',
  'proxy',
  'server',
  'app-server',
] as const;
export type Role = (typeof ROLES)[number];

/** A layer in front of the site's own server (CDN, firewall, platform, load balancer, proxy): not the person's own proxy. */
export const isGatewayRole = (role: Role): boolean =>
  role !== 'client-proxy' && role !== 'server' && role !== 'app-server';

/** The links of the chain a request travels: you → your network → gateway/CDN → the site's server. */
export type Hop = 'you' | 'network' | 'gateway' | 'origin';
/** Who usually fixes it. */
export type Fixer = 'you' | 'network' | 'site-owner' | 'hosting';

/** One layer the response showed. */
export interface LayerSeen {
  id: InfraId;
  /** Product name as people know it ("Cloudflare", "AWS load balancer"); never translated. */
  name: string;
  role: Role;
}

/** A vendor's own code with its meaning, as the knowledge resolved it. */
export interface VendorMeaning {
  /** The vendor's code as sent or printed ('1016', 'FUNCTION_INVOCATION_TIMEOUT', '502.3', 'ERR_CONNECT_FAIL'). */
  code: string | null;
  /** i18n key of its meaning in plain words; `$1` in it is the code. */
  meaningKey: string;
  fixer: Fixer;
  hop: Hop;
}

/** What the failing page's own text says (read in the background from the tab, or from a fresh response). */
export interface PageReading extends Partial<VendorMeaning> {
  /** The infrastructure whose page it is. */
  infra: InfraId;
  name: string;
  /** The code printed in the page, when it prints one. */
  code: string | null;
  /** A reference / request id printed in the page ("Reference #18.…", "Ray ID", Vercel's ID). */
  reference: string | null;
}

/** RFC 9209 Proxy-Status: the last proxy that reports an error, and what it hit. */
export interface ProxyStatusSeen {
  proxy: string;
  /** Error type from the RFC 9209 registry ('dns_timeout', 'connection_refused' …), lower-case. */
  error: string | null;
  details: string | null;
}
