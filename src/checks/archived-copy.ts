// Step "archived-copy": while the site is down, is there a copy of the page in the Internet Archive?
// Third-party look-up: runs only when the person allowed those.
import { safeHttpUrl } from '../knowledge/statuspage';
import { archiveKey, archiveLookupUrl } from '../knowledge/outgoing-requests';

export { archiveKey, archiveLookupUrl };
import { mayTellThirdParties } from '../knowledge/internal-host';
import type { Check, CheckContext, CheckOutput } from './check';
import { discardBody, PROBE_TIMEOUT_MS, probe, readBoundedText } from './probe';
import { timeLeftMs } from './time-left';
import { isObject } from '../model/json-shape';

export interface Snapshot {
  url: string;
  /** Wayback's 14-digit timestamp (UTC) as an ISO date-time. */
  capturedAt: string;
  /** The status the archive saw when it captured the page, e.g. '200'. */
  status?: string;
}

/** "20240131093000" → "2024-01-31T09:30:00Z"; anything else → null. */
export function waybackTimestamp(value: unknown): string | null {
  const m = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value) : null;
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/**
 * The availability API's answer: `{ archived_snapshots: { closest: { available, url, timestamp, status } } }`.
 * 'none' for an empty `archived_snapshots` or a capture of an error page; null for anything unreadable.
 */
export function parseAvailability(json: unknown): Snapshot | 'none' | null {
  if (!isObject(json) || !isObject(json.archived_snapshots)) return null;
  const closest = json.archived_snapshots.closest;
  if (closest === undefined) return 'none';
  if (!isObject(closest)) return null;
  const capturedAt = waybackTimestamp(closest.timestamp);
  const url = safeHttpUrl(closest.url);
  if (closest.available !== true || !url || !capturedAt) return 'none';
  const status = typeof closest.status === 'string' ? closest.status.slice(0, 3) : undefined;
  // A capture of the same outage is no help.
  if (status && !/^[23]\d\d$/.test(status)) return 'none';
  // The API answers with http:// links; the archive serves them over https.
  const secure = url.replace(/^http:\/\/(web\.)?archive\.org\//, 'https://web.archive.org/');
  return { url: secure, capturedAt, ...(status ? { status } : {}) };
}

/** Pure: the snapshot (or its absence) as the step's result. */
export function interpretArchive(found: Snapshot | 'none' | null, pageKey: string): CheckOutput {
  if (found === null) {
    return { outcome: 'inconclusive', summary: 'archivedUnreadable', evidence: [], facts: { archived: 'unknown' } };
  }
  if (found === 'none') {
    return {
      outcome: 'inconclusive',
      summary: 'archivedNone',
      summaryArgs: [pageKey],
      evidence: [],
      facts: { archived: false },
    };
  }
  return {
    outcome: 'pass',
    summary: 'archivedFound',
    summaryArgs: [found.capturedAt.slice(0, 10)],
    evidence: [
      { label: 'evidenceArchivedSnapshot', value: found.url },
      { label: 'evidenceArchivedDate', value: found.capturedAt.replace('T', ' ').replace('Z', ' UTC') },
    ],
    facts: { archived: true, archivedAt: found.capturedAt },
  };
}

export const archivedCopy: Check = {
  id: 'archived-copy',
  // Contacts a third party: never part of "check everything"; only when the person starts it.
  automatic: false,
  async run(context: CheckContext): Promise<CheckOutput> {
    const withPath = context.settings.sharePagePath;
    const key = archiveKey(context.url, withPath);
    const lookup = archiveLookupUrl(context.settings.endpoints.archive, context.url, withPath);
    if (!mayTellThirdParties(context.url, context.incident.ip))
      return { outcome: 'skipped', summary: 'archivedNotApplicable', evidence: [] };
    if (!key || !lookup) return { outcome: 'skipped', summary: 'archivedNotApplicable', evidence: [] };
    if (!context.settings.thirdPartyLookups) {
      // The person can still look by hand: nothing is contacted from here.
      const byHand = `https://web.archive.org/web/*/${key}`;
      return {
        outcome: 'skipped',
        summary: 'thirdPartyLookupsOff',
        evidence: [{ label: 'evidenceArchivedSearchByHand', value: byHand }],
        facts: { archived: 'not-checked' },
      };
    }
    context.progress('progressAskingArchive');
    const timeoutMs = Math.min(PROBE_TIMEOUT_MS * 1.5, timeLeftMs(context));
    const r = await probe(
      lookup,
      { credentials: 'omit', cache: 'no-store', headers: { accept: 'application/json' } },
      context.signal,
      timeoutMs,
    );
    if (!r.answered) {
      return {
        outcome: 'inconclusive',
        summary: r.timedOut ? 'archivedTimeout' : 'archivedUnreachable',
        evidence: [{ label: 'evidenceError', value: r.error }],
        facts: { archived: 'unknown' },
      };
    }
    if (!r.response.ok) {
      discardBody(r.response);
      return {
        outcome: 'inconclusive',
        summary: 'archivedServiceError',
        summaryArgs: [String(r.status)],
        evidence: [],
        facts: { archived: 'unknown' },
      };
    }
    const body = await readBoundedText(r.response, 64 * 1024);
    let json: unknown = null;
    try {
      json = JSON.parse(body.text);
    } catch {
      // Unreadable: reported below.
    }
    return interpretArchive(parseAvailability(json), key);
  },
};
