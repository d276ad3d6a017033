// Turns webRequest events for a tab's top-level page into records in the incident store.
import browser, { type WebRequest } from 'webextension-polyfill';
import type { Failure } from '../model/failure';
import { classifyNetworkError } from '../knowledge/network-errors';
import { NO_ENTRY_HEADERS, pickDiagnosticHeaders } from '../knowledge/diagnostic-headers';
// What a response brings is cut where it is first seen (a URL can be 2 MiB in Chrome).
import { capLine, capUrl } from '../model/storage-caps';
import { detectChallenge } from '../knowledge/challenge';
import { analyseResponse } from '../knowledge/infrastructure/analyse-response';
import {
  isExplainedClientStatus,
  isServerErrorStatus,
  isTopLevelNavigation,
  type RequestDetails,
} from '../knowledge/classify-navigation';
import { UNCHANGED, updateRecord } from './incident-store';
import { afterLoad, withChallenge, withClientError, withFailure, withIp } from './record-transitions';
import { showBadge, showFailureBadge } from './badge';
import { rememberLiveStatus } from './live-status';
import { appendToHistory } from './history-store';
import { forgetFailingPage, readFailingPage } from './read-failing-page';
import { loadInfrastructure } from '../platform/infrastructure-data';

type Details = RequestDetails & { incognito?: boolean; ip?: string; timeStamp?: number };

let privateAccess: Promise<boolean> | undefined;

/**
 * Whether the person let the extension into private windows, asked once per instance (Chrome reloads the
 * extension when that changes). Not let in: no event of a private window reaches us at all. Unknown counts
 * as let in. index.ts asks at start-up, so a cold worker's first failure has the answer already.
 */
export function allowedInPrivateWindows(): Promise<boolean> {
  privateAccess ??= (async () => {
    try {
      return (await browser.extension.isAllowedIncognitoAccess()) !== false;
    } catch {
      return true;
    }
  })();
  return privateAccess;
}

/** Fails closed: a tab that cannot be read (closed, not visible to us) counts as private, so nothing is kept. */
export async function isIncognito(details: Pick<Details, 'incognito' | 'tabId'>): Promise<boolean> {
  // Firefox puts `incognito` on webRequest details; Chrome needs the tab — a round trip to the browser,
  // spared when the extension cannot see private windows.
  if (typeof details.incognito === 'boolean') return details.incognito;
  if (!(await allowedInPrivateWindows())) return false;
  try {
    return (await browser.tabs.get(details.tabId)).incognito !== false;
  } catch {
    return true;
  }
}

type RawHeaders = { name: string; value?: string }[];

/**
 * A 5xx or network failure becomes the tab's incident; an explained 4xx (`refusal`) its clientError, which
 * carries no alarm and no history entry.
 */
async function recordFailure(
  details: Details,
  failure: Failure,
  rawHeaders: RawHeaders,
  refusal = false,
): Promise<void> {
  const now = Date.now();
  // The badge first: it needs only the failure, not the record (a refusal never badges).
  if (!refusal) void showFailureBadge(details.tabId, failure);
  // The tab's privacy and the registry (data, loaded on the first failure of this worker) are asked for
  // now, while the update waits its turn and reads the record (a cold worker's first failure: in parallel).
  // Privacy first: Chrome's answer is a round trip to the browser, and Chrome imports the registry
  // synchronously (platform/infrastructure-data.ts) while that answer is on its way.
  const privacy = isIncognito(details);
  const infrastructure = loadInfrastructure();
  // A load that fails is the update's error, below (never an unhandled rejection of its own).
  void infrastructure.catch(() => undefined);
  // Queued before any other await: onCompleted (with the IP) or a quick recovery of the same tab comes
  // right after this event and must find the incident already written. The registry is awaited inside
  // the queued update for the same reason.
  const recording = updateRecord(details.tabId, async (current) => {
    const [entries, incognito] = await Promise.all([infrastructure, privacy]);
    const headers = pickDiagnosticHeaders(rawHeaders, entries);
    const seen = {
      url: details.url,
      headers,
      fingerprint: analyseResponse(headers, failure.type === 'http' ? failure.status : 0),
      incognito,
      now,
      newId: crypto.randomUUID(),
    };
    if (refusal && failure.type === 'http') return withClientError(current, { ...seen, failure }, details.tabId);
    return withFailure(current, { ...seen, failure, ...(details.ip ? { ip: details.ip } : {}) }, details.tabId);
  });
  // An HTTP error comes with a document of its own: what it says is read once it has loaded.
  if (failure.type === 'http') {
    const recorded = recording.then((r) => {
      const shown = refusal ? r?.clientError : r?.incident;
      return shown ? { incidentId: shown.id, seenAt: now } : null;
    });
    void readFailingPage(details.tabId, details.url, details.timeStamp ?? now, recorded);
  }
  const record = await recording;
  if (record?.incident && !refusal) void appendToHistory(record.incident);
  await showBadge(details.tabId, record);
}

