// Turns a failure and what the response showed of its infrastructure into what the popup shows: i18n keys
// plus facts. The infrastructure part was decided in the background (src/knowledge/infrastructure/) and
// stored with the incident; this only reads it, so the popup carries none of the tables.
import type { CheckId } from '../model/checks';
import type { Failure } from '../model/failure';
import type { Fingerprint } from '../model/fingerprint';
import type { BodyReason } from '../model/body-reason';
import { isGatewayRole } from '../model/infrastructure';
import { resolveChain, type Chain } from './chain';
import type { Fixer, Hop } from '../model/infrastructure';
import { networkKnowledge } from './network-knowledge';
import { statusKnowledge } from './status-codes';

export interface Explanation {
  /** i18n key of the short title, e.g. "Bad gateway". */
  titleKey: string;
  /** i18n key of 2–3 plain sentences about this code. */
  summaryKey: string;
  /** i18n key of one sentence from the layer that generated the error (Cloudflare 522, nginx 502), when known. */
  contextKey: string | null;
  /** Substitutions for the context message: $1 = the vendor's code ('' when none), $2 = the layer's name. */
  args: string[];
  causeKeys: string[];
  fixers: Fixer[];
  failingHop: Hop;
  /** Name of the layer that generated the error, else of the outermost gateway/CDN; null when unknown. */
  gatewayName: string | null;
  /** Every layer found, outermost first, and the one that failed. */
  chain: Chain;
  /** Guided steps that help for this failure, most useful first. */
  steps: CheckId[];
}

/** With a known edge, a refused/reset/timed-out connection is to the edge, not to the site's server. */
const EDGE_CONNECTION_KINDS = new Set(['refused', 'reset', 'timeout']);

export function explain(failure: Failure, fingerprint: Fingerprint, page: BodyReason | null = null): Explanation {
  const entry =
    failure.type === 'http' ? statusKnowledge(failure.status) : networkKnowledge(failure.kind, failure.error);
  const chain = resolveChain(fingerprint, failure.type === 'http' ? page : null);
  const failed = failure.type === 'http' ? chain.failed : null;
  const outerGateway = chain.layers.find((l) => isGatewayRole(l.role)) ?? null;
  const gatewayName = failed?.name ?? outerGateway?.name ?? null;
  let failingHop = entry.failingHop;
  let fixers = [...entry.fixers];
  if (failed?.hop) failingHop = failed.hop;
  // A proxy on the person's own network generated it: their network's admin fixes it.
  if (failed?.hop === 'network') fixers = ['network', ...fixers.filter((f) => f !== 'network')];
  if (
    failure.type === 'network' &&
    outerGateway !== null &&
    EDGE_CONNECTION_KINDS.has(failure.kind) &&
    failingHop === 'origin'
  ) {
    failingHop = 'gateway';
  }
  // The page names the layer the headers already blamed (nginx's stock page on nginx's 502): its own words
  // show under "What the page itself says", and the headers' sentence for this status, more specific, stays.
  const byHeaders = fingerprint.failed;
  const context =
    failed && page && byHeaders?.id === failed.id && byHeaders.meaningKey !== failed.meaningKey ? byHeaders : failed;
  return {
    titleKey: entry.titleKey,
    summaryKey: entry.summaryKey,
    contextKey: context?.meaningKey ?? null,
    args: context ? [context.code ?? failed?.code ?? '', context.name] : [],
    causeKeys: [...entry.causeKeys],
    fixers,
    failingHop,
    gatewayName,
    chain,
    steps: [...entry.steps],
  };
}
