// Shows a tab's record on the toolbar button.
import browser from 'webextension-polyfill';
import type { TabRecord } from '../model/incident';
import { badgeFor } from './badge-text';

export async function showBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
  const look = badgeFor(record);
  try {
    if (!look) {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({ tabId, title: null });
      return;
    }
    await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
    await browser.action.setBadgeText({ tabId, text: look.text });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(look.titleKey, [look.text]) });
    // Chrome ≥ 110 and Firefox: white text on the dark badge for contrast.
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  } catch {
    // The tab was closed between the event and the update: nothing to show.
  }
}
