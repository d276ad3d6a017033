// Step "private-window": opens the page in a private window, which has none of this site's cookies or
// cache and (by default) no extensions. Watched when the browser lets us see the window; else the person
// tells us what they saw. Nothing about the private window is written to storage.local.
import type { Check, CheckContext, CheckOutput, UserAnswer } from './check';
import { isAllowedInPrivateWindows, openPrivateWindow } from '../platform/private-window';
import { observeTab, type TabLoad } from './observe-tab';
import { timeLeftMs } from './time-left';
import { failureLabel, sameFailure } from './tab-load-result';
import type { Failure } from '../model/failure';
import { isOkStatus } from '../model/http-status';

/** Prompt when a window opened but the extension cannot see it. */
export const ASK_PRIVATE_WINDOW = 'privateWindowAsk';
/** Prompt when the browser refused (Firefox): how to allow it, and to try by hand. */
export const ASK_OPEN_IT_YOURSELF = 'privateWindowAskOpenYourself';

/** Pure: the person's answer as the result. */
export function privateWindowFromAnswer(answer: UserAnswer): CheckOutput {
  return answer === 'loaded'
    ? {
        outcome: 'pass',
        summary: 'privateWindowLoaded',
        evidence: [{ label: 'evidenceToldByYou', value: '' }],
        facts: { privateLoaded: true, observed: false },
      }
    : {
        outcome: 'fail',
        summary: 'privateWindowSameError',
        evidence: [{ label: 'evidenceToldByYou', value: '' }],
        facts: { privateLoaded: false, observed: false },
      };
}

/** Pure: what the extension saw in the private window's tab; null when it saw nothing (then it asks). */
export function interpretPrivateLoad(load: TabLoad | null, before: Failure): CheckOutput | null {
  if (load === null) return null;
  const facts = { observed: true };
  if (load.kind === 'failed') {
    return {
      outcome: 'fail',
      summary: 'privateWindowFailedToo',
      summaryArgs: [failureLabel(load.failure)],
      evidence: [{ label: 'evidenceNewError', value: failureLabel(load.failure) }],
      facts: { ...facts, privateLoaded: false, sameFailure: sameFailure(load.failure, before) },
    };
  }
  if (load.kind === 'loaded' && isOkStatus(load.status)) {
    return {
      outcome: 'pass',
      summary: 'privateWindowLoaded',
      evidence: [{ label: 'evidenceNewStatus', value: String(load.status) }],
      facts: { ...facts, privateLoaded: true },
    };
  }
  return {
    outcome: 'inconclusive',
    summary: 'privateWindowOtherStatus',
    summaryArgs: [String(load.status)],
    evidence: [],
    facts,
  };
}

export const privateWindow: Check = {
  id: 'private-window',
  automatic: false,
  // Removing data and then watching a reload (or a new window) needs more than a probe's 8 s.
  timeLimitMs: 15_000,
  async run(context: CheckContext) {
    context.progress('progressOpeningPrivateWindow');
    const allowed = await isAllowedInPrivateWindows();
    const since = Date.now();
    // Watch before opening: a fast page loads before windows.create even returns.
    let tabIdKnown: (tabId: number) => void = () => {};
    const tabId = new Promise<number>((resolve) => (tabIdKnown = resolve));
    const stop = new AbortController();
    const waitMs = timeLeftMs(context);
    const observing = observeTab({
      tabId,
      watch: { since },
      signal: AbortSignal.any([context.signal, stop.signal]),
      waitMs,
    });
    // A window, once asked for, opens and stays open whatever a cancel says: the runner tells the person.
    const opening = await context.lasting('window', openPrivateWindow(context.url, allowed), (o) =>
      o.opened ? [] : null,
    );
    if (!opening.opened || opening.tabId === null) {
      stop.abort();
      await observing;
      return { ask: opening.opened ? ASK_PRIVATE_WINDOW : ASK_OPEN_IT_YOURSELF };
    }
    context.progress('progressWatchingPrivateWindow');
    tabIdKnown(opening.tabId);
    return interpretPrivateLoad(await observing, context.incident.failure) ?? { ask: ASK_PRIVATE_WINDOW };
  },
  fromAnswer: privateWindowFromAnswer,
};
