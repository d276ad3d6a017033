// Writes settings to storage.local from any extension page (options, popup); the background reads them
// at each use, so a change applies at once.
import browser from 'webextension-polyfill';
import { SETTINGS_KEY, type Settings } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';

export type SettingsChange = (current: Settings) => Settings;

/** Read-modify-write from what is stored now, so a change made meanwhile elsewhere is not undone. */
export async function updateSettings(change: SettingsChange): Promise<void> {
  const items = await browser.storage.local.get(SETTINGS_KEY);
  await browser.storage.local.set({ [SETTINGS_KEY]: change(mergeSettings(items[SETTINGS_KEY])) });
}
