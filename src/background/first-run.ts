// runtime.onInstalled: the welcome page on a first install; after an update, the popup's quiet "what's new" line.
import browser, { type Runtime } from 'webextension-polyfill';
import { storage } from '../storage/storage';
import { firstRunAction } from './release-notes';

export async function onInstalled(details: Runtime.OnInstalledDetailsType): Promise<void> {
  const action = firstRunAction(details.reason, browser.runtime.getManifest().version, details.previousVersion);
  if (action.kind === 'welcome') await browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
  else if (action.kind === 'note') await storage.whatsNew.set(action.noteKey);
}
