// Shows a tab's record on the toolbar button: badge text and colour, tooltip, and the icon variant.
import browser from 'webextension-polyfill';
import type { TabRecord } from '../model/incident';
import { badgeFor, iconPath } from './badge-text';

export async function showBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
  const look = badgeFor(record);
  try {
    if (!look) {
      await browser.action.setBadgeText({ tabId, text: '' });
      // Browsers reset a tab's icon when a page commits, so a tab that never had a record still shows the
      // plain mark: only a tab whose incident ended (or that showed a challenge) may need it back.
      if (record) await browser.action.setIcon({ tabId, path: iconPath('normal') });
      // Firefox resets the tooltip with null; Chrome rejects null (and has already reset it on commit).
      await browser.action.setTitle({ tabId, title: null }).catch(() => undefined);
      return;
    }
    await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
    await browser.action.setBadgeText({ tabId, text: look.text });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(look.titleKey, [look.text]) });
    // Chrome ≥ 110 and Firefox: white text on the dark badge for contrast.
    await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    // Last: a missing icon file must not cost the badge, which carries the same meaning in text.
    await browser.action.setIcon({ tabId, path: iconPath(look.icon) });
  } catch {
    // The tab was closed between the event and the update: nothing to show.
  }
}
