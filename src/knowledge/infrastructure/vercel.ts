import type { Infrastructure, VendorCode } from './entry';

const code = (c: string, fixer: VendorCode['fixer'], hop: VendorCode['hop']): VendorCode => ({
  code: c,
  meaningKey: `bodyReason_vercel_${c}`,
  fixer,
  hop,
});
const VERCEL_CODE = /^([A-Z][A-Z0-9_]{2,60})$/;

export const vercel: Infrastructure = {
  id: 'vercel',
  name: 'Vercel',
  role: 'platform',
  headers: [{ header: 'x-vercel-id' }, { header: 'server', value: /^Vercel$/i }, { header: 'x-vercel-cache' }],
  errorHeaders: [{ header: 'x-vercel-error', value: VERCEL_CODE }],
  page: {
    // The HTML page ("Code: … ID: iad1::…", or "bom1:bom1::…" when two regions served it) and the plain-text body
    // sent to non-browser clients ("An error occurred with your deployment FUNCTION_INVOCATION_TIMEOUT fra1::…").
    proves: [
      /\bCode:\s?[A-Z][A-Z0-9_]{2,60}\s?ID:\s?[a-z]{3}\d:/,
      /^An error occurred with your deployment [A-Z][A-Z0-9_]{2,60}\b/,
      /^The deployment could not be found on Vercel\. DEPLOYMENT_NOT_FOUND\b/,
    ],
    code: [
      /\bCode:\s?([A-Z][A-Z0-9_]{2,60})\b/,
      /^An error occurred with your deployment ([A-Z][A-Z0-9_]{2,60})\b/,
      /^The deployment could not be found on Vercel\. (DEPLOYMENT_NOT_FOUND)\b/,
    ],
    reference: [
      /\bID:\s?([a-z]{3}\d(?::{1,2}[A-Za-z0-9-]{1,80}){1,4})/,
      /^An error occurred with your deployment [A-Z][A-Z0-9_]{2,60} ([a-z]{3}\d(?::{1,2}[A-Za-z0-9-]{1,80}){1,4})/,
    ],
  },
  traceIds: ['x-vercel-id'],
  codes: [
    code('FUNCTION_INVOCATION_FAILED', 'site-owner', 'origin'),
    code('FUNCTION_INVOCATION_TIMEOUT', 'site-owner', 'origin'),
    code('NO_RESPONSE_FROM_FUNCTION', 'site-owner', 'origin'),
    code('FUNCTION_THROTTLED', 'site-owner', 'origin'),
    code('FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE', 'site-owner', 'origin'),
    code('EDGE_FUNCTION_INVOCATION_FAILED', 'site-owner', 'gateway'),
    code('EDGE_FUNCTION_INVOCATION_TIMEOUT', 'site-owner', 'gateway'),
    code('MIDDLEWARE_INVOCATION_FAILED', 'site-owner', 'gateway'),
    code('MIDDLEWARE_INVOCATION_TIMEOUT', 'site-owner', 'gateway'),
    code('DEPLOYMENT_NOT_FOUND', 'site-owner', 'gateway'),
    code('DEPLOYMENT_PAUSED', 'site-owner', 'gateway'),
    code('DEPLOYMENT_DISABLED', 'site-owner', 'gateway'),
    code('DNS_HOSTNAME_NOT_FOUND', 'site-owner', 'gateway'),
    code('DNS_HOSTNAME_RESOLVE_FAILED', 'site-owner', 'gateway'),
    code('INFINITE_LOOP_DETECTED', 'site-owner', 'gateway'),
    code('INTERNAL_UNEXPECTED_ERROR', 'hosting', 'gateway'),
  ],
  otherCodeKey: 'bodyReason_vercel_other',
  statuses: {
    500: { meaningKey: 'ctx_vercel_5xx', fixer: 'site-owner', hop: 'origin' },
    502: { meaningKey: 'ctx_vercel_5xx', fixer: 'site-owner', hop: 'origin' },
    503: { meaningKey: 'ctx_vercel_5xx', fixer: 'site-owner', hop: 'origin' },
    504: { meaningKey: 'ctx_vercel_504', fixer: 'site-owner', hop: 'origin' },
  },
  statusPage: 'https://www.vercel-status.com/',
  sources: [
    'https://vercel.com/docs/errors',
    'https://vercel.com/docs/headers/response-headers',
    'https://github.com/thgh/vercel-sapper/issues/73',
    'https://github.com/musistudio/claude-code-router/issues/271',
    'https://github.com/vercel/examples/issues/877',
  ],
};
