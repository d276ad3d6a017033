// Step "dns": asks a public DNS-over-HTTPS resolver (and in Firefox the browser's own resolver) for the
// site's address, and compares with the address the browser actually connected to.
import type { Evidence } from '../model/checks';
import type { Failure } from '../model/failure';
import { messageKey } from '../model/message-key';
import { browserKind, platformOs, type BrowserKind, type PlatformOs } from '../platform/browser-info';
import { resolveWithBrowser, type BrowserLookup } from '../platform/dns';
import { mayTellThirdParties } from '../knowledge/internal-host';
import { dohQueryUrl } from '../knowledge/outgoing-requests';
import type { Check, CheckContext, CheckOutput } from './check';
import { hostKind } from '../knowledge/host-kind';
import { normalizeIp, parseDohJson, type DohLookup } from './dns-answers';
import { PROBE_TIMEOUT_MS, probe, readBoundedText } from './probe';
import { timeLeftMs } from './time-left';

import type { DnsState } from '../knowledge/verdict-facts';

export interface DnsAnswers {
  host: string;
  doh: { a: DohLookup; aaaa: DohLookup };
  browser: BrowserLookup;
  /** The IP the browser connected to when the page failed, if it got that far. */
  usedIp?: string;
  failure: Failure;
  /** A CDN answers with different addresses per place and resolver: a mismatch means little there. */
  behindCdn: boolean;
}

const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

type Public =
  { state: 'resolves'; addresses: string[] } | { state: 'nxdomain' | 'no-address' | 'servfail' | 'unknown' };

function publicAnswer({ a, aaaa }: DnsAnswers['doh']): Public {
  const answered = [a, aaaa].filter((l): l is Extract<DohLookup, { answered: true }> => l.answered);
  if (answered.length === 0) return { state: 'unknown' };
  const addresses = [...new Set(answered.flatMap((l) => l.addresses))];
  if (addresses.length > 0) return { state: 'resolves', addresses };
  if (answered.some((l) => l.rcode === RCODE_NXDOMAIN)) return { state: 'nxdomain' };
  if (answered.some((l) => l.rcode === RCODE_SERVFAIL)) return { state: 'servfail' };
  return { state: 'no-address' };
}

/** Pure: the answers as the step's result. */
export function interpretDns(answers: DnsAnswers): CheckOutput {
  const pub = publicAnswer(answers.doh);
  const local =
    answers.browser.supported && 'addresses' in answers.browser ? answers.browser.addresses.map(normalizeIp) : null;
  const localFailed = answers.browser.supported && 'error' in answers.browser;
  const used = answers.usedIp ? normalizeIp(answers.usedIp) : undefined;
  const evidence: Evidence[] = [];
  if (pub.state === 'resolves') evidence.push({ label: 'evidenceDnsPublicAddresses', value: pub.addresses.join(', ') });
  else evidence.push({ label: messageKey('evidenceDnsPublic', pub.state), value: '' });
  if (!answers.browser.supported) evidence.push({ label: 'evidenceDnsBrowserResolverHidden', value: '' });
  else if (local) evidence.push({ label: 'evidenceDnsBrowserAddresses', value: local.join(', ') || '—' });
  else
    evidence.push({
      label: 'evidenceDnsBrowserFailed',
      value: 'error' in answers.browser ? answers.browser.error : '',
    });
  if (used) evidence.push({ label: 'evidenceConnectedIp', value: used });

  const result = (
    outcome: CheckOutput['outcome'],
    summary: string,
    dns: DnsState,
    summaryArgs: string[] = [answers.host],
  ): CheckOutput => ({
    outcome,
    summary,
    summaryArgs,
    evidence,
    facts: { dns },
  });

  if (pub.state !== 'resolves') {
    if (local && local.length > 0) return result('inconclusive', 'dnsOnlyLocal', 'local-only');
    if (pub.state === 'unknown')
      return result(
        'inconclusive',
        localFailed ? 'dnsResolverUnreachableLocalFails' : 'dnsResolverUnreachable',
        'unknown',
      );
    if (pub.state === 'nxdomain') return result('fail', 'dnsNxdomain', 'nxdomain');
    if (pub.state === 'servfail') return result('fail', 'dnsServfail', 'servfail');
    return result('fail', 'dnsNoAddress', 'no-address');
  }
  if (localFailed) return result('fail', 'dnsLocalFails', 'local-fails');
  if (answers.failure.type === 'network' && answers.failure.kind === 'dns' && !local) {
    // Chrome: we cannot ask its resolver, but it failed on this very name while public DNS answers.
    return result('fail', 'dnsFailedBeforeResolvesNow', 'local-fails');
  }
  if (!used) return result('pass', 'dnsResolves', 'ok', [answers.host, pub.addresses.slice(0, 3).join(', ')]);
  const known = new Set([...pub.addresses, ...(local ?? [])]);
  if (known.has(used)) return result('pass', 'dnsConsistent', 'ok', [answers.host, used]);
  if (answers.behindCdn) return result('pass', 'dnsDiffersBehindCdn', 'ok', [answers.host, used]);
  return result('fail', 'dnsStale', 'stale', [used, pub.addresses.slice(0, 3).join(', ')]);
}

