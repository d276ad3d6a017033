// Builders for verdict scenarios: an incident plus the results its steps left, as the checks write them.
import type { CheckId, CheckResult, CheckState } from '../../../src/model/checks';
import type { Failure, NetworkErrorKind } from '../../../src/model/failure';
import type { EdgeId } from '../../../src/model/fingerprint';
import type { VerdictInput } from '../../../src/knowledge/verdict';

export const NOW = 1_700_000_000_000;
export const http = (status: number): Failure => ({ type: 'http', status, statusLine: `HTTP/1.1 ${status}` });
export const net = (kind: NetworkErrorKind, error = `net::ERR_${kind.toUpperCase()}`): Failure => ({ type: 'network', kind, error });

type Results = Partial<Record<CheckId, Omit<CheckResult, 'durationMs'> | 'running'>>;

export function incident(failure: Failure, results: Results = {}, extra: Partial<VerdictInput> & { edge?: EdgeId } = {}): VerdictInput {
  const { edge = null, ...rest } = extra;
  const checks: Partial<Record<CheckId, CheckState>> = {};
  for (const [id, result] of Object.entries(results) as [CheckId, Results[CheckId]][]) {
    if (result === undefined) continue;
    checks[id] = result === 'running'
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
export const reloadFixed = { outcome: 'fixed', summary: 'reloadFixed', summaryArgs: ['200'], evidence: [], facts: { status: 200 } } as const;
export const reloadSame = (label: string) => ({ outcome: 'still-failing', summary: 'reloadSameError', summaryArgs: [label], evidence: [], facts: { sameFailure: true } }) as const;
export const cleanOk = { outcome: 'pass', summary: 'cleanRequestOk', summaryArgs: ['200'], evidence: [], facts: { reachable: true, status: 200, ms: 40 } } as const;
export const cleanStatus = (status: number) => ({ outcome: 'fail', summary: 'cleanRequestSameError', summaryArgs: [String(status)], evidence: [], facts: { reachable: true, status, ms: 40 } }) as const;
export const cleanUnreachable = { outcome: 'fail', summary: 'cleanRequestUnreachable', evidence: [], facts: { reachable: false, timedOut: false, ms: 3 } } as const;
export const networkFacts = (connectivity: 'ok' | 'partial' | 'none', captivePortal = false, siteReachable = true, online = true) =>
  ({ outcome: 'pass', summary: 'networkOkSiteAnswers', evidence: [], facts: { online, connectivity, captivePortal, siteReachable } }) as const;
export const dnsState = (dns: string) => ({ outcome: dns === 'ok' ? 'pass' : 'fail', summary: 'dnsResolves', evidence: [], facts: { dns } }) as const;
export const privateLoaded = (loaded: boolean) =>
  ({ outcome: loaded ? 'pass' : 'fail', summary: loaded ? 'privateWindowLoaded' : 'privateWindowSameError', evidence: [], facts: { privateLoaded: loaded, observed: false } }) as const;
export const cleared = (outcome: 'fixed' | 'still-failing', withCookies: boolean) =>
  ({ outcome, summary: 'clearSiteDataSameError', evidence: [], facts: { cookiesCleared: withCookies, signOutDataCleared: withCookies } }) as const;
