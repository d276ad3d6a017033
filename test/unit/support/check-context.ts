// A CheckContext for tests, with settings whose endpoints point at loopback.
import type { AskUser, CheckContext, CheckOutput, LastingKind } from '../../../src/checks/check';
import type { Evidence } from '../../../src/model/checks';
import type { Failure } from '../../../src/model/failure';
import type { Incident } from '../../../src/model/incident';
import type { SiteScope } from '../../../src/model/site-scope';
import { siteScopeOf } from '../../../src/knowledge/site-scope';
import { DEFAULT_SETTINGS, type Endpoints, type Settings } from '../../../src/model/settings';

export function testIncident(url: string, failure: Failure, extra: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    url,
    failure,
    at: 1,
    lastSeenAt: 1,
    occurrences: 1,
    headers: {},
    fingerprint: { edge: null, server: null, traceIds: [] },
    incognito: false,
    checks: {},
    ...extra,
  };
}

export function testContext(
  incident: Incident,
  endpoints: Partial<Endpoints> = {},
  options: {
    signal?: AbortSignal;
    confirmed?: boolean;
    tabId?: number;
    timeoutMs?: number;
    scope?: SiteScope | null;
  } = {},
): CheckContext & { progressed: string[]; lasted: { kind: LastingKind; left: Evidence[] | null }[] } {
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), checkTimeoutMs: options.timeoutMs ?? 8000 };
  settings.endpoints = { ...settings.endpoints, ...endpoints };
  const progressed: string[] = [];
  // Lasting work the step declared (a removal, a window) and what it said it left behind.
  const lasted: { kind: LastingKind; left: Evidence[] | null }[] = [];
  return {
    tabId: options.tabId ?? 7,
    url: incident.url,
    incident,
    settings,
    deadline: Date.now() + settings.checkTimeoutMs,
    signal: options.signal ?? new AbortController().signal,
    confirmed: options.confirmed ?? false,
    locale: 'en',
    // What the popup sends: the Public Suffix List's view of the host.
    scope: options.scope === undefined ? siteScopeOf(new URL(incident.url).hostname) : options.scope,
    progress: (key) => void progressed.push(key),
    lasting: (kind, work, describe) =>
      work.then((result) => (lasted.push({ kind, left: describe ? describe(result) : [] }), result)),
    progressed,
    lasted,
  };
}

/** The result of a step that must not ask the person (fails the test if it does). */
export function output(out: CheckOutput | AskUser): CheckOutput {
  if ('ask' in out) throw new Error(`unexpected question: ${out.ask}`);
  return out;
}
