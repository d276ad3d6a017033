// Shows a tab's record on the toolbar button: badge text and colour, tooltip, and the icon variant.
import browser from 'webextension-polyfill';
import type { Failure } from '../model/failure';
import type { TabRecord } from '../model/incident';
import { badgeFor, failureBadge, iconPath } from './badge-text';
import { toolbarPopupPath } from '../model/popup-address';

// Each call is its own round trip to the browser (in Firefox's event page, to the parent process): they are
// sent together, not one after another, and one that fails (the tab closed meanwhile, a missing icon file)
// costs none of the others. A call may also throw at once (Chrome checks its arguments synchronously).
type Call = (() => Promise<unknown> | undefined) | false;
const settled = (calls: Call[]): Promise<void> =>
  Promise.all(
    calls.map(async (call) => {
      try {
        if (call) await call();
      } catch {
        // The tab was closed between the event and the update: nothing to show.
      }
    }),
  ).then(() => undefined);

export function showBadge(tabId: number, record: TabRecord | undefined): Promise<void> {
  const look = badgeFor(record);
  if (!look) {
    return settled([
      () => browser.action.setBadgeText({ tabId, text: '' }),
      // Browsers reset a tab's icon when a page commits, so a tab that never had a record still shows the
      // plain mark: only a tab whose incident ended (or that showed a challenge) may need it back.
      !!record && (() => browser.action.setIcon({ tabId, path: iconPath('normal') })),
      // Firefox resets the tooltip with null; Chrome rejects null (and has already reset it on commit).
      () => browser.action.setTitle({ tabId, title: null }),
    ]);
  }
  return settled([
    () => browser.action.setBadgeText({ tabId, text: look.text }),
    () => browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
    () => browser.action.setTitle({ tabId, title: browser.i18n.getMessage(look.titleKey, [look.text]) }),
    // Chrome ≥ 110 and Firefox: white text on the dark badge for contrast.
    () => browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    () => browser.action.setIcon({ tabId, path: iconPath(look.icon) }),
    // The toolbar's popup for this tab names it, so the popup reads its record without asking which tab is active.
    // Never undone: it stays right for this tab (the browser drops it when the tab navigates or closes).
    () => browser.action.setPopup({ tabId, popup: toolbarPopupPath(tabId) }),
  ]);
}

/**
 * The badge of a failure the moment its response is seen, before its record is written: the code and colour
 * need nothing from storage (bench 3d: in Firefox, awaiting the write and the colour first was half the time
 * to the badge). showBadge follows once the record is stored, with the tooltip and the icon.
 */
export function showFailureBadge(tabId: number, failure: Failure): Promise<void> {
  const look = failureBadge(failure);
  return settled([
    () => browser.action.setBadgeText({ tabId, text: look.text }),
    () => browser.action.setBadgeBackgroundColor({ tabId, color: look.color }),
  ]);
}
