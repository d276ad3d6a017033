// Opens the guided steps for one tab, from outside the toolbar (the notice in the page).
import browser, { type Tabs } from 'webextension-polyfill';

export type OpenedAs = 'popup' | 'window' | 'tab';

/**
 * The toolbar popup where the browser allows it: Chrome ≥ 127 (`action.openPopup` for every extension; it
 * shows the window's active tab, which is the one whose notice was clicked). Firefox refuses it outside a
 * user action on the browser's own UI or an extension page, and a click in a web page is not one. Otherwise
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
  const url = browser.runtime.getURL(`popup.html?tab=${tab.id}`);
  if (browser.windows?.create) {
    await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    return 'window';
  }
  await browser.tabs.create({ url });
  return 'tab';
}
