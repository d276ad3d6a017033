// Settings in storage.local, merged over defaults (a missing or older key never breaks the extension).
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';

export async function loadSettings(): Promise<Settings> {
  const items = await browser.storage.local.get(SETTINGS_KEY);
  return mergeSettings(items[SETTINGS_KEY]);
}

export { DEFAULT_SETTINGS };
