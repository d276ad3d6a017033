// Container and app platforms whose router answers when the site's app does not: Fly.io, Render, Railway, WP Engine,
// DigitalOcean App Platform.
import type { Infrastructure, StatusMeaning } from './entry';

const appDown = (meaningKey: string): StatusMeaning => ({ meaningKey, fixer: 'site-owner', hop: 'origin' });

export const flyIo: Infrastructure = {
  id: 'fly-io',
  name: 'Fly.io',
  role: 'platform',
  headers: [
    { header: 'fly-request-id' },
    { header: 'server', value: /^Fly\//i },
    { header: 'via', value: /\bfly\.io\b/i },
  ],
  traceIds: ['fly-request-id'],
  statuses: { 502: appDown('ctx_fly_5xx'), 503: appDown('ctx_fly_5xx'), 504: appDown('ctx_fly_5xx') },
  sources: [
    'https://inlets.dev/blog/2021/07/07/inlets-fly-tutorial.html',
    'https://fly.io/docs/reference/error-codes/',
    'https://fly.io/docs/networking/request-headers/',
  ],
};

export const render: Infrastructure = {
  id: 'render',
  name: 'Render',
  role: 'platform',
  headers: [{ header: 'rndr-id' }, { header: 'x-render-origin-server' }],
  // "x-render-routing: no-deploy": Render's router had no running deploy to send the request to.
  errorHeaders: [{ header: 'x-render-routing', value: /^([a-z][a-z-]{1,40})$/ }],
  traceIds: ['rndr-id'],
  codes: [{ code: 'no-deploy', meaningKey: 'bodyReason_render_no_deploy', fixer: 'site-owner', hop: 'origin' }],
  otherCodeKey: 'bodyReason_render_other',
  statuses: { 502: appDown('ctx_render_5xx'), 503: appDown('ctx_render_5xx') },
  sources: [
    'https://github.com/youareplan-ceo/tax-ai/blob/1522e20e75da44d737b43e5b28db292ad058be0c/reports/render_health_check.md',
    'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/r.json',
  ],
};

const railwayNoAnswer = 'bodyReason_railway_failed_to_respond';

export const railway: Infrastructure = {
  id: 'railway',
  name: 'Railway',
  role: 'platform',
  headers: [{ header: 'server', value: /^railway$/i }],
  page: {
    proves: [/\bApplication failed to respond\b.{0,200}\bcaused by the application\b/i],
    reference: [/\bRequest ID:\s?([A-Za-z0-9_-]{8,64})\b/],
  },
  codes: [
    {
      code: 'application-failed-to-respond',
      text: /\bApplication failed to respond\b/i,
      meaningKey: railwayNoAnswer,
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  statuses: { 502: appDown(railwayNoAnswer) },
  sources: [
    'https://github.com/leifermendez/builderbot-openai-assistants/issues/14',
    'https://docs.railway.com/guides/fixing-common-errors',
    'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/r.json',
  ],
};

export const wpEngine: Infrastructure = {
  id: 'wp-engine',
  name: 'WP Engine',
  role: 'platform',
  // WP Engine replaced its `wpe-backend` header with `x-powered-by: WP Engine` in December 2019.
  headers: [
    { header: 'x-powered-by', value: /^WP Engine$/i },
    { header: 'wpe-backend' },
    { header: 'x-pass-why' },
    { header: 'x-wpe-loopback-upstream-addr' },
  ],
  sources: [
    'https://github.com/rviscomi/ismyhostfastyet/pull/19',
    'https://github.com/patronage/bubs-next/pull/260',
    'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/w.json',
  ],
};

export const digitaloceanApp: Infrastructure = {
  id: 'digitalocean-app',
  name: 'DigitalOcean App Platform',
  role: 'platform',
  // Its edge runs on Cloudflare (`server: cloudflare`, cf-ray) and adds the app's id and the status the app
  // itself answered with.
  headers: [{ header: 'x-do-app-origin' }, { header: 'x-do-orig-status', value: /^\d{3}$/ }],
  sources: ['https://github.com/danielgtaylor/restish/blob/c6debe74c6ad18c55f471e6b8524201f65a243fc/docs/retries.md'],
};
