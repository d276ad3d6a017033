// Builders for verdict scenarios: an incident plus the results its steps left, as the checks write them.
import type { CheckId, CheckResult, CheckState } from '../../../src/model/checks';
import type { Failure, NetworkErrorKind } from '../../../src/model/failure';
import type { EdgeId } from '../../../src/model/fingerprint';
import type { VerdictInput } from '../../../src/knowledge/verdict';

export const NOW = 1_700_000_000_000;
export const http = (status: number): Failure => ({ type: 'http', status, statusLine: `HTTP/1.1 ${status}` });
export const net = (kind: NetworkErrorKind, error = `net::ERR_${kind.toUpperCase()}`): Failure => ({
  type: 'network',
  kind,
  error,
});

type Results = Partial<Record<CheckId, Omit<CheckResult, 'durationMs'> | 'running'>>;

export function incident(
  failure: Failure,
  results: Results = {},
  extra: Partial<VerdictInput> & { edge?: EdgeId } = {},
): VerdictInput {
  const { edge = null, ...rest } = extra;
  const checks: Partial<Record<CheckId, CheckState>> = {};
  for (const [id, result] of Object.entries(results) as [CheckId, Results[CheckId]][]) {
    if (result === undefined) continue;
    checks[id] =
      result === 'running'
        ? { state: 'running', runId: 'r', startedAt: NOW - 1000, deadline: NOW + 9000 }
        : { state: 'done', runId: 'r', startedAt: NOW - 5000, result: { ...result, durationMs: 1000 } };
  }
  return {
    id: 'i1',
    url: 'https://shop.example.com/cart',
    failure,
    at: NOW - 60_000,
    lastSeenAt: NOW - 4500,
    occurrences: 1,
    headers: {},
    fingerprint: { edge, server: null, traceIds: [] },
    incognito: false,
    checks,
    ...rest,
  };
}

// Results exactly as the checks produce them (summary keys matter little to the verdict; facts do).
type Result = Omit<CheckResult, 'durationMs'>;
export const reloadFixed: Result = {
  outcome: 'fixed',
  summary: 'reloadFixed',
  summaryArgs: ['200'],
  evidence: [],
  facts: { status: 200 },
};
export const reloadSame = (label: string): Result => ({
  outcome: 'still-failing',
  summary: 'reloadSameError',
  summaryArgs: [label],
  evidence: [],
  facts: { sameFailure: true },
});
export const cleanOk: Result = {
  outcome: 'pass',
  summary: 'cleanRequestOk',
  summaryArgs: ['200'],
  evidence: [],
  facts: { reachable: true, status: 200, ms: 40 },
};
export const cleanStatus = (status: number): Result => ({
  outcome: 'fail',
  summary: 'cleanRequestSameError',
  summaryArgs: [String(status)],
  evidence: [],
  facts: { reachable: true, status, ms: 40 },
});
export const cleanUnreachable: Result = {
  outcome: 'fail',
  summary: 'cleanRequestUnreachable',
  evidence: [],
  facts: { reachable: false, timedOut: false, ms: 3 },
};
export const networkFacts = (
  connectivity: 'ok' | 'partial' | 'none',
  captivePortal = false,
  siteReachable = true,
  online = true,
): Result => ({
  outcome: 'pass',
  summary: 'networkOkSiteAnswers',
  evidence: [],
  facts: { online, connectivity, captivePortal, siteReachable },
});
export const dnsState = (dns: string): Result => ({
  outcome: dns === 'ok' ? 'pass' : 'fail',
  summary: 'dnsResolves',
  evidence: [],
  facts: { dns },
});
export const privateLoaded = (loaded: boolean): Result => ({
  outcome: loaded ? 'pass' : 'fail',
  summary: loaded ? 'privateWindowLoaded' : 'privateWindowSameError',
  evidence: [],
  facts: { privateLoaded: loaded, observed: false },
});
export const cleared = (outcome: 'fixed' | 'still-failing', withCookies: boolean): Result => ({
  outcome,
  summary: 'clearSiteDataSameError',
  evidence: [],
  facts: { cookiesCleared: withCookies, signOutDataCleared: withCookies },
});
export const cancelled: Result = { outcome: 'skipped', summary: 'checkCancelled', evidence: [] };
/** Facts of the wrong shape, as a buggy or older step might leave. */
export const junk: Result = {
  outcome: 'pass',
  summary: 'x',
  evidence: [],
  facts: { connectivity: 'sideways', dns: 42 },
};
/** The other-locations step as interpretMeasurement leaves it: `up` of `answered` probes got the page. */
export const elsewhere = (state: 'down' | 'up' | 'mixed' | 'unknown', answered: number, up: number): Result => ({
  outcome: state === 'up' ? 'pass' : state === 'down' ? 'fail' : 'inconclusive',
  summary: 'otherLocationsMixed',
  summaryArgs: [String(up), String(answered)],
  evidence: [],
  facts: { elsewhere: state, probesAnswered: answered, probesUp: up },
});
/** The status-page step with a problem on the site's own page or on its provider's. */
export const statusProblem = (at: 'site' | 'provider'): Result => ({
  outcome: 'fail',
  summary: 'statusPageReportsProblem',
  summaryArgs: [at === 'site' ? 'shop.example.com' : 'Cloudflare', 'Checkout errors'],
  evidence: [],
  facts: { statusPage: 'problem', problemAt: at, statusPagesRead: 1, openIncidents: 1 },
});
