// The browser's storage API as the seam's one object. Looked up at each call (not at import), so importing
// this has no side effect and a test's fake browser is the one used.
import browser from 'webextension-polyfill';
import type { StorageApi } from './storage-api';

export const browserStorage: StorageApi = {
  get local() {
    return browser.storage.local;
  },
  get session() {
    return browser.storage.session;
  },
  get onChanged() {
    return browser.storage.onChanged;
  },
};
