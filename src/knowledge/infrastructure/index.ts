// The registry: every infrastructure entry, one import per file. Order matters only among layers of the
// same role (the engine sorts layers by role, outermost first); list the more specific entry first.
import type { InfraId } from '../../model/infrastructure';
import type { Infrastructure } from './entry';
import { akamai } from './akamai';
import { awsApiGateway } from './aws-api-gateway';
import { awsElb } from './aws-elb';
import { azureFrontDoor } from './azure-front-door';
import { cloudflare } from './cloudflare';
import { cloudfront } from './cloudfront';
import { envoy } from './envoy';
import { fastly } from './fastly';
import { googleFrontend } from './google-frontend';
import { heroku } from './heroku';
import { netlify } from './netlify';
import { nginx, openresty } from './nginx';
import { apache, caddy, gunicorn, iis, litespeed } from './servers';
import { squid } from './squid';
import { varnish } from './varnish';
import { vercel } from './vercel';

export type { Infrastructure } from './entry';

export const INFRASTRUCTURE: readonly Infrastructure[] = [
  squid,
  cloudflare, akamai, fastly, cloudfront, azureFrontDoor, varnish,
  awsApiGateway, vercel, netlify, heroku,
  googleFrontend, awsElb,
  envoy,
  nginx, openresty, apache, caddy, litespeed, iis,
  gunicorn,
];

const BY_ID = new Map(INFRASTRUCTURE.map((entry) => [entry.id, entry]));

export function infrastructure(id: InfraId): Infrastructure | undefined {
  return BY_ID.get(id);
}
