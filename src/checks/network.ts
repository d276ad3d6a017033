// Step "network": is this device online, do well-known endpoints answer, is a captive portal (hotel or
// airport Wi-Fi login) in the way, and does the site's server answer at all? All probes run in parallel.
import type { Evidence } from '../model/checks';
import type { Check, CheckContext, CheckOutput } from './check';
import { discardBody, PROBE_TIMEOUT_MS, probe, readBoundedText } from './probe';
import { timeLeftMs } from './time-left';

import type { Connectivity } from '../knowledge/verdict-facts';
import { hostOf } from '../model/url-parts';
import { formatDuration } from '../knowledge/format';

export interface ConnectivityProbes {
  online: boolean;
  /** One per configured connectivity endpoint: answered at all, and how fast. */
  endpoints: { url: string; answered: boolean; ms: number }[];
  /** null when the captive-portal probe got no answer (then it says nothing either way). */
  captive: { status: number; body?: string } | null;
  expected: { status: number; body?: string };
  site: { answered: boolean; status?: number; ms: number };
}

/** Pure: a captive portal answers the known URL with something else (a login page, a redirect). */
export function isCaptivePortal(
  seen: ConnectivityProbes['captive'],
  expected: ConnectivityProbes['expected'],
): boolean {
  if (seen === null) return false;
  if (seen.status !== expected.status) return true;
  return expected.body !== undefined && (seen.body ?? '').trim() !== expected.body.trim();
}

export function connectivityOf(probes: Pick<ConnectivityProbes, 'online' | 'endpoints'>): Connectivity {
  if (probes.endpoints.length === 0) return probes.online ? 'ok' : 'none';
  const answered = probes.endpoints.filter((e) => e.answered).length;
  if (answered === 0) return 'none';
  return answered === probes.endpoints.length ? 'ok' : 'partial';
}

/** Pure: the probes as the step's result; facts feed the verdict. */
export function interpretConnectivity(probes: ConnectivityProbes, locale: string): CheckOutput {
  const connectivity = connectivityOf(probes);
  const captivePortal = isCaptivePortal(probes.captive, probes.expected);
  const siteReachable = probes.site.answered;
  const facts = { online: probes.online, connectivity, captivePortal, siteReachable };
  const evidence: Evidence[] = [
    { label: probes.online ? 'evidenceDeviceOnline' : 'evidenceDeviceOffline', value: '' },
    ...probes.endpoints.map((e) => ({
      label: e.answered ? 'evidenceEndpointAnswered' : 'evidenceEndpointSilent',
      value: `${hostOf(e.url)} (${formatDuration(e.ms, locale)})`,
    })),
    {
      label: siteReachable ? 'evidenceSiteAnswered' : 'evidenceSiteSilent',
      value: siteReachable
        ? `${probes.site.status ?? ''} (${formatDuration(probes.site.ms, locale)})`.trim()
        : formatDuration(probes.site.ms, locale),
    },
  ];
  if (captivePortal) return { outcome: 'fail', summary: 'networkCaptivePortal', evidence, facts };
  if (connectivity === 'none')
    return { outcome: 'fail', summary: probes.online ? 'networkNoInternet' : 'networkOffline', evidence, facts };
  const answered = probes.endpoints.filter((e) => e.answered);
  const fastest = Math.min(...answered.map((e) => e.ms));
  const summaryArgs = [formatDuration(fastest, locale)];
  if (connectivity === 'partial') {
    return {
      outcome: 'inconclusive',
      summary: siteReachable ? 'networkPartialSiteAnswers' : 'networkPartialSiteSilent',
      summaryArgs,
      evidence,
      facts,
    };
  }
  return {
    outcome: 'pass',
    summary: siteReachable ? 'networkOkSiteAnswers' : 'networkOkSiteSilent',
    summaryArgs,
    evidence,
    facts,
  };
}

const NO_STORE: RequestInit = { cache: 'no-store', credentials: 'omit' };

export async function runConnectivityProbes(context: CheckContext): Promise<ConnectivityProbes> {
  const { endpoints } = context.settings;
  const timeoutMs = Math.min(PROBE_TIMEOUT_MS, timeLeftMs(context));
  const { signal } = context;
  const endpointProbes = endpoints.connectivity.map(async (url) => {
    const r = await probe(url, NO_STORE, signal, timeoutMs);
    if (r.answered) discardBody(r.response);
    return { url, answered: r.answered, ms: r.ms };
  });
  const captiveProbe = (async () => {
    const r = await probe(endpoints.captivePortal.url, { ...NO_STORE, redirect: 'follow' }, signal, timeoutMs);
    if (!r.answered) return null;
    if (!endpoints.captivePortal.expectBody) {
      discardBody(r.response);
      return { status: r.status };
    }
    return { status: r.status, body: (await readBoundedText(r.response, 4096)).text };
  })();
  const siteProbe = (async () => {
    // Only "does it answer at all": no redirects followed, body dropped.
    const r = await probe(new URL(context.url).origin + '/', { ...NO_STORE, redirect: 'manual' }, signal, timeoutMs);
    if (r.answered) discardBody(r.response);
    // A redirect seen with redirect: 'manual' is an opaque answer with status 0: answered, status unknown.
    if (!r.answered) return { answered: false, ms: r.ms };
    return r.status > 0 ? { answered: true, status: r.status, ms: r.ms } : { answered: true, ms: r.ms };
  })();
  const [endpointsSeen, captive, site] = await Promise.all([Promise.all(endpointProbes), captiveProbe, siteProbe]);
  const expected = !endpoints.captivePortal.expectBody
    ? { status: endpoints.captivePortal.expectStatus }
    : { status: endpoints.captivePortal.expectStatus, body: endpoints.captivePortal.expectBody };
  // navigator.onLine only ever says false for sure (true can still mean a dead link).
  const online = typeof navigator === 'undefined' ? true : navigator.onLine;
  return { online, endpoints: endpointsSeen, captive, expected, site };
}

export const network: Check = {
  id: 'network',
  automatic: true,
  async run(context: CheckContext): Promise<CheckOutput> {
    context.progress('progressTestingConnection');
    return interpretConnectivity(await runConnectivityProbes(context), context.locale);
  },
};
