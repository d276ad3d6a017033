// Pure: the reason the error page's own text gave, as the popup reads it back from the clean-request step's
// facts, and the i18n key that explains it. Apart from the extraction (./error-body.ts, background only) so
// the popup does not load the page-text parsers.
import type { CheckStates } from '../model/checks';

export type { BodyPlatform, BodyReason } from '../model/body-reason';
import type { BodyPlatform, BodyReason } from '../model/body-reason';

/** Vercel codes with their own explanation (https://vercel.com/docs/errors); others get the generic one. */
export const VERCEL_CODES = [
  'FUNCTION_INVOCATION_FAILED', 'FUNCTION_INVOCATION_TIMEOUT', 'NO_RESPONSE_FROM_FUNCTION', 'FUNCTION_THROTTLED',
  'FUNCTION_RESPONSE_PAYLOAD_TOO_LARGE', 'EDGE_FUNCTION_INVOCATION_FAILED', 'EDGE_FUNCTION_INVOCATION_TIMEOUT',
  'MIDDLEWARE_INVOCATION_FAILED', 'MIDDLEWARE_INVOCATION_TIMEOUT', 'DEPLOYMENT_NOT_FOUND', 'DEPLOYMENT_PAUSED',
  'DEPLOYMENT_DISABLED', 'DNS_HOSTNAME_NOT_FOUND', 'DNS_HOSTNAME_RESOLVE_FAILED', 'INFINITE_LOOP_DETECTED',
  'INTERNAL_UNEXPECTED_ERROR',
] as const;

/** Cloudflare 1xxx codes with their own explanation; 1006–1008 share one (the visitor's address is banned). */
export const CLOUDFLARE_CODES = ['1000', '1001', '1002', '1003', '1004', '1006', '1010', '1015', '1016', '1018', '1019', '1020', '1033', '1101', '1102', '1200'] as const;
const CLOUDFLARE_ALIASES: Record<string, string> = { '1007': '1006', '1008': '1006' };

export const AKAMAI_CODES = ['access-denied', 'gateway-timeout', 'service-unavailable', 'error'] as const;
export const CLOUDFRONT_CODES = ['lambda', 'origin-connect', 'capacity', 'blocked', 'error'] as const;

/** i18n key explaining a reason; `$1` in the generic messages is the code. */
export function bodyReasonKey(reason: BodyReason): string {
  switch (reason.platform) {
    case 'vercel':
      return (VERCEL_CODES as readonly string[]).includes(reason.code) ? `bodyReason_vercel_${reason.code}` : 'bodyReason_vercel_other';
    case 'cloudflare': {
      const code = CLOUDFLARE_ALIASES[reason.code] ?? reason.code;
      return (CLOUDFLARE_CODES as readonly string[]).includes(code) ? `bodyReason_cloudflare_${code}` : 'bodyReason_cloudflare_other';
    }
    case 'akamai':
      return `bodyReason_akamai_${reason.code.replace(/-/g, '_')}`;
    case 'cloudfront':
      return `bodyReason_cloudfront_${reason.code.replace(/-/g, '_')}`;
    case 'heroku':
      return 'bodyReason_heroku_application_error';
    case 'nginx':
      return 'bodyReason_nginx_stock';
  }
}

/** Every key bodyReasonKey can return (a test checks each one is in _locales). */
export const BODY_REASON_KEYS: readonly string[] = [
  ...VERCEL_CODES.map((c) => `bodyReason_vercel_${c}`), 'bodyReason_vercel_other',
  ...CLOUDFLARE_CODES.map((c) => `bodyReason_cloudflare_${c}`), 'bodyReason_cloudflare_other',
  ...AKAMAI_CODES.map((c) => `bodyReason_akamai_${c.replace(/-/g, '_')}`),
  ...CLOUDFRONT_CODES.map((c) => `bodyReason_cloudfront_${c.replace(/-/g, '_')}`),
  'bodyReason_heroku_application_error', 'bodyReason_nginx_stock',
];

const PLATFORMS: readonly BodyPlatform[] = ['vercel', 'cloudflare', 'akamai', 'cloudfront', 'heroku', 'nginx'];

/** Back from the facts error-body.ts's bodyReasonFacts stored; anything malformed → null. */
export function bodyReasonFromFacts(facts: Record<string, string | number | boolean> | undefined): BodyReason | null {
  const platform = facts?.bodyPlatform;
  const code = facts?.bodyCode;
  if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform) || typeof code !== 'string' || code === '') return null;
  const reference = facts?.bodyReference;
  return { platform: platform as BodyPlatform, code: code.slice(0, 100), ...(typeof reference === 'string' && reference ? { reference: reference.slice(0, 200) } : {}) };
}

/** The reason the clean-request step read from the page, if it did (kept in its result's facts). */
export function storedBodyReason(checks: CheckStates): BodyReason | null {
  const state = checks['clean-request'];
  return state?.state === 'done' ? bodyReasonFromFacts(state.result.facts) : null;
}
