// Pure: reads the finished steps of an incident into typed facts for the verdict. The checks write these
// facts (CheckResult.facts); this file is the one place that knows their names.
import type { CheckId, CheckOutcome, CheckResult } from '../model/checks';
import type { Incident } from '../model/incident';

export type Connectivity = 'ok' | 'partial' | 'none';
export type DnsState =
  'ok' | 'nxdomain' | 'no-address' | 'servfail' | 'stale' | 'local-fails' | 'local-only' | 'unknown' | 'skipped';

/** Results older than this say little about now (a network changes, a site comes back). */
export const RESULT_TTL_MS = 15 * 60 * 1000;

export interface Observed {
  reload?: { outcome: CheckOutcome; label?: string };
  cleanRequest?: { outcome: CheckOutcome; reachable: boolean; status?: number };
  clearSiteData?: { outcome: CheckOutcome; signOutDataCleared: boolean };
  privateWindow?: { loaded: boolean };
  network?: { connectivity: Connectivity; captivePortal: boolean; siteReachable: boolean; online: boolean };
  dns?: { state: DnsState };
  /** Globalping probes elsewhere in the world: did the site answer them? ('mixed': some did.) */
  elsewhere?: { state: 'down' | 'up' | 'mixed'; answered: number; up: number };
  /** A status page read: the page's name and its words; `own` when the problem is on the site's page, not its CDN's. */
  statusPage?: { problem: boolean; own: boolean; name: string; what: string };
  /** Steps with any state (done, running, waiting, interrupted): no need to suggest them again. */
  tried: Set<CheckId>;
}

type Facts = NonNullable<CheckResult['facts']>;
const num = (f: Facts, k: string): number | undefined => (typeof f[k] === 'number' ? (f[k] as number) : undefined);
const bool = (f: Facts, k: string): boolean | undefined => (typeof f[k] === 'boolean' ? (f[k] as boolean) : undefined);
const str = (f: Facts, k: string): string | undefined => (typeof f[k] === 'string' ? (f[k] as string) : undefined);

const CONNECTIVITY: ReadonlySet<string> = new Set(['ok', 'partial', 'none']);
const ELSEWHERE: ReadonlySet<string> = new Set(['down', 'up', 'mixed']);
const DNS_STATES: ReadonlySet<string> = new Set([
  'ok',
  'nxdomain',
  'no-address',
  'servfail',
  'stale',
  'local-fails',
  'local-only',
  'unknown',
  'skipped',
]);

/**
 * The usable results: finished within RESULT_TTL_MS of `now`, and a 'fixed' only if the page has not
 * failed again since (the same URL failing again keeps the old results in the incident).
 */
export function observe(incident: Incident, now: number): Observed {
  const tried = new Set(Object.keys(incident.checks) as CheckId[]);
  const fresh = (id: CheckId): CheckResult | undefined => {
    const state = incident.checks[id];
    if (state?.state !== 'done') return undefined;
    const finishedAt = state.startedAt + state.result.durationMs;
    if (now - finishedAt > RESULT_TTL_MS) return undefined;
    if (state.result.outcome === 'fixed' && finishedAt < incident.lastSeenAt) return undefined;
    if (state.result.outcome === 'skipped' && state.result.summary === 'checkCancelled') return undefined;
    return state.result;
  };
  const observed: Observed = { tried };

  const reload = fresh('reload');
  if (reload)
    observed.reload = { outcome: reload.outcome, ...(reload.summaryArgs?.[0] ? { label: reload.summaryArgs[0] } : {}) };

  const clean = fresh('clean-request');
  const reachable = clean?.facts && bool(clean.facts, 'reachable');
  if (clean?.facts && reachable !== undefined) {
    const status = num(clean.facts, 'status');
    observed.cleanRequest = { outcome: clean.outcome, reachable, ...(status !== undefined ? { status } : {}) };
  }

  const clear = fresh('clear-site-data');
  if (clear)
    observed.clearSiteData = {
      outcome: clear.outcome,
      signOutDataCleared: (clear.facts && bool(clear.facts, 'signOutDataCleared')) ?? false,
    };

  const priv = fresh('private-window');
  const loaded = priv?.facts && bool(priv.facts, 'privateLoaded');
  if (loaded !== undefined) observed.privateWindow = { loaded };

  const net = fresh('network')?.facts;
  const connectivity = net && str(net, 'connectivity');
  if (net && connectivity && CONNECTIVITY.has(connectivity)) {
    observed.network = {
      connectivity: connectivity as Connectivity,
      captivePortal: bool(net, 'captivePortal') ?? false,
      siteReachable: bool(net, 'siteReachable') ?? true,
      online: bool(net, 'online') ?? true,
    };
  }

  const dnsFacts = fresh('dns')?.facts;
  const dnsState = dnsFacts && str(dnsFacts, 'dns');
  if (dnsState && DNS_STATES.has(dnsState)) observed.dns = { state: dnsState as DnsState };

  const probes = fresh('other-locations')?.facts;
  const elsewhere = probes && str(probes, 'elsewhere');
  const answered = probes && num(probes, 'probesAnswered');
  if (probes && elsewhere && ELSEWHERE.has(elsewhere) && answered) {
    observed.elsewhere = { state: elsewhere as 'down' | 'up' | 'mixed', answered, up: num(probes, 'probesUp') ?? 0 };
  }

  const status = fresh('status-page');
  const statusState = status?.facts && str(status.facts, 'statusPage');
  if (status?.facts && (statusState === 'problem' || statusState === 'operational')) {
    observed.statusPage = {
      problem: statusState === 'problem',
      own: str(status.facts, 'problemAt') === 'site',
      name: status.summaryArgs?.[0] ?? '',
      what: status.summaryArgs?.[1] ?? '',
    };
  }
  return observed;
}
