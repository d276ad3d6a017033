// Pure: what a page load observed after a step means, as that step's result. Shared by the steps that
// make the tab load again (reload, clear-site-data) so they speak the same way.
import type { CheckOutcome } from '../model/checks';
import { failureKey, type Failure } from '../model/failure';
import type { CheckOutput } from './check';
import type { TabLoad } from './observe-tab';
import { isOkStatus } from '../model/http-status';

/** Short, language-neutral name of a failure for summaries: "502", "net::ERR_CONNECTION_REFUSED". */
export function failureLabel(failure: Failure): string {
  return failure.type === 'http' ? String(failure.status) : failure.error;
}

export const sameFailure = (a: Failure, b: Failure): boolean => failureKey(a) === failureKey(b);

/**
 * `prefix` names the step's keys: `${prefix}Fixed`, `${prefix}SameError`, `${prefix}OtherError`,
 * `${prefix}OtherStatus`, `${prefix}Challenge`, `${prefix}NoAnswer`.
 */
export function interpretTabLoad(prefix: string, load: TabLoad | null, before: Failure): CheckOutput {
  const facts: Record<string, string | number | boolean> = {};
  let outcome: CheckOutcome;
  let summary: string;
  let summaryArgs: string[] = [];
  if (load === null) {
    outcome = 'inconclusive';
    summary = `${prefix}NoAnswer`;
    facts.answered = false;
  } else if (load.kind === 'failed') {
    const same = sameFailure(load.failure, before);
    outcome = 'still-failing';
    summary = same ? `${prefix}SameError` : `${prefix}OtherError`;
    summaryArgs = [failureLabel(load.failure)];
    facts.sameFailure = same;
    facts.failure = failureKey(load.failure);
    if (load.failure.type === 'http') facts.status = load.failure.status;
  } else if (load.kind === 'challenge') {
    outcome = 'inconclusive';
    summary = `${prefix}Challenge`;
    facts.status = load.status;
    facts.challenge = true;
  } else if (isOkStatus(load.status)) {
    outcome = 'fixed';
    summary = `${prefix}Fixed`;
    summaryArgs = [String(load.status)];
    facts.status = load.status;
  } else {
    // 4xx: no longer a server error, but not the page either (e.g. 404 or 403 now).
    outcome = 'inconclusive';
    summary = `${prefix}OtherStatus`;
    summaryArgs = [String(load.status)];
    facts.status = load.status;
  }
  const evidence =
    load?.kind === 'failed'
      ? [{ label: 'evidenceNewError', value: failureLabel(load.failure) }]
      : load
        ? [{ label: 'evidenceNewStatus', value: String(load.status) }]
        : [];
  return { outcome, summary, ...(summaryArgs.length ? { summaryArgs } : {}), evidence, facts };
}
