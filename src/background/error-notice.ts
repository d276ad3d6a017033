// Puts the notice into a failing page once its DOM is there, and answers its buttons. Only a recorded top-level
// 5xx gets this far (read-failing-page.ts): a healthy page costs no storage call and no scripting call.
import browser, { type Runtime } from 'webextension-polyfill';
import { storage } from '../storage/storage';
import { readRecordInOrder } from './incident-store';
import { siteOf } from '../model/url-parts';
import { noticeLine, wantsNotice, type LoadedPage } from './error-notice-rules';
import { injectErrorNotice, NOTICE_GLOBAL, NOTICE_TAG, type NoticeTexts } from './error-notice-page';

type LoadedDetails = LoadedPage & { tabId: number; documentId?: string };

const ANY_SITE = { errorPageNotice: true, noticeMutedSites: [] };

/**
 * Called where the failing page's own text is read (read-failing-page.ts): the document committed after the
 * recorded 5xx has its DOM, whichever of webRequest and webNavigation spoke first.
 */
export async function offerErrorNotice(details: LoadedDetails): Promise<void> {
  const incident = (await readRecordInOrder(details.tabId))?.incident;
  // Settings are read only for a page that would get the notice.
  if (
    !incident ||
    !wantsNotice(incident, details, ANY_SITE) ||
    !wantsNotice(incident, details, await storage.settings.get())
  )
    return;
  const line = noticeLine(incident);
  const message = (key: string, args?: string[]) => browser.i18n.getMessage(key, args);
  const texts: NoticeTexts = {
    lang: message('@@ui_locale').replace('_', '-') || 'en',
    dir: message('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
    label: message('extName'),
    line: message(line.key, line.args),
    open: message('noticeOpenSteps'),
    mute: message('noticeMuteSite'),
    close: message('noticeClose'),
  };
  // Chrome names the exact document (a later navigation of the tab cannot receive it); Firefox the frame.
  const target = details.documentId
    ? { tabId: details.tabId, documentIds: [details.documentId] }
    : { tabId: details.tabId, frameIds: [0] };
  // A page the browser will not let us script (its own error page, a store page) keeps just the badge.
  await browser.scripting
    .executeScript({ target, func: injectErrorNotice, args: [texts, NOTICE_TAG, NOTICE_GLOBAL] })
    .catch(() => undefined);
}

/** "Not on this site": the notice's origin joins the muted list (the options page lists them). */
export async function muteNoticeFor(sender: Runtime.MessageSender): Promise<boolean> {
  const site = siteOf(sender.url ?? sender.tab?.url ?? '');
  if (site === null) return false;
  if ((await storage.settings.get()).noticeMutedSites.includes(site)) return true;
  await storage.settings.update((settings) => ({
    ...settings,
    noticeMutedSites: [...settings.noticeMutedSites, site],
  }));
  return true;
}
