// Pure: can the extension watch this page at all?
import { messageKey } from '../model/message-key';

export const PAGE_KINDS = ['web', 'browser-page', 'local-file', 'extension-store', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** i18n key of what the popup says on a page it cannot watch: ('local-file', 'title') → 'pageKind_local_file_title'. */
export const pageKindKey = (kind: PageKind, part: 'title' | 'body'): string => messageKey('pageKind', kind, part);

const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

export function pageKind(url: string | undefined): PageKind {
  if (!url) return 'other';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      // Browsers keep extensions off their own stores.
      if (
        STORE_HOSTS.has(parsed.hostname) &&
        (parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore'))
      ) {
        return 'extension-store';
      }
      return 'web';
    case 'file:':
      return 'local-file';
    case 'chrome:':
    case 'about:':
    case 'edge:':
    case 'brave:':
    case 'view-source:':
    case 'chrome-extension:':
    case 'moz-extension:':
    case 'resource:':
    case 'chrome-search:':
    case 'devtools:':
      return 'browser-page';
    default:
      return 'other';
  }
}
