// Step "status-page": does the site's own status page (status.<its domain>), or the status page of the CDN or
// platform that answered, report a problem? Third-party look-up: runs only when the person allowed those.
import type { Evidence } from '../model/checks';
import { planStatusPages, type StatusPagePlan, type StatusTarget } from '../knowledge/outgoing-requests';
import { hasProblem, humanPageOf, parseStatuspage, summaryUrlOf, type StatusReading } from '../knowledge/statuspage';
import { mayTellThirdParties } from '../knowledge/internal-host';
import type { Check, CheckContext, CheckOutput } from './check';
import { discardBody, PROBE_TIMEOUT_MS, probe, readBoundedText } from './probe';
import { timeLeftMs } from './time-left';

export { planStatusPages, type StatusPagePlan, type StatusTarget };

export type StatusLookup =
  | { target: StatusTarget; found: true; reading: StatusReading }
  | { target: StatusTarget; found: false; answered: boolean };

const problemLabel = (reading: StatusReading) =>
  reading.indicator === 'maintenance' ? 'statusPageMaintenance' : 'statusPageReportsProblem';

/** Pure: what the pages said, as the step's result. */
export function interpretStatusPages(lookups: StatusLookup[], links: StatusTarget[]): CheckOutput {
  const evidence: Evidence[] = [];
  for (const lookup of lookups) {
    const { target } = lookup;
    if (!lookup.found) {
      // Something answered but it is no Statuspage JSON: maybe a page a person can still read.
      const label = lookup.answered
        ? 'evidenceStatusPageUnreadable'
        : target.kind === 'site'
          ? 'evidenceStatusPageNoneAtSite'
          : 'evidenceStatusPageNoAnswer';
      evidence.push({ label, value: humanPageOf(target.url) });
      continue;
    }
    const { reading } = lookup;
    evidence.push({
      label: 'evidenceStatusPageSays',
      value: `${target.name}: ${reading.description} (${reading.indicator})`,
    });
    for (const incident of reading.incidents ?? []) {
      const parts = [incident.name, incident.status, incident.updatedAt, incident.shortlink].filter(Boolean);
      evidence.push({ label: 'evidenceStatusIncident', value: parts.join(' — ') });
    }
    evidence.push({ label: 'evidenceStatusPageLink', value: reading.pageUrl ?? humanPageOf(target.url) });
  }
  for (const link of links) evidence.push({ label: 'evidenceStatusPageLinkOnly', value: `${link.name}: ${link.url}` });

  const found = lookups.filter((l): l is Extract<StatusLookup, { found: true }> => l.found);
  const openIncidents = found.reduce((n, l) => n + (l.reading.incidents?.length ?? 0), 0);
  const facts: Record<string, string | number | boolean> = { statusPagesRead: found.length, openIncidents };
  for (const l of found)
    facts[l.target.kind === 'site' ? 'siteStatusIndicator' : 'providerStatusIndicator'] = l.reading.indicator;

  const troubled = found.filter((l) => hasProblem(l.reading));
  const first = troubled[0];
  if (first) {
    return {
      outcome: 'fail',
      summary: problemLabel(first.reading),
      summaryArgs: [first.target.name, first.reading.incidents?.[0]?.name ?? first.reading.description],
      evidence,
      facts: { ...facts, statusPage: 'problem', problemAt: first.target.kind },
    };
  }
  if (found.length > 0) {
    return {
      outcome: 'pass',
      summary: 'statusPageAllClear',
      summaryArgs: [found.map((l) => l.target.name).join(', ')],
      evidence,
      facts: { ...facts, statusPage: 'operational' },
    };
  }
  if (lookups.length === 0) {
    return {
      outcome: 'skipped',
      summary: links.length > 0 ? 'statusPageLinksOnly' : 'statusPageNothingToRead',
      evidence,
      facts: { ...facts, statusPage: 'unknown' },
    };
  }
  const anyAnswered = lookups.some((l) => !l.found && l.answered);
  return {
    outcome: 'inconclusive',
    summary: anyAnswered ? 'statusPageNotFound' : 'statusPageNoAnswer',
    evidence,
    facts: { ...facts, statusPage: 'unknown' },
  };
}

const NO_STORE: RequestInit = {
  credentials: 'omit',
  cache: 'no-store',
  redirect: 'follow',
  headers: { accept: 'application/json' },
};
/** A busy provider's summary (hundreds of components) is large; past this it is not read. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;

async function readJson(
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<{ answered: boolean; json?: unknown }> {
  const r = await probe(url, NO_STORE, signal, timeoutMs);
  if (!r.answered) return { answered: false };
  if (!r.response.ok) {
    discardBody(r.response);
    return { answered: true };
  }
  const body = await readBoundedText(r.response, SUMMARY_LIMIT_BYTES);
  try {
    return { answered: true, json: body.truncated ? undefined : JSON.parse(body.text) };
  } catch {
    return { answered: true };
  }
}

/** The summary first (it lists open incidents), then the plain status. */
async function lookUp(target: StatusTarget, signal: AbortSignal, timeoutMs: number): Promise<StatusLookup> {
  let answered = false;
  for (const url of [summaryUrlOf(target.url), target.url]) {
    if (!url || signal.aborted) continue;
    const r = await readJson(url, signal, timeoutMs);
    answered ||= r.answered;
    const reading = r.json === undefined ? null : parseStatuspage(r.json);
    if (reading) return { target, found: true, reading };
    // No answer at all (no such host, offline): asking the same host again would only wait twice.
    if (!r.answered) break;
  }
  return { target, found: false, answered };
}

export const statusPage: Check = {
  id: 'status-page',
  // Contacts third parties: never part of "check everything"; only when the person starts it.
  automatic: false,
  async run(context: CheckContext): Promise<CheckOutput> {
    const { endpoints } = context.settings;
    // An internal name, or a name that resolved inside this network, is never put into status.<domain>.
    const scope = mayTellThirdParties(context.url, context.incident.ip) ? context.scope : null;
    const plan = planStatusPages(context.url, context.incident.fingerprint.edge, endpoints, scope);
    if (!context.settings.thirdPartyLookups) {
      const links = [...plan.lookups, ...plan.links].map((t) => ({
        label: 'evidenceStatusPageLinkOnly',
        value: `${t.name}: ${humanPageOf(t.url)}`,
      }));
      return {
        outcome: 'skipped',
        summary: 'thirdPartyLookupsOff',
        evidence: links,
        facts: { statusPage: 'not-checked' },
      };
    }
    context.progress('progressReadingStatusPages');
    // Two requests per page at most (summary, then status), both inside the step's limit.
    const timeoutMs = Math.min(PROBE_TIMEOUT_MS, Math.floor(timeLeftMs(context) / 2));
    const lookups = await Promise.all(plan.lookups.map((t) => lookUp(t, context.signal, timeoutMs)));
    return interpretStatusPages(lookups, plan.links);
  },
};
