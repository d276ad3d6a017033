// The options page's own settings changes; every write goes through the storage seam (src/storage/).
import { DEFAULT_SETTINGS, type SettingsChange } from '../model/settings';
import { storage } from '../storage/storage';

export const restoreDefaultEndpoints: SettingsChange = (s) => ({
  ...s,
  endpoints: structuredClone(DEFAULT_SETTINGS.endpoints),
});

export function clearHistory(): Promise<void> {
  return storage.history.remove();
}
