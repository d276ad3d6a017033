// Pure: what a top-level 4xx means for the person, and what they can do — in one or two lines. The site (or a
// proxy) answered and refused: not an outage, so no steps and no alarm. For 401 / 403 / 407 / 429 / 451 who
// refused decides the words (a CDN's or WAF's block, a filter on the person's own network, the site itself);
// a missing page (404, 410) and a timed-out request (408) have their own line; any other 4xx a generic one.
import type { ClientError } from '../model/incident';
import type { BodyReason } from '../model/body-reason';
import { resolveChain } from './chain';
import { EXPLAINED_CLIENT_STATUSES } from './classify-navigation';

export interface ClientErrorExplanation {
  titleKey: string;
  /** One or two sentences: what the code means here, and what the person can do. $1 = who refused. */
  bodyKey: string;
  args: string[];
  /** The layer that refused, when the response names it (Cloudflare, Akamai, Zscaler …). */
  refusedBy: string | null;
  /** A rate limit passes: "tell me when it's back" is worth offering. */
  watchable: boolean;
}

/**
 * Roles whose refusal is a block in front of the site (CDN, WAF), not the site's own answer. A hosting
 * platform's refusal is the site's own (a Lambda function URL's permissions, the app's rate limit passed on
 * by DigitalOcean's edge): "the security service in front … a VPN" would mislead there.
 */
const BLOCKING_ROLES = new Set(['cdn', 'waf']);

/** Words for a 4xx outside EXPLAINED_CLIENT_STATUSES: a missing page, a request the server gave up waiting for, any other. */
function kindOf(status: number): string | null {
  if (EXPLAINED_CLIENT_STATUSES.includes(status)) return null;
  return status === 404 || status === 410 || status === 408 ? String(status) : 'other';
}

export function explainClientError(
  refusal: Pick<ClientError, 'failure' | 'fingerprint'>,
  page: BodyReason | null,
): ClientErrorExplanation {
  const status = refusal.failure.status;
  const kind = kindOf(status);
  if (kind)
    return {
      titleKey: `clientError_${kind}_title`,
      bodyKey: `clientError_${kind}_body`,
      args: kind === 'other' ? [String(status)] : [],
      refusedBy: null,
      watchable: false,
    };
  const chain = resolveChain(refusal.fingerprint, page);
  const failed = chain.failed;
  const role = failed ? (chain.layers.find((l) => l.id === failed.id)?.role ?? null) : null;
  // A proxy or filter on the person's own network refused (Zscaler, Squid, a school filter).
  const onYourNetwork = failed?.hop === 'network' || role === 'client-proxy';
  const blocker = failed && (onYourNetwork || (role !== null && BLOCKING_ROLES.has(role))) ? failed.name : null;
  const base = { titleKey: `clientError_${status}_title`, refusedBy: blocker, watchable: status === 429 };
  if (status === 403 && blocker) {
    return {
      ...base,
      bodyKey: onYourNetwork ? 'clientError_403_network_body' : 'clientError_403_blocked_body',
      args: [blocker],
    };
  }
  if (status === 429 && blocker) return { ...base, bodyKey: 'clientError_429_named_body', args: [blocker] };
  return { ...base, bodyKey: `clientError_${status}_body`, args: [] };
}

/** Every i18n key explainClientError can return (a test checks each one is in every locale). */
export const CLIENT_ERROR_KEYS: readonly string[] = [
  ...[401, 403, 407, 429, 451, 404, 410, 408, 'other'].flatMap((s) => [
    `clientError_${s}_title`,
    `clientError_${s}_body`,
  ]),
  'clientError_403_blocked_body',
  'clientError_403_network_body',
  'clientError_429_named_body',
];