export function onHeadersReceived(event: WebRequest.OnHeadersReceivedDetailsType): void {
  if (!isTopLevelNavigation(event)) return;
  const details = { ...event, url: capUrl(event.url) };
  const status = details.statusCode;
  // A new response in the tab: a failing page still expected there will not be shown (memory only).
  if (!isServerErrorStatus(status)) forgetFailingPage(details.tabId);
  const responseHeaders = details.responseHeaders ?? [];
  // Cheap test first: only failures and challenges need the headers at all.
  const maybeChallenge = responseHeaders.some((h) => /^(cf|x-vercel)-mitigated$/i.test(h.name));
  const refusal = isExplainedClientStatus(status);
  if (!isServerErrorStatus(status) && !refusal && !maybeChallenge) return;

  // A challenge is told by standard headers alone: it never loads the infrastructure registry.
  const provider = detectChallenge(pickDiagnosticHeaders(responseHeaders, NO_ENTRY_HEADERS));
  if (provider) {
    const challenge = { url: details.url, provider, status, at: Date.now() };
    void updateRecord(details.tabId, (r) => withChallenge(r, challenge, details.tabId)).then((r) =>
      showBadge(details.tabId, r),
    );
    return;
  }
  const statusLine = capLine(details.statusLine.trim()) || `HTTP ${status}`;
  void recordFailure(details, { type: 'http', status, statusLine }, responseHeaders, refusal);
}

export function onCompleted(details: WebRequest.OnCompletedDetailsType): void {
  if (!isTopLevelNavigation(details)) return;
  const { tabId, statusCode: status } = details;
  const url = capUrl(details.url);
  rememberLiveStatus(tabId, { status, url });
  if (isServerErrorStatus(status)) {
    void updateRecord(tabId, (r) => withIp(r, url, details.ip) ?? UNCHANGED);
    return;
  }
  // A healthy load reads the record but writes only if there was something to end. The challenge or
  // refusal page's own completion (Cloudflare: 403) is not a recovery: keep what was just recorded.
  void updateRecord(tabId, (r) => afterLoad(r, url, status, Date.now()) ?? UNCHANGED).then((r) => {
    if (r && !r.incident) return showBadge(tabId, r);
  });
}

export function onErrorOccurred(event: WebRequest.OnErrorOccurredDetailsType): void {
  if (!isTopLevelNavigation(event)) return;
  const details = { ...event, url: capUrl(event.url) };
  const kind = classifyNetworkError(details.error);
  if (kind === 'ignore') {
    // Chrome reports a 5xx with an empty body as ERR_HTTP_RESPONSE_CODE_FAILURE: the status is recorded already.
    void updateRecord(details.tabId, (r) => withIp(r, details.url, details.ip) ?? UNCHANGED);
    return;
  }
  rememberLiveStatus(details.tabId, { url: details.url });
  void recordFailure(details, { type: 'network', kind, error: capLine(details.error) }, []);
}
