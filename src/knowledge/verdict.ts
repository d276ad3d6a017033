// Pure: the incident (failure, fingerprint, finished steps) → whose side the problem is on, why, and what
// to do next. Recomputed whenever a step finishes, so it works with any subset of results.
//
// Site vs hosting: an error the site's own server (or its app behind a CDN/load balancer) produced is the
// SITE's side — Cloudflare 52x, a CloudFront/ELB 502/504 and an nginx 502 all mean "the site's server
// failed", and its owner fixes it (with their host). HOSTING is kept for failures the CDN/edge itself
// owns: a known edge that does not even accept the connection while the rest of the internet works.
// (Cloudflare's own 1xxx edge errors will join that side once the error page body is parsed.)
import { CHECK_IDS, type CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import { displayName } from './fingerprint';
import { explain } from './explain';
import type { Fixer, Hop } from '../model/infrastructure';
import { observe } from './verdict-facts';
import { hostnameOf } from '../model/url-parts';
import { isOkStatus } from '../model/http-status';

export type VerdictSide = 'fixed' | 'site' | 'hosting' | 'network' | 'dns' | 'browser-data' | 'extension' | 'unknown';
export type Confidence = 'strong' | 'likely' | 'unsure';

export interface VerdictEvidence {
  /** i18n key of one plain sentence; `args` fill its $1, $2 … */
  key: string;
  args: string[];
}

export interface Verdict {
  side: VerdictSide;
  headlineKey: string;
  detailKey?: string;
  evidence: VerdictEvidence[];
  fixers: Fixer[];
  nextStep: CheckId | null;
  confidence: Confidence;
}

/** An incident that ended carries how (see TabRecord.lastError). */
export type VerdictInput = Incident & { endedAt?: number; recoveredStatus?: number };

const ev = (key: string, ...args: string[]): VerdictEvidence => ({ key, args });
/** Connection failures where a known edge (CDN) is the thing that did not answer. */
const EDGE_CONNECTION_KINDS: ReadonlySet<string> = new Set(['refused', 'reset', 'timeout', 'unreachable']);

/** `unavailable`: steps this browser cannot run, never suggested next. */
export function decideVerdict(
  incident: VerdictInput,
  now: number = Date.now(),
  unavailable: readonly CheckId[] = [],
): Verdict {
  const seen = observe(incident, now);
  const known = explain(incident.failure, incident.fingerprint);
  const host = hostnameOf(incident.url);
  const failureLabel = incident.failure.type === 'http' ? String(incident.failure.status) : incident.failure.error;
  /** The first helpful step not tried yet: the knowledge's order for this failure, then the rest. */
  const untried = (...preferred: CheckId[]): CheckId | null =>
    [...preferred, ...known.steps, ...CHECK_IDS].find((id) => !seen.tried.has(id) && !unavailable.includes(id)) ?? null;
  const verdict = (
    side: VerdictSide,
    headlineKey: string,
    confidence: Confidence,
    evidence: VerdictEvidence[],
    fixers: Fixer[],
    nextStep: CheckId | null,
    detailKey?: string,
  ): Verdict => ({ side, headlineKey, ...(detailKey ? { detailKey } : {}), evidence, fixers, nextStep, confidence });

  // 1. It works again.
  if (seen.clearSiteData?.outcome === 'fixed') {
    return verdict(
      'fixed',
      'verdictFixedByClearing',
      'strong',
      [ev('verdictEvClearFixed')],
      ['you'],
      null,
      'verdictFixedByClearingDetail',
    );
  }
  if (seen.reload?.outcome === 'fixed') {
    return verdict(
      'fixed',
      'verdictFixedByReload',
      'strong',
      [ev('verdictEvReloadFixed')],
      [],
      null,
      'verdictFixedByReloadDetail',
    );
  }

  // Recovered without one of our steps fixing it (the person reloaded, or the site came back).
  if (isOkStatus(incident.recoveredStatus)) {
    return verdict(
      'fixed',
      'verdictFixed',
      'strong',
      [ev('verdictEvRecovered', String(incident.recoveredStatus))],
      [],
      null,
    );
  }

  const evidence: VerdictEvidence[] = [];
  if (seen.reload?.outcome === 'still-failing')
    evidence.push(ev('verdictEvReloadStillFailing', seen.reload.label ?? failureLabel));
  const net = seen.network;
  const connectionOk = net?.connectivity === 'ok';
  if (connectionOk) evidence.push(ev('verdictEvConnectivityOk'));

  // 2. This device's connection.
  if (net?.captivePortal)
    return verdict(
      'network',
      'verdictCaptivePortal',
      'strong',
      [ev('verdictEvCaptivePortal')],
      ['you', 'network'],
      null,
      'verdictCaptivePortalDetail',
    );
  if (net?.connectivity === 'none') {
    return verdict(
      'network',
      'verdictOffline',
      'strong',
      [ev(net.online ? 'verdictEvNoInternet' : 'verdictEvOffline')],
      ['you', 'network'],
      null,
      'verdictOfflineDetail',
    );
  }

  // 3. Name resolution.
  switch (seen.dns?.state) {
    case 'nxdomain':
      return verdict(
        'dns',
        'verdictDnsNoSuchName',
        'strong',
        [...evidence, ev('verdictEvDnsNxdomain', host)],
        ['site-owner', 'you'],
        null,
        'verdictDnsNoSuchNameDetail',
      );
    case 'no-address':
      return verdict(
        'dns',
        'verdictDnsNoAddress',
        'likely',
        [...evidence, ev('verdictEvDnsNoAddress', host)],
        ['site-owner', 'hosting'],
        null,
      );
    case 'servfail':
      return verdict(
        'dns',
        'verdictDnsServfail',
        'likely',
        [...evidence, ev('verdictEvDnsServfail', host)],
        ['site-owner', 'hosting'],
        null,
      );
    case 'local-fails':
      return verdict(
        'dns',
        'verdictDnsLocal',
        'strong',
        [...evidence, ev('verdictEvDnsLocalFails', host)],
        ['you', 'network'],
        null,
        'verdictDnsFlushDetail',
      );
    case 'stale': {
      const connectionFailed = incident.failure.type === 'network' && EDGE_CONNECTION_KINDS.has(incident.failure.kind);
      return verdict(
        'dns',
        'verdictDnsStale',
        connectionFailed ? 'strong' : 'likely',
        [...evidence, ev('verdictEvDnsStale', incident.ip ?? '')],
        ['you', 'network'],
        null,
        'verdictDnsFlushDetail',
      );
    }
    default:
      break;
  }

  // 4. Something in this browser: its stored data, or an extension.
  const clean = seen.cleanRequest;
  const privateLoaded = seen.privateWindow?.loaded === true;
  const cleanOk = clean?.reachable === true && isOkStatus(clean.status);
  const clearedAllNoHelp = seen.clearSiteData?.outcome === 'still-failing' && seen.clearSiteData.signOutDataCleared;
  const clearedCacheNoHelp = seen.clearSiteData?.outcome === 'still-failing' && !seen.clearSiteData.signOutDataCleared;
  if (privateLoaded) evidence.push(ev('verdictEvPrivateLoaded'));
  if (cleanOk) evidence.push(ev('verdictEvCleanOk', String(clean.status)));
  if (clearedAllNoHelp) evidence.push(ev('verdictEvClearedNoHelp'));
  if (clearedCacheNoHelp) evidence.push(ev('verdictEvCacheClearedNoHelp'));
  const blocked = incident.failure.type === 'network' && incident.failure.kind === 'blocked';
  if (blocked && (privateLoaded || cleanOk)) {
    return verdict(
      'extension',
      'verdictExtension',
      'likely',
      [ev('verdictEvBlocked', failureLabel), ...evidence],
      ['you'],
      null,
      'verdictExtensionDetail',
    );
  }
  if (privateLoaded || cleanOk) {
    if (clearedAllNoHelp) {
      return verdict(
        'extension',
        'verdictExtension',
        'likely',
        evidence,
        ['you'],
        privateLoaded ? null : untried('private-window'),
        'verdictExtensionDetail',
      );
    }
    const both = privateLoaded && cleanOk;
    const confirmed = both || seen.reload?.outcome === 'still-failing';
    // A passing error also looks like this (the clean request came later): reload first, it costs nothing.
    // Clearing the cache alone did not help: the cookies (kept until the person agrees) are next.
    const next = !seen.tried.has('reload')
      ? 'reload'
      : seen.tried.has('clear-site-data') && !clearedCacheNoHelp
        ? untried('private-window')
        : 'clear-site-data';
    return verdict(
      'browser-data',
      'verdictBrowserData',
      confirmed ? 'strong' : 'likely',
      evidence,
      ['you'],
      next,
      'verdictBrowserDataDetail',
    );
  }

  // 5. Other places in the world: the strongest evidence there is for "everyone" vs "only from here".
  const status = seen.statusPage;
  if (status?.problem)
    evidence.push(
      ev(status.own ? 'verdictEvOwnStatusProblem' : 'verdictEvProviderStatusProblem', status.name, status.what),
    );
  const elsewhere = seen.elsewhere;
  if (elsewhere?.state === 'down') {
    return verdict(
      'site',
      'verdictDownForEveryone',
      'strong',
      [...evidence, ev('verdictEvElsewhereDown', String(elsewhere.answered))],
      known.fixers,
      null,
      'verdictDownForEveryoneDetail',
    );
  }
  if (elsewhere?.state === 'up') {
    evidence.push(ev('verdictEvElsewhereUp', String(elsewhere.answered)));
    if (incident.failure.type === 'network') {
      return verdict(
        'network',
        'verdictOnlyFromHere',
        'likely',
        evidence,
        ['you', 'network'],
        untried('dns', 'network'),
        'verdictOnlyFromHereDetail',
      );
    }
    // An HTTP error here, a page elsewhere: without cookies too → the server that answers this region fails.
    if (clean?.reachable === true && clean.status !== undefined && clean.status >= 500) {
      evidence.push(ev('verdictEvCleanServerError', String(clean.status)));
      return verdict(
        'hosting',
        'verdictOnlyFromHereHttp',
        'likely',
        evidence,
        ['hosting', 'site-owner'],
        untried('private-window'),
        'verdictOnlyFromHereHttpDetail',
      );
    }
    return verdict(
      'unknown',
      'verdictWorksElsewhere',
      'unsure',
      evidence,
      ['you'],
      untried('clean-request', 'private-window'),
      'verdictWorksElsewhereDetail',
    );
  }
  if (elsewhere?.state === 'mixed')
    evidence.push(ev('verdictEvElsewhereMixed', String(elsewhere.up), String(elsewhere.answered)));

  // 6. The site (or the CDN in front of it).
  const serverError = clean?.reachable === true && clean.status !== undefined && clean.status >= 500;
  if (serverError) {
    evidence.push(ev('verdictEvCleanServerError', String(clean.status)));
    const strong = connectionOk || seen.reload?.outcome === 'still-failing';
    return verdict(
      'site',
      'verdictSiteError',
      strong ? 'strong' : 'likely',
      evidence,
      known.fixers,
      null,
      'verdictSiteErrorDetail',
    );
  }
  const siteSilent = clean?.reachable === false || net?.siteReachable === false;
  if (siteSilent) {
    evidence.push(ev(clean?.reachable === false ? 'verdictEvCleanUnreachable' : 'verdictEvSiteSilent'));
    const edge = incident.fingerprint.edge;
    const edgeSilent =
      edge !== null && incident.failure.type === 'network' && EDGE_CONNECTION_KINDS.has(incident.failure.kind);
    if (edgeSilent && connectionOk) {
      return verdict(
        'hosting',
        'verdictHostingEdge',
        'likely',
        [...evidence, ev('verdictEvEdgeSilent', displayName(edge))],
        ['hosting', 'site-owner'],
        null,
        'verdictHostingEdgeDetail',
      );
    }
    if (connectionOk)
      return verdict(
        'site',
        'verdictSiteUnreachable',
        'strong',
        evidence,
        known.fixers,
        null,
        'verdictSiteUnreachableDetail',
      );
    return verdict(
      'site',
      'verdictSiteUnreachable',
      'unsure',
      evidence,
      known.fixers,
      untried('network'),
      'verdictSiteUnreachableDetail',
    );
  }
  if (seen.privateWindow?.loaded === false) {
    evidence.push(ev('verdictEvPrivateFailed'));
    return verdict(
      'site',
      'verdictSiteNotBrowser',
      connectionOk ? 'likely' : 'unsure',
      evidence,
      known.fixers,
      untried('clean-request', 'network'),
    );
  }
  if (seen.reload?.outcome === 'still-failing' && incident.failure.type === 'http') {
    return verdict('site', 'verdictProbablySite', 'unsure', evidence, known.fixers, untried('clean-request'));
  }

  if (status?.problem && status.own) {
    return verdict(
      'site',
      'verdictKnownOutage',
      'likely',
      evidence,
      known.fixers,
      untried('clean-request'),
      'verdictKnownOutageDetail',
    );
  }

  // 7. Not enough yet.
  return verdict('unknown', 'verdictUnknown', 'unsure', evidence, known.fixers, untried(), 'verdictUnknownDetail');
}

const HOP_OF_SIDE: Partial<Record<VerdictSide, Hop>> = {
  'browser-data': 'you',
  extension: 'you',
  network: 'network',
  dns: 'network',
  hosting: 'gateway',
  site: 'origin',
};

/**
 * Where the verdict puts the break in "you → your network → gateway → the site's server", so the chain
 * never contradicts it (a 502 fixed by clearing cookies broke at this browser, not at the server).
 * null: no conclusion yet, the failure's own hop stands.
 */
export const hopOfVerdict = (side: VerdictSide): Hop | null => HOP_OF_SIDE[side] ?? null;

/** Browser data or an extension: a clean request reached the site, so every hop past this browser works. */
export const beyondBrowserWorks = (side: VerdictSide): boolean => side === 'browser-data' || side === 'extension';

/** Every i18n key decideVerdict can hand out (a test proves each exists in _locales). */
export const VERDICT_KEYS: readonly string[] = [
  'verdictFixed',
  'verdictFixedByClearing',
  'verdictFixedByClearingDetail',
  'verdictFixedByReload',
  'verdictFixedByReloadDetail',
  'verdictCaptivePortal',
  'verdictCaptivePortalDetail',
  'verdictOffline',
  'verdictOfflineDetail',
  'verdictDnsNoSuchName',
  'verdictDnsNoSuchNameDetail',
  'verdictDnsNoAddress',
  'verdictDnsServfail',
  'verdictDnsLocal',
  'verdictDnsFlushDetail',
  'verdictDnsStale',
  'verdictExtension',
  'verdictExtensionDetail',
  'verdictBrowserData',
  'verdictBrowserDataDetail',
  'verdictSiteError',
  'verdictSiteErrorDetail',
  'verdictHostingEdge',
  'verdictHostingEdgeDetail',
  'verdictSiteUnreachable',
  'verdictSiteUnreachableDetail',
  'verdictSiteNotBrowser',
  'verdictProbablySite',
  'verdictUnknown',
  'verdictUnknownDetail',
  'verdictDownForEveryone',
  'verdictDownForEveryoneDetail',
  'verdictOnlyFromHere',
  'verdictOnlyFromHereDetail',
  'verdictOnlyFromHereHttp',
  'verdictOnlyFromHereHttpDetail',
  'verdictWorksElsewhere',
  'verdictWorksElsewhereDetail',
  'verdictKnownOutage',
  'verdictKnownOutageDetail',
  'verdictEvRecovered',
  'verdictEvClearFixed',
  'verdictEvReloadFixed',
  'verdictEvReloadStillFailing',
  'verdictEvConnectivityOk',
  'verdictEvCaptivePortal',
  'verdictEvNoInternet',
  'verdictEvOffline',
  'verdictEvDnsNxdomain',
  'verdictEvDnsNoAddress',
  'verdictEvDnsServfail',
  'verdictEvDnsLocalFails',
  'verdictEvDnsStale',
  'verdictEvPrivateLoaded',
  'verdictEvCleanOk',
  'verdictEvClearedNoHelp',
  'verdictEvCacheClearedNoHelp',
  'verdictEvBlocked',
  'verdictEvCleanServerError',
  'verdictEvCleanUnreachable',
  'verdictEvSiteSilent',
  'verdictEvEdgeSilent',
  'verdictEvPrivateFailed',
  'verdictEvElsewhereDown',
  'verdictEvElsewhereUp',
  'verdictEvElsewhereMixed',
  'verdictEvOwnStatusProblem',
  'verdictEvProviderStatusProblem',
];
