// Reads what the failing document in a tab says about itself. Where a top-level 5xx is recorded
// (detector.ts), readFailingPage() notes that the tab will load that document; once the document that
// navigation committed has its DOM (webNavigation), its visible text is read from the main frame — text
// only, capped in the page, within a time limit — parsed here in the background, and stored with the
// incident if that very response is still the tab's. A healthy page is never expected, so it costs no
// scripting call and no storage access. Nothing read leaves the machine. The expectations live in memory:
// a worker stopped between the response and the page's DOM (it is kept alive by these very events) reads
// nothing, and the clean-request step still reads a fresh response.
import browser from 'webextension-polyfill';
import { pageReason } from '../knowledge/page-reason';
import { UNCHANGED, updateRecord } from './incident-store';
import { withPageReading, type FailingResponse } from './record-transitions';

/** Characters of visible text taken from the page (cut in the page, before anything crosses). */
export const PAGE_TEXT_LIMIT = 32 * 1024;
/** A busy page can keep the injected call waiting; past this the page is left unread. */
export const READ_TIME_LIMIT_MS = 3000;

interface Expected {
  url: string;
  /** The recorded response, once the incident store wrote it (null if it did not). */
  recorded: Promise<FailingResponse | null>;
  /** Set when the navigation committed: its documentId where the event carries one. */
  document?: { id: string | null };
}

const expected = new Map<number, Expected>();

interface FrameEvent {
  tabId: number;
  frameId: number;
  url: string;
  documentId?: string;
}

const withoutHash = (url: string): string => url.split('#', 1)[0]!;

/** Called where a top-level 5xx with a document is recorded, before the store's first await. */
export function readFailingPage(tabId: number, url: string, recorded: Promise<FailingResponse | null>): void {
  expected.set(tabId, { url, recorded: recorded.catch(() => null) });
}

/** Main-frame commit: the failing document, or another navigation that replaced it. */
export function onPageCommitted(details: FrameEvent): void {
  const pending = details.frameId === 0 ? expected.get(details.tabId) : undefined;
  if (!pending) return;
  if (pending.document || withoutHash(details.url) !== withoutHash(pending.url)) expected.delete(details.tabId);
  else pending.document = { id: details.documentId ?? null };
}

/** Main-frame DOM ready: read it if it is the committed failing document (settles once stored or dropped). */
export async function onPageReady(details: FrameEvent): Promise<void> {
  const pending = details.frameId === 0 ? expected.get(details.tabId) : undefined;
  if (!pending) return;
  expected.delete(details.tabId);
  const committed = pending.document;
  if (!committed || withoutHash(details.url) !== withoutHash(pending.url)) return;
  if (committed.id && details.documentId && committed.id !== details.documentId) return;
  await readAndStore(details.tabId, pending, committed.id ?? details.documentId ?? null).catch(() => undefined);
}

/** The navigation failed (Chrome's own page for an empty 5xx body) or the tab closed: nothing to read. */
export function forgetFailingPage(tabId: number): void {
  expected.delete(tabId);
}

async function readAndStore(tabId: number, pending: Expected, documentId: string | null): Promise<void> {
  const text = await readVisibleText(tabId, documentId, pending.url);
  if (text === null) return;
  const response = await pending.recorded;
  if (!response) return;
  await updateRecord(tabId, (record) => {
    const incident = record?.incident;
    if (!incident) return UNCHANGED;
    return withPageReading(record, response, { readAt: Date.now(), reason: pageReason(text, incident) }) ?? UNCHANGED;
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
  if (!isPageText(read) || withoutHash(read.url) !== withoutHash(url)) return null;
  return read.text.slice(0, PAGE_TEXT_LIMIT);
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
