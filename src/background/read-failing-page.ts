// Reads what the failing document in a tab says about itself. Where a top-level 5xx (or an explained 4xx) is recorded
// (detector.ts), readFailingPage() notes the response; once the document committed after it has its DOM
// (webNavigation), its visible text is read from the main frame — text only, capped in the page, within a
// time limit — parsed here in the background, and stored with the incident if that very response is still
// the tab's. A healthy page costs one in-memory note of its commit: no scripting call, no storage access.
// Nothing read leaves the machine. All of this lives in memory: a worker stopped between the response and
// the page's DOM (these very events keep it alive) reads nothing; the clean-request step still reads.
import browser from 'webextension-polyfill';
import { pageReason } from '../knowledge/page-reason';
import { UNCHANGED, updateRecord } from './incident-store';
import { readingSlot, withPageReading, type FailingResponse } from './record-transitions';
import { loadInfrastructure } from '../platform/infrastructure-data';
import { offerErrorNotice } from './error-notice';
import { capUrl } from '../model/storage-caps';

/** Characters of visible text taken from the page (cut in the page, before anything crosses). */
export const PAGE_TEXT_LIMIT = 32 * 1024;
/** A busy page can keep the injected call waiting; past this the page is left unread. */
export const READ_TIME_LIMIT_MS = 3000;

interface Expected {
  url: string;
  /** When the response arrived (webRequest's timeStamp): its document commits after it. */
  respondedAt: number;
  /** The recorded response, once the incident store wrote it (null if it did not). */
  recorded: Promise<FailingResponse | null>;
}

/** The last document each tab's main frame committed (webNavigation): one small entry per tab, in memory. */
interface MainFrame {
  url: string;
  documentId: string | null;
  committedAt: number;
  ready: boolean;
}

const expected = new Map<number, Expected>();
const frames = new Map<number, MainFrame>();

interface FrameEvent {
  tabId: number;
  frameId: number;
  url: string;
  timeStamp: number;
  documentId?: string;
}

const withoutHash = (url: string): string => url.split('#', 1)[0]!;
/** The detector stores URLs capped (storage-caps.ts): a 2 MiB address is the same page as its capped form. */
const samePage = (a: string, b: string): boolean => capUrl(withoutHash(a)) === capUrl(withoutHash(b));

/** Called where a top-level 5xx with a document is recorded, before the store's first await. */
export function readFailingPage(
  tabId: number,
  url: string,
  respondedAt: number,
  recorded: Promise<FailingResponse | null>,
): Promise<void> | undefined {
  expected.set(tabId, { url, respondedAt, recorded: recorded.catch(() => null) });
  // webRequest and webNavigation events are not ordered between them: the document may be there already.
  return readIfReady(tabId);
}

/** Main-frame commit: a new document in the tab (the failing one, or one that replaced it). */
export function onPageCommitted(details: FrameEvent): void {
  if (details.frameId !== 0) return;
  frames.set(details.tabId, {
    url: capUrl(details.url),
    documentId: details.documentId ?? null,
    committedAt: details.timeStamp,
    ready: false,
  });
}

/** Main-frame DOM ready: read it if it is the failing document (settles once stored or dropped). */
export function onPageReady(details: FrameEvent): Promise<void> | undefined {
  const frame = details.frameId === 0 ? frames.get(details.tabId) : undefined;
  if (!frame || (frame.documentId && details.documentId && frame.documentId !== details.documentId)) return undefined;
  frame.ready = true;
  return readIfReady(details.tabId);
}

/**
 * Nothing to read: the failing navigation ended in an error (Chrome's own page for an empty 5xx body), or
 * the tab got another response. With `url`, only if it is the failing page's: the page a tab leaves reports
 * its abort after the next page's response.
 */
export function forgetFailingPage(tabId: number, url?: string): void {
  const pending = expected.get(tabId);
  if (pending && (url === undefined || samePage(url, pending.url))) expected.delete(tabId);
}

export function onTabClosed(tabId: number): void {
  expected.delete(tabId);
  frames.delete(tabId);
}

/**
 * Reads once both are known: the failing response, and a ready document committed after it. A document
 * committed before the response is the previous page (wait for the next commit); one committed after it
 * with another address means the tab moved on (nothing to read).
 */
function readIfReady(tabId: number): Promise<void> | undefined {
  const pending = expected.get(tabId);
  const frame = frames.get(tabId);
  if (!pending || !frame?.ready || frame.committedAt < pending.respondedAt) return undefined;
  expected.delete(tabId);
  if (!samePage(frame.url, pending.url)) return undefined;
  // The same moment puts the notice in the page (error-notice.ts), once the failure is in the store.
  void pending.recorded
    .then(
      (recorded) =>
        recorded &&
        offerErrorNotice({
          tabId,
          frameId: 0,
          url: frame.url,
          ...(frame.documentId ? { documentId: frame.documentId } : {}),
        }),
    )
    .catch(() => undefined);
  return readAndStore(tabId, pending, frame.documentId).catch(() => undefined);
}

async function readAndStore(tabId: number, pending: Expected, documentId: string | null): Promise<void> {
  const text = await readVisibleText(tabId, documentId, pending.url);
  if (text === null) return;
  const response = await pending.recorded;
  if (!response) return;
  await loadInfrastructure();
  await updateRecord(tabId, (record) => {
    // The incident (a 5xx) or the refusal (an explained 4xx) this reading belongs to, if still the tab's.
    const slot = readingSlot(record, response);
    const shown = slot && record?.[slot];
    if (!shown) return UNCHANGED;
    return withPageReading(record, response, { readAt: Date.now(), reason: pageReason(text, shown) }) ?? UNCHANGED;
  });
}

/** The document's visible text, or null: no document to read (an error page of the browser), gone, or too slow. */
async function readVisibleText(tabId: number, documentId: string | null, url: string): Promise<string | null> {
  const target = documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] };
  const injection = browser.scripting
    .executeScript({ target, func: visibleTextOfPage, args: [PAGE_TEXT_LIMIT], injectImmediately: true })
    .catch(() => null);
  const results = await withinTimeLimit(injection, READ_TIME_LIMIT_MS);
  const read: unknown = results?.[0]?.result;
  if (!isPageText(read) || !samePage(read.url, url)) return null;
  // An empty body is a blank document in Firefox (Chrome shows its own page): nothing to read either.
  const text = read.text.slice(0, PAGE_TEXT_LIMIT);
  return text.trim() === '' ? null : text;
}

/** Runs in the page's isolated world, serialized (no closure, no imports): text only, cut to `limit`. */
export function visibleTextOfPage(limit: number): { url: string; text: string } {
  const body = document.body ? document.body.innerText : '';
  return { url: location.href, text: `${document.title}\n${body}`.slice(0, limit) };
}

function isPageText(value: unknown): value is { url: string; text: string } {
  const v = value as { url?: unknown; text?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.url === 'string' && typeof v.text === 'string';
}

function withinTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
