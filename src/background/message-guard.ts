// Pure: which messages the background acts on. Only this extension's own pages may send them (a content
// script or another extension never can, whatever it sends), and each kind must have exactly its shape:
// a message is rebuilt from the fields its kind knows, anything else is dropped.
import { CHECK_IDS, type CheckId } from '../model/checks';
import { isObject } from '../model/json-shape';
import type { Message } from '../model/messages';
import type { SiteScope } from '../model/site-scope';

/** The fields of runtime.MessageSender we rely on (the same in Chrome and Firefox). */
export interface SenderFacts {
  /** The sending extension's id (Firefox: the gecko id from the manifest, not the internal UUID). */
  id?: string;
  /** The sending page's URL: chrome-extension://<id>/popup.html, moz-extension://<uuid>/options.html. */
  url?: string;
}

/** The pages of ours that talk to the background. */
const OWN_PAGES = new Set(['/popup.html', '/options.html']);

/** `ownBase` is runtime.getURL(''), e.g. `moz-extension://<uuid>/`. */
export function isFromOwnPage(sender: SenderFacts | undefined, ownId: string, ownBase: string): boolean {
  if (!sender || sender.id !== ownId || typeof sender.url !== 'string' || !sender.url.startsWith(ownBase)) return false;
  try {
    const url = new URL(sender.url);
    return `${url.protocol}//${url.host}/` === ownBase && OWN_PAGES.has(url.pathname);
  } catch {
    return false;
  }
}

/**
 * Our own script in a web page's top frame (the notice the background put into a failing page): our id, a
 * tab, frame 0, and not one of our pages. A web page cannot send to runtime.onMessage (no
 * externally_connectable), and its own scripts cannot reach the notice's isolated world.
 */
export function isFromOwnNotice(
  sender: (SenderFacts & { tab?: { id?: number }; frameId?: number }) | undefined,
  ownId: string,
  ownBase: string,
): boolean {
  return (
    !!sender &&
    sender.id === ownId &&
    typeof sender.tab?.id === 'number' &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    !sender.url.startsWith(ownBase)
  );
}

/** The notice's messages carry no tab id: the tab is the sender's. */
export function parseNoticeMessage(raw: unknown): Message | null {
  if (!isObject(raw)) return null;
  return raw.type === 'notice-open-steps' || raw.type === 'notice-mute-site' ? { type: raw.type } : null;
}

// tabs.TAB_ID_NONE (-1) is allowed: it names no tab, and an extension page asks with it to see the worker answer.
const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= -1;
const isCheckId = (v: unknown): v is CheckId => (CHECK_IDS as readonly unknown[]).includes(v);
/** Incident ids are UUIDs; the bound only keeps a hostile string out of the logs and comparisons. */
const isIncidentId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;

/** The message rebuilt from its kind's fields, or null when anything is missing or of the wrong type. */
export function parseMessage(raw: unknown): Message | null {
  if (!isObject(raw) || !isTabId(raw.tabId)) return null;
  const tabId = raw.tabId;
  switch (raw.type) {
    case 'get-live-status':
    case 'popup-opened':
    case 'run-all':
    case 'watch-stop':
      return { type: raw.type, tabId };
    case 'run-check':
      if (!isCheckId(raw.checkId)) return null;
      if (raw.confirmedFor !== undefined && !isIncidentId(raw.confirmedFor)) return null;
      if (raw.scope !== undefined && !isObject(raw.scope)) return null;
      return {
        type: 'run-check',
        tabId,
        checkId: raw.checkId,
        ...(raw.confirmedFor !== undefined ? { confirmedFor: raw.confirmedFor } : {}),
        // Checked against the incident's host by the runner (model/site-scope.ts, scopeForUrl).
        ...(raw.scope !== undefined ? { scope: raw.scope as unknown as SiteScope } : {}),
      };
    case 'cancel-check':
      return isCheckId(raw.checkId) ? { type: 'cancel-check', tabId, checkId: raw.checkId } : null;
    case 'answer-check':
      if (!isCheckId(raw.checkId) || (raw.answer !== 'loaded' && raw.answer !== 'same-error')) return null;
      return { type: 'answer-check', tabId, checkId: raw.checkId, answer: raw.answer };
    case 'watch-start':
      if (raw.reload !== undefined && typeof raw.reload !== 'boolean') return null;
      return { type: 'watch-start', tabId, ...(raw.reload !== undefined ? { reload: raw.reload } : {}) };
    default:
      return null;
  }
}
