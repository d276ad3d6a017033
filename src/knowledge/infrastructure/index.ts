// The registry: every infrastructure entry, one import per file. Order matters only among layers of the
// same role (the engine sorts layers by role, outermost first); list the more specific entry first.
// Not imported by extension code: the build writes this list to a data file the background loads on its
// first failing response (./registry-data.ts, scripts/infrastructure-data.ts); the engine reads ./registry.ts.
import type { Infrastructure } from './entry';
import { akamai } from './akamai';
import { digitaloceanApp, flyIo, railway, render, wpEngine } from './app-platforms';
import { awsLambdaUrl } from './aws-lambda-url';
import { awsApiGateway } from './aws-api-gateway';
import { awsElb } from './aws-elb';
import { azureAppGateway } from './azure-app-gateway';
import { azureAppService } from './azure-app-service';
import { bluecoat } from './bluecoat';
import { azureFrontDoor } from './azure-front-door';
import { bunnyCdn } from './bunny-cdn';
import { cloudflare } from './cloudflare';
import { cloudfront } from './cloudfront';
import { envoy } from './envoy';
import { fastly } from './fastly';
import { googleCloudRun } from './google-cloud-run';
import { googleFrontend } from './google-frontend';
import { github } from './github';
import { gitlabPages } from './gitlab-pages';
import { heroku } from './heroku';
import { imperva } from './imperva';
import { keycdn } from './keycdn';
import { netlify } from './netlify';
import { ingressNginx, nginx, openresty } from './nginx';
import { phpFpm } from './php-fpm';
import { haproxy, kong, traefik } from './proxies';
import { apache, caddy, gunicorn, iis, litespeed } from './servers';
import { firebaseHosting, kinsta, shopify, squarespace, wordpressCom } from './site-platforms';
import { squid } from './squid';
import { stackpath } from './stackpath';
import { sucuri } from './sucuri';
import { varnish } from './varnish';
import { vercel } from './vercel';
import { zscaler } from './zscaler';

export const INFRASTRUCTURE: readonly Infrastructure[] = [
  squid,
  zscaler,
  bluecoat,
  cloudflare,
  akamai,
  fastly,
  cloudfront,
  azureFrontDoor,
  bunnyCdn,
  keycdn,
  stackpath,
  varnish,
  sucuri,
  imperva,
  awsLambdaUrl,
  awsApiGateway,
  vercel,
  netlify,
  heroku,
  github,
  gitlabPages,
  flyIo,
  render,
  railway,
  digitaloceanApp,
  wpEngine,
  shopify,
  squarespace,
  kinsta,
  wordpressCom,
  firebaseHosting,
  azureAppService,
  googleCloudRun,
  googleFrontend,
  awsElb,
  azureAppGateway,
  haproxy,
  envoy,
  ingressNginx,
  traefik,
  kong,
  nginx,
  openresty,
  apache,
  caddy,
  litespeed,
  iis,
  gunicorn,
  phpFpm,
];
