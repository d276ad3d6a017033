// What happens when a watched site answers again: notification, "back" badge, optional reload.
import browser from 'webextension-polyfill';
import type { TabRecord } from '../model/incident';
import type { WatchState } from '../model/watch';
import { showBadge } from './badge';
import { storage } from '../storage/storage';
import { hostOf } from '../model/url-parts';

const NOTIFICATION_PREFIX = 'watch:';
export const notificationId = (tabId: number): string => `${NOTIFICATION_PREFIX}${tabId}`;

/**
 * Pure: the notification's text. A private window's site never appears in it (notifications can be logged
 * by the system and shown over other windows); an unknown record counts as private.
 */
export function backNotificationBody(
  watch: Pick<WatchState, 'url' | 'lastTry'>,
  record: TabRecord | undefined,
): { key: string; args: string[] } {
  const status = String(watch.lastTry?.status ?? '');
  const incident = record?.incident ?? record?.clientError ?? record?.lastError;
  if (incident?.incognito !== false) return { key: 'watchBackNotificationBodyPrivate', args: [status] };
  return { key: 'watchBackNotificationBody', args: [hostOf(watch.url), status] };
}

export async function announceBack(tabId: number, watch: WatchState, record: TabRecord | undefined): Promise<void> {
  await showBadge(tabId, record);
  const settings = await storage.settings.get();
  if (settings.notifyWhenBack) {
    // Basic type only: Firefox supports no buttons; a click focuses the tab (onNotificationClicked).
    const body = backNotificationBody(watch, record);
    await browser.notifications
      .create(notificationId(tabId), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/icon-128.png'),
        title: browser.i18n.getMessage('watchBackNotificationTitle'),
        message: browser.i18n.getMessage(body.key, body.args),
      })
      .catch(() => undefined);
  }
  if (watch.reload) await browser.tabs.reload(tabId).catch(() => undefined);
}

/** Clicking "it's back" brings its tab to the front. */
export async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  const tabId = Number(id.slice(NOTIFICATION_PREFIX.length));
  await browser.notifications.clear(id).catch(() => undefined);
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } catch {
    // The tab was closed since.
  }
}

export function clearBackNotification(tabId: number): Promise<unknown> {
  return browser.notifications.clear(notificationId(tabId)).catch(() => undefined);
}
