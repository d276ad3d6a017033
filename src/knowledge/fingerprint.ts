// Display names of the coarse edge / server view (src/model/fingerprint.ts) that status pages, the verdict and
// the report name. Recognising infrastructure is src/knowledge/infrastructure/analyse-response.ts; this file
// stays tiny because the popup imports it.
import type { EdgeId, ServerId } from '../model/fingerprint';

const DISPLAY_NAMES: Record<EdgeId | ServerId, string> = {
  cloudflare: 'Cloudflare',
  fastly: 'Fastly',
  akamai: 'Akamai',
  cloudfront: 'Amazon CloudFront',
  'aws-elb': 'AWS load balancer',
  google: 'Google Front End',
  'azure-front-door': 'Azure Front Door',
  vercel: 'Vercel',
  netlify: 'Netlify',
  heroku: 'Heroku router',
  varnish: 'Varnish',
  envoy: 'Envoy',
  nginx: 'nginx',
  apache: 'Apache',
  caddy: 'Caddy',
  litespeed: 'LiteSpeed',
  iis: 'Microsoft IIS',
  openresty: 'OpenResty',
  gunicorn: 'Gunicorn',
};

/** A product name people recognise ("Cloudflare", "AWS load balancer", "nginx"); not translated. */
export function displayName(id: EdgeId | ServerId): string {
  return DISPLAY_NAMES[id];
}
