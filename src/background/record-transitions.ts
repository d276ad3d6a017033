// Pure transitions of a tab's record: what a failure, a recovery or a challenge does to it.
import type { CheckId, CheckState, CheckStates } from '../model/checks';
import type { Failure } from '../model/failure';
import type { Fingerprint } from '../model/fingerprint';
import {
  PAGE_READING_CAPS,
  type Challenge,
  type ClientError,
  type Incident,
  type PageReading,
  type TabRecord,
} from '../model/incident';

export interface ObservedFailure {
  url: string;
  failure: Failure;
  headers: Record<string, string>;
  fingerprint: Fingerprint;
  incognito: boolean;
  ip?: string;
  now: number;
  newId: string;
}

/** A failure replaces the tab's incident; the same URL failing again keeps the checks already run. */
export function withFailure(record: TabRecord | undefined, seen: ObservedFailure, tabId: number): TabRecord {
  const previous = record?.incident;
  const sameUrl = previous?.url === seen.url;
  const incident: Incident = {
    id: sameUrl ? previous.id : seen.newId,
    url: seen.url,
    failure: seen.failure,
    at: sameUrl ? previous.at : seen.now,
    lastSeenAt: seen.now,
    occurrences: sameUrl ? previous.occurrences + 1 : 1,
    headers: seen.headers,
    fingerprint: seen.fingerprint,
    incognito: seen.incognito,
    checks: sameUrl ? previous.checks : {},
    ...(seen.ip ? { ip: seen.ip } : {}),
  };
  const { challenge: _challenge, clientError: _refused, ...rest } = record ?? { tabId };
  void _challenge;
  void _refused;
  return { ...rest, tabId, incident };
}

/**
 * A 4xx the tab now shows (404, 403, 429 …): any incident ends (the site answered), and the refusal is kept
 * beside it; the same URL refused again keeps its id (a watch on it goes on).
 */
export function withClientError(
  record: TabRecord | undefined,
  seen: Omit<ObservedFailure, 'failure' | 'ip'> & { failure: ClientError['failure'] },
  tabId: number,
): TabRecord {
  const previous = record?.clientError;
  const same = previous?.url === seen.url && previous.failure.status === seen.failure.status;
  const clientError: ClientError = {
    id: same ? previous.id : seen.newId,
    url: seen.url,
    failure: seen.failure,
    at: same ? previous.at : seen.now,
    lastSeenAt: seen.now,
    headers: seen.headers,
    fingerprint: seen.fingerprint,
    incognito: seen.incognito,
  };
  const base = withRecovery(record, seen.failure.status, seen.now) ?? record ?? { tabId };
  return { ...base, tabId, clientError };
}

/** Adds the connected IP once the browser reports it (onCompleted / onErrorOccurred). */
export function withIp(record: TabRecord | undefined, url: string, ip: string | undefined): TabRecord | undefined {
  const incident = record?.incident;
  if (!record || !incident || !ip || incident.url !== url || incident.ip === ip) return undefined;
  return { ...record, incident: { ...incident, ip } };
}

/** The one failing response a page reading belongs to: the incident and the moment it was seen. */
export interface FailingResponse {
  incidentId: string;
  seenAt: number;
}

/**
 * Stores what the failing page said — only while that very response is still the tab's incident: a later
 * navigation, recovery or new failure of the same URL (a new `lastSeenAt`) makes the reading stale.
 */
export function withPageReading(
  record: TabRecord | undefined,
  response: FailingResponse,
  reading: PageReading,
): TabRecord | undefined {
  const slot = readingSlot(record, response);
  if (!record || !slot) return undefined;
  const incident = record[slot]!;
  const reason = reading.reason && {
    ...reading.reason,
    code: reading.reason.code === null ? null : reading.reason.code.slice(0, PAGE_READING_CAPS.code),
    ...(reading.reason.reference ? { reference: reading.reason.reference.slice(0, PAGE_READING_CAPS.reference) } : {}),
  };
  return { ...record, [slot]: { ...incident, page: { readAt: reading.readAt, reason } } };
}

/** Which response of the record a reading belongs to: the incident or the refusal (a 4xx), if still current. */
export function readingSlot(
  record: TabRecord | undefined,
  response: FailingResponse,
): 'incident' | 'clientError' | null {
  for (const slot of ['incident', 'clientError'] as const) {
    const shown = record?.[slot];
    if (shown?.id === response.incidentId && shown.lastSeenAt === response.seenAt) return slot;
  }
  return null;
}

/** A successful top-level load ends the incident; it stays as the tab's last error. */
export function withRecovery(record: TabRecord | undefined, status: number, now: number): TabRecord | undefined {
  if (!record?.incident && !record?.challenge && !record?.clientError) return undefined;
  const { incident, challenge: _challenge, clientError: _refused, ...rest } = record;
  void _challenge;
  void _refused;
  return {
    ...rest,
    ...(incident ? { lastError: { ...incident, endedAt: now, recoveredStatus: status } } : {}),
  };
}

/**
 * A top-level load completed with a status that is not a 5xx. The completion of the very response the
 * record shows (a challenge page, a refusal) changes nothing; any other load ends what the record shows.
 */
export function afterLoad(
  record: TabRecord | undefined,
  url: string,
  status: number,
  now: number,
): TabRecord | undefined {
  const challenge = record?.challenge;
  const refusal = record?.clientError;
  if (challenge?.url === url && challenge.status === status) return undefined;
  if (refusal?.url === url && refusal.failure.status === status) return undefined;
  return withRecovery(record, status, now);
}

export function withChallenge(record: TabRecord | undefined, challenge: Challenge, tabId: number): TabRecord {
  const base = withRecovery(record, challenge.status, challenge.at) ?? record ?? { tabId };
  return { ...base, tabId, challenge };
}

/**
 * Writes a check's state into the incident it belongs to — the current one, or the one that just ended
 * (a reload that fixed the page ends the incident while other steps are still running).
 * With `expectRunId`, writes only if that run still owns the step (a newer run or a sweep wins).
 */
export function withCheckState(
  record: TabRecord | undefined,
  incidentId: string,
  checkId: CheckId,
  state: CheckState,
  expectRunId?: string,
): TabRecord | undefined {
  if (!record) return undefined;
  for (const slot of ['incident', 'lastError'] as const) {
    const incident = record[slot];
    if (incident?.id !== incidentId) continue;
    if (expectRunId !== undefined && incident.checks[checkId]?.runId !== expectRunId) return undefined;
    return { ...record, [slot]: { ...incident, checks: { ...incident.checks, [checkId]: state } } };
  }
  return undefined;
}

/** After the worker restarted, no step is running any more: a 'running' state would spin forever. */
export function withInterruptedChecks(record: TabRecord): TabRecord | undefined {
  let changed = false;
  const sweep = <T extends Incident | undefined>(incident: T): T => {
    if (!incident) return incident;
    const checks: CheckStates = { ...incident.checks };
    for (const [id, state] of Object.entries(checks) as [CheckId, CheckState][]) {
      if (state.state !== 'running') continue;
      checks[id] = { state: 'interrupted', runId: state.runId, startedAt: state.startedAt };
      changed = true;
    }
    return { ...incident, checks };
  };
  const next = { ...record, incident: sweep(record.incident), lastError: sweep(record.lastError) };
  if (!next.incident) delete next.incident;
  if (!next.lastError) delete next.lastError;
  return changed ? next : undefined;
}