/** Pure: how to clear the DNS caches that may hold an old or failed answer, for this OS and browser. */
export function flushAdvice(os: PlatformOs, browser: BrowserKind): Evidence[] {
  const commands: Partial<Record<PlatformOs, string>> = {
    win: 'ipconfig /flushdns',
    mac: 'sudo dscacheutil -flushcache; sudo killall -HUP mDNSResponder',
    linux: 'resolvectl flush-caches',
  };
  const command = commands[os];
  const device: Evidence = command
    ? { label: `evidenceFlushCommand_${os}`, value: command }
    : { label: `evidenceFlushDevice_${os}`, value: '' };
  const inBrowser: Evidence =
    browser === 'firefox'
      ? { label: 'evidenceFlushBrowser_firefox', value: 'about:networking#dns' }
      : { label: 'evidenceFlushBrowser_chrome', value: 'chrome://net-internals/#dns' };
  return [inBrowser, device];
}

const NEEDS_FLUSH: ReadonlySet<DnsState> = new Set(['stale', 'local-fails']);

async function askDoh(
  resolver: string,
  host: string,
  type: 'A' | 'AAAA',
  signal: AbortSignal,
  timeoutMs: number,
): Promise<DohLookup> {
  const url = dohQueryUrl(resolver, host, type);
  if (!url) return { answered: false, reason: 'bad resolver URL' };
  const r = await probe(
    url,
    { headers: { accept: 'application/dns-json' }, cache: 'no-store', credentials: 'omit' },
    signal,
    timeoutMs,
  );
  if (!r.answered) return { answered: false, reason: r.error };
  if (!r.response.ok) return { answered: false, reason: `HTTP ${r.status}` };
  try {
    return parseDohJson(JSON.parse((await readBoundedText(r.response, 64 * 1024)).text));
  } catch {
    return { answered: false, reason: 'unreadable answer' };
  }
}

export const dns: Check = {
  id: 'dns',
  automatic: true,
  async run(context: CheckContext): Promise<CheckOutput> {
    const { hostname } = new URL(context.url);
    // A public-looking name that resolved to an address inside this network is not sent to a public resolver.
    const kind =
      hostKind(hostname) === 'public' && !mayTellThirdParties(context.url, context.incident.ip)
        ? 'local-name'
        : hostKind(hostname);
    if (kind !== 'public') {
      const summary =
        kind === 'ip' ? 'dnsSkippedIp' : kind === 'localhost' ? 'dnsSkippedLocalhost' : 'dnsSkippedLocalName';
      return { outcome: 'skipped', summary, summaryArgs: [hostname], evidence: [], facts: { dns: 'skipped' } };
    }
    context.progress('progressAskingDns');
    const timeoutMs = Math.min(PROBE_TIMEOUT_MS, timeLeftMs(context));
    const resolver = context.settings.endpoints.dohResolver;
    const [a, aaaa, browserLookup, os] = await Promise.all([
      askDoh(resolver, hostname, 'A', context.signal, timeoutMs),
      askDoh(resolver, hostname, 'AAAA', context.signal, timeoutMs),
      resolveWithBrowser(hostname, context.signal, timeoutMs),
      platformOs(),
    ]);
    const { incident } = context;
    const output = interpretDns({
      host: hostname,
      doh: { a, aaaa },
      browser: browserLookup,
      ...(incident.ip ? { usedIp: incident.ip } : {}),
      failure: incident.failure,
      behindCdn: incident.fingerprint.edge !== null,
    });
    const advice = NEEDS_FLUSH.has(output.facts?.dns as DnsState) ? flushAdvice(os, browserKind()) : [];
    return { ...output, evidence: [...output.evidence, ...advice] };
  },
};
