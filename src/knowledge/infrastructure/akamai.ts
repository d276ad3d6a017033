import type { Infrastructure } from './entry';

const REFERENCE = /\bReference\s?#\s?(\d{1,3}\.[0-9a-f]{1,16}\.\d{1,12}\.[0-9a-f]{1,16})/i;
const origin5xx = { meaningKey: 'ctx_akamai_5xx', fixer: 'site-owner' as const, hop: 'origin' as const };

export const akamai: Infrastructure = {
  id: 'akamai',
  name: 'Akamai',
  role: 'cdn',
  headers: [
    // Akamai names itself in `server` on the responses its edge generates; otherwise the origin's passes through.
    { header: 'server', value: /^Akamai(GHost|NetStorage)/i, generated: true },
    { header: 'akamai-grn' },
    { prefix: 'x-akamai-' },
    { header: 'akamai-cache-status' },
  ],
  page: {
    proves: [REFERENCE, /errors\.edgesuite\.net\/\d{1,3}\.[0-9a-f]/i],
    reference: [REFERENCE, /errors\.edgesuite\.net\/(\d{1,3}\.[0-9a-f]{1,16}\.\d{1,12}\.[0-9a-f]{1,16})/i],
  },
  traceIds: ['akamai-grn', 'x-akamai-request-id'],
  // Akamai's pages print no code of their own: the heading says what happened.
  codes: [
    {
      code: 'access-denied',
      text: /\bAccess Denied\b/i,
      meaningKey: 'bodyReason_akamai_access_denied',
      fixer: 'site-owner',
      hop: 'gateway',
    },
    {
      code: 'gateway-timeout',
      text: /\bGateway Time-?out\b/i,
      meaningKey: 'bodyReason_akamai_gateway_timeout',
      fixer: 'site-owner',
      hop: 'origin',
    },
    {
      code: 'service-unavailable',
      text: /\bService Unavailable\b/i,
      meaningKey: 'bodyReason_akamai_service_unavailable',
      fixer: 'site-owner',
      hop: 'origin',
    },
  ],
  otherCodeKey: 'bodyReason_akamai_error',
  statuses: { 500: origin5xx, 502: origin5xx, 503: origin5xx, 504: origin5xx },
  sources: [
    'https://techdocs.akamai.com/property-mgr/docs/return-error-pages',
    'https://techdocs.akamai.com/edge-diagnostics/docs/translate-error-string',
  ],
};
