// Pure decision: does a webRequest event belong to a tab's outermost, committed-to-be top-level document?
import { detectChallenge } from './challenge';

export interface RequestDetails {
  type?: string;
  tabId: number;
  frameId: number;
  /** Chrome 106+: 'outermost_frame' | 'fenced_frame' | 'sub_frame'. */
  frameType?: string;
  /** Chrome 106+: 'prerender' | 'active' | 'cached' | 'pending_deletion'. */
  documentLifecycle?: string;
  /** Chrome 106+: the document that made the request; absent on real navigations. */
  documentId?: string;
  url: string;
}

/** Only the tab's own top-level page counts: not subframes, fenced frames, prerendering or non-tab requests. */
export function isTopLevelNavigation(details: RequestDetails): boolean {
  if (details.type !== 'main_frame') return false;
  if (details.tabId < 0 || details.frameId !== 0) return false;
  if (details.frameType !== undefined && details.frameType !== 'outermost_frame') return false;
  if (details.documentLifecycle === 'prerender') return false;
  // Chrome reports a speculation-rules prefetch as the tab's own main frame (frameId 0, outermost,
  // active): only its documentId — the page that asked for it — tells it apart (seen in Chromium 156;
  // navigations by address bar, reload and link click carry none).
  if (details.documentId !== undefined) return false;
  return /^(https?|wss?):/i.test(details.url);
}

/** 5xx only; anything outside 100–599 is not a status we can explain. */
export function isServerErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 500 && status <= 599;
}

/** The 4xx with words of their own and who refused (sign-in, refused, proxy sign-in, rate limit, legal block). */
export const EXPLAINED_CLIENT_STATUSES: readonly number[] = [401, 403, 407, 429, 451];

/**
 * Every 4xx is explained, never an alarm: the five above in full, the others in one line for their kind
 * (not found, timed out, refused). A 2xx or 3xx is not: a healthy load records nothing.
 */
export function isExplainedClientStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 499;
}

/** An outage worth a badge: a 5xx that is not a bot check (some challenges answer 503). */
export function isAlarmResponse(status: number, headers: Record<string, string>): boolean {
  return isServerErrorStatus(status) && detectChallenge(headers) === null;
}
