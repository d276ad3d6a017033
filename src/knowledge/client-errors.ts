// Pure: what a top-level 401 / 403 / 407 / 429 / 451 means for the person, and what they can do — in one or
// two lines. The site (or a proxy) answered and refused: not an outage, so no steps and no alarm; who
// refused decides the words (a CDN's or WAF's block, a filter on the person's own network, the site itself).
import type { ClientError } from '../model/incident';
import type { BodyReason } from '../model/body-reason';
import { resolveChain } from './chain';

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

/** Roles whose refusal is a block in front of the site (CDN, WAF, platform edge), not the site's own answer. */
const BLOCKING_ROLES = new Set(['cdn', 'waf', 'platform']);

export function explainClientError(refusal: Pick<ClientError, 'failure' | 'fingerprint'>, page: BodyReason | null): ClientErrorExplanation {
  const status = refusal.failure.status;
  const chain = resolveChain(refusal.fingerprint, page);
  const failed = chain.failed;
  const role = failed ? chain.layers.find((l) => l.id === failed.id)?.role ?? null : null;
  // A proxy or filter on the person's own network refused (Zscaler, Squid, a school filter).
  const onYourNetwork = failed?.hop === 'network' || role === 'client-proxy';
  const blocker = failed && (onYourNetwork || (role !== null && BLOCKING_ROLES.has(role))) ? failed.name : null;
  const base = { titleKey: `clientError_${status}_title`, refusedBy: blocker, watchable: status === 429 };
  if (status === 403 && blocker) {
    return { ...base, bodyKey: onYourNetwork ? 'clientError_403_network_body' : 'clientError_403_blocked_body', args: [blocker] };
  }
  if (status === 429 && blocker) return { ...base, bodyKey: 'clientError_429_named_body', args: [blocker] };
  return { ...base, bodyKey: `clientError_${status}_body`, args: [] };
}

/** Every i18n key explainClientError can return (a test checks each one is in every locale). */
export const CLIENT_ERROR_KEYS: readonly string[] = [
  ...[401, 403, 407, 429, 451].flatMap((s) => [`clientError_${s}_title`, `clientError_${s}_body`]),
  'clientError_403_blocked_body',
  'clientError_403_network_body',
  'clientError_429_named_body',
];
