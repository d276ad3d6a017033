// The options page's own settings changes (the write itself is shared with the popup: ../ui/update-settings).
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS } from '../model/settings';
import { HISTORY_KEY } from '../model/history';
import type { SettingsChange } from '../ui/update-settings';

export const restoreDefaultEndpoints: SettingsChange = (s) => ({ ...s, endpoints: structuredClone(DEFAULT_SETTINGS.endpoints) });

export function clearHistory(): Promise<void> {
  return browser.storage.local.remove(HISTORY_KEY);
}
