// Load balancers and reverse proxies that write short error pages of their own: HAProxy, Traefik, Kong.
import type { Infrastructure, VendorCode } from './entry';
import { GATEWAY_STATUSES } from './nginx';

export const haproxy: Infrastructure = {
  id: 'haproxy',
  name: 'HAProxy',
  role: 'load-balancer',
  // HAProxy sends no Server header: only its built-in pages name it.
  headers: [],
  page: {
    proves: [
      /\bNo server is available to handle this request\./,
      /\bThe server returned an invalid or incomplete response\./,
      /\b504 Gateway Time-out The server didn.t respond in time\./,
      /\bYou have sent too many requests in a given amount of time\./,
    ],
  },
  statuses: GATEWAY_STATUSES,
  sources: ['https://github.com/haproxy/haproxy/blob/50872daa6a857e82afc40b1c5161924aef4172d7/src/http.c#L298-L352'],
};

export const traefik: Infrastructure = {
  id: 'traefik',
  name: 'Traefik',
  role: 'proxy',
  headers: [],
  page: { proves: [/^no available server$/] },
  statuses: { ...GATEWAY_STATUSES, 503: { meaningKey: 'ctx_traefik_503', fixer: 'site-owner', hop: 'origin' } },
  sources: [
    'https://github.com/traefik/traefik/blob/fd5a576df2e8aeb0bfc8a96b6ef6e60a61f7ec0a/pkg/server/service/loadbalancer/wrr/wrr.go#L173-L177',
    'https://github.com/traefik/traefik/pull/8170',
  ],
};

const kongCode = (code: string, text: RegExp, key: string): VendorCode => ({
  code,
  text,
  meaningKey: `bodyReason_kong_${key}`,
  fixer: 'site-owner',
  hop: 'origin',
});

export const kong: Infrastructure = {
  id: 'kong',
  name: 'Kong',
  role: 'proxy',
  headers: [
    { header: 'server', value: /^kong\//i },
    { header: 'via', value: /\bkong\/\d/i },
    { header: 'x-kong-response-latency' },
    { header: 'x-kong-request-id' },
  ],
  page: {
    proves: [
      /\bfailure to get a peer from the ring-balancer\b/,
      /^Kong Error\b/,
      /"message":\s?"(?:An invalid response was received from the upstream server|The upstream server is timing out|name resolution failed)"/,
    ],
    reference: [/\brequest_?id"?:\s?"?([A-Za-z0-9-]{8,64})/],
  },
  traceIds: ['x-kong-request-id'],
  codes: [
    kongCode('no-peer', /\bfailure to get a peer from the ring-balancer\b/, 'no_peer'),
    kongCode('name-resolution', /\bname resolution failed\b/, 'dns'),
    kongCode('invalid-response', /\bAn invalid response was received from the upstream server\b/, 'invalid'),
    kongCode('upstream-timeout', /\bThe upstream server is timing out\b/, 'timeout'),
  ],
  statuses: GATEWAY_STATUSES,
  sources: [
    'https://github.com/Kong/kong/blob/22246ef28c16842098369b494eef879222e30c7b/kong/error_handlers.lua',
    'https://github.com/Kong/kong/blob/22246ef28c16842098369b494eef879222e30c7b/kong/runloop/balancer/init.lua',
    'https://github.com/Kong/kong/blob/22246ef28c16842098369b494eef879222e30c7b/kong/constants.lua',
    'https://github.com/Kong/kong/issues/3518',
    'https://github.com/enthec/webappanalyzer/blob/1b9eee8154c0f01e7888c5242cf6fbbc4a3fcea6/src/technologies/k.json',
  ],
};
