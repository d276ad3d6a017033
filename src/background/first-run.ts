// runtime.onInstalled: the welcome page on a first install; after an update, the popup's quiet "what's new" line.
import browser, { type Runtime } from 'webextension-polyfill';
import { firstRunAction, WHATS_NEW_KEY } from '../model/whats-new';

export async function onInstalled(details: Runtime.OnInstalledDetailsType): Promise<void> {
  const version = browser.runtime.getManifest().version;
  switch (firstRunAction(details.reason, version, details.previousVersion)) {
    case 'welcome':
      await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
      return;
    case 'note':
      await browser.storage.local.set({ [WHATS_NEW_KEY]: version });
      return;
    default:
  }
}
