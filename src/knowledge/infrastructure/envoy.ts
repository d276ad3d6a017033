import type { Infrastructure } from './entry';

export const envoy: Infrastructure = {
  id: 'envoy',
  name: 'Envoy',
  role: 'proxy',
  headers: [{ header: 'server', value: /^(?:istio-)?envoy\b/i }, { prefix: 'x-envoy-' }],
  page: {
    // Envoy's local replies are one line of plain text.
    proves: [
      /^upstream connect error or disconnect\/reset before headers\b/i,
      /^no healthy upstream$/i,
      /^upstream request timeout$/i,
    ],
  },
  traceIds: ['x-request-id'],
  statuses: { 503: { meaningKey: 'ctx_envoy_503', fixer: 'site-owner', hop: 'origin' } },
  sources: [
    'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/local_reply',
    'https://github.com/envoyproxy/envoy/blob/main/source/common/router/router.cc',
  ],
};
