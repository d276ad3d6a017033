// Opens the guided steps for one tab, from outside the toolbar (the notice in the page).
import browser, { type Tabs } from 'webextension-polyfill';
import { pagePopupPath } from '../model/popup-address';

export type OpenedAs = 'popup' | 'window' | 'tab';

/**
 * The toolbar popup where the browser allows it: Chrome ≥ 127 (`action.openPopup` for every extension; it
 * shows the window's active tab, which is the one whose notice was clicked), and Firefox where
 * `extensions.openPopupWithoutUserGesture.enabled` is on (the default in ESR 153; before, it refused a call
 * outside a user action on its own UI, and a click in a web page is not one). Otherwise
 * the popup's page bound to that tab (`popup.html?tab=<id>`), in a small window, or a tab where there are
 * no windows (Firefox for Android).
 */
export async function openStepsFor(tab: Tabs.Tab): Promise<OpenedAs> {
  if (tab.id === undefined) throw new Error('no tab');
  const action = browser.action as typeof browser.action & {
    openPopup?: (options?: { windowId?: number }) => Promise<void>;
  };
  if (tab.active && typeof action.openPopup === 'function') {
    try {
      await action.openPopup(tab.windowId === undefined ? {} : { windowId: tab.windowId });
      return 'popup';
    } catch {
      // Not allowed here (Firefox without a user action; no focused window): the page instead.
    }
  }
  const url = browser.runtime.getURL(pagePopupPath(tab.id));
  if (browser.windows?.create) {
    await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    return 'window';
  }
  await browser.tabs.create({ url });
  return 'tab';
}
