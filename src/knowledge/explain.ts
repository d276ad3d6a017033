// Turns a failure and the infrastructure fingerprint into what the popup shows: i18n keys plus facts.
import type { CheckId } from '../model/checks';
import type { Failure } from '../model/failure';
import type { Fingerprint } from '../model/fingerprint';
import { displayName } from './fingerprint';
import { infrastructureContext, REVERSE_PROXY_SERVERS } from './infrastructure-context';
import type { Fixer, Hop } from './knowledge-entry';
import { networkKnowledge } from './network-knowledge';
import { statusKnowledge } from './status-codes';

export type { Fixer, Hop } from './knowledge-entry';

export interface Explanation {
  /** i18n key of the short title, e.g. "Bad gateway". */
  titleKey: string;
  /** i18n key of 2–3 plain sentences about this code. */
  summaryKey: string;
  /** i18n key of one sentence specific to code + infrastructure (e.g. Cloudflare 522), when there is one. */
  contextKey: string | null;
  /**
   * Substitutions for summary/context messages ($1 = gateway display name, $2 = display name of the
   * server software when known, else ''); empty when no gateway is known.
   */
  args: string[];
  causeKeys: string[];
  fixers: Fixer[];
  failingHop: Hop;
  /** Display name of the gateway/CDN in front of the site ("Cloudflare", "nginx"), or null when unknown. */
  gatewayName: string | null;
  /** Guided steps that help for this failure, most useful first. */
  steps: CheckId[];
}

/** The edge's name; else a reverse proxy's name when it reports a gateway error (502/503/504). */
function gatewayNameFor(failure: Failure, { edge, server }: Fingerprint): string | null {
  if (edge !== null) return displayName(edge);
  const gatewayStatus = failure.type === 'http' && failure.status >= 502 && failure.status <= 504;
  return gatewayStatus && server !== null && REVERSE_PROXY_SERVERS.has(server) ? displayName(server) : null;
}

/** With a known edge, a refused/reset/timed-out connection is to the edge, not to the site's server. */
const EDGE_CONNECTION_KINDS = new Set(['refused', 'reset', 'timeout']);

export function explain(failure: Failure, fingerprint: Fingerprint): Explanation {
  const entry = failure.type === 'http' ? statusKnowledge(failure.status) : networkKnowledge(failure.kind, failure.error);
  const gatewayName = gatewayNameFor(failure, fingerprint);
  let failingHop = entry.failingHop;
  if (failure.type === 'network' && fingerprint.edge !== null && EDGE_CONNECTION_KINDS.has(failure.kind) && failingHop === 'origin') {
    failingHop = 'gateway';
  }
  return {
    titleKey: entry.titleKey,
    summaryKey: entry.summaryKey,
    contextKey: failure.type === 'http' ? infrastructureContext(failure.status, fingerprint) : null,
    args: gatewayName === null ? [] : [gatewayName, fingerprint.server === null ? '' : displayName(fingerprint.server)],
    causeKeys: [...entry.causeKeys],
    fixers: [...entry.fixers],
    failingHop,
    gatewayName,
    steps: [...entry.steps],
  };
}
