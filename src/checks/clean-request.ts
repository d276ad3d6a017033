// Step "clean-request": asks for the page from the background, without cookies or cache. If that works
// while the tab keeps failing, the cause is stored in this browser (cookies, cache) rather than the site.
import type { Evidence } from '../model/checks';
import type { Failure } from '../model/failure';
import type { Check, CheckContext, CheckOutput } from './check';
import { discardBody, PROBE_TIMEOUT_MS, probe, readBoundedText } from './probe';
import { timeLeftMs } from './time-left';
import { bodyReasonFacts } from '../knowledge/body-reason';
import { extractBodyReason } from '../knowledge/error-body';
import type { BodyReason } from '../model/body-reason';
import { isOkStatus } from '../model/http-status';
import { formatDuration } from '../knowledge/format';

/** Enough of an error page to read the platform's own reason from it; the text itself is never stored. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type CleanRequestObservation =
  | {
      answered: true;
      status: number;
      ms: number;
      server?: string;
      cfRay?: string;
      /** Origin + path of the final URL when redirects were followed (no query: it may hold tokens). */
      redirectedTo?: string;
      bodyBytes: number;
      /** What the error page itself says (Vercel code, Cloudflare 1xxx …), trusted only behind matching headers. */
      bodyReason: BodyReason | null;
    }
  | { answered: false; timedOut: boolean; error: string; ms: number };

/** Pure: the observation, compared with how the tab failed. */
export function interpretCleanRequest(seen: CleanRequestObservation, before: Failure, locale: string): CheckOutput {
  const evidence: Evidence[] = [];
  if (!seen.answered) {
    evidence.push(
      { label: 'evidenceTime', value: formatDuration(seen.ms, locale) },
      { label: 'evidenceError', value: seen.error },
    );
    return {
      outcome: 'fail',
      summary: seen.timedOut ? 'cleanRequestTimeout' : 'cleanRequestUnreachable',
      evidence,
      facts: { reachable: false, timedOut: seen.timedOut, ms: seen.ms },
    };
  }
  evidence.push(
    { label: 'evidenceStatus', value: String(seen.status) },
    { label: 'evidenceTime', value: formatDuration(seen.ms, locale) },
  );
  if (seen.server) evidence.push({ label: 'evidenceServerHeader', value: seen.server });
  if (seen.cfRay) evidence.push({ label: 'evidenceCfRay', value: seen.cfRay });
  if (seen.redirectedTo) evidence.push({ label: 'evidenceRedirectedTo', value: seen.redirectedTo });
  const facts = {
    reachable: true,
    status: seen.status,
    ms: seen.ms,
    bodyBytes: seen.bodyBytes,
    ...bodyReasonFacts(seen.bodyReason),
  };
  const args = [String(seen.status)];
  if (isOkStatus(seen.status))
    return { outcome: 'pass', summary: 'cleanRequestOk', summaryArgs: args, evidence, facts };
  if (seen.status >= 500 && seen.status <= 599) {
    const same = before.type === 'http' && before.status === seen.status;
    return {
      outcome: 'fail',
      summary: same ? 'cleanRequestSameError' : 'cleanRequestServerError',
      summaryArgs: args,
      evidence,
      facts: { ...facts, sameFailure: same },
    };
  }
  return { outcome: 'inconclusive', summary: 'cleanRequestOtherStatus', summaryArgs: args, evidence, facts };
}

export async function observeCleanRequest(
  url: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<CleanRequestObservation> {
  const result = await probe(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow' }, signal, timeoutMs);
  if (!result.answered) return { answered: false, timedOut: result.timedOut, error: result.error, ms: result.ms };
  const { response } = result;
  let bodyBytes = 0;
  let text = '';
  if ((response.headers.get('content-type') ?? '').match(/^text\/|json|xml/i)) {
    // Bounded: an endless or huge body must not hold the step.
    ({ text, bytes: bodyBytes } = await readBoundedText(response, BODY_LIMIT_BYTES));
  } else {
    discardBody(response);
  }
  const bodyReason = extractBodyReason(text, Object.fromEntries(response.headers), response.status);
  const finalUrl = response.redirected && response.url ? new URL(response.url) : null;
  const server = response.headers.get('server')?.slice(0, 100);
  const cfRay = response.headers.get('cf-ray')?.slice(0, 100);
  return {
    answered: true,
    status: response.status,
    ms: result.ms,
    ...(server ? { server } : {}),
    ...(cfRay ? { cfRay } : {}),
    ...(finalUrl ? { redirectedTo: `${finalUrl.origin}${finalUrl.pathname}` } : {}),
    bodyBytes,
    bodyReason,
  };
}

export const cleanRequest: Check = {
  id: 'clean-request',
  automatic: true,
  async run(context: CheckContext): Promise<CheckOutput> {
    context.progress('progressCleanRequest');
    // A slow origin's 504 can take seconds: a bit more than a plain probe, still under the step cap.
    const timeoutMs = Math.min(PROBE_TIMEOUT_MS * 1.5, timeLeftMs(context));
    const seen = await observeCleanRequest(context.url, context.signal, timeoutMs);
    return interpretCleanRequest(seen, context.incident.failure, context.locale);
  },
};
