// The extension's storage: the one place that touches browser.storage. The API is looked up at each call
// (not at import), so importing this module has no side effect and a test's fake browser is the one used.
import browser from 'webextension-polyfill';
import { createStorage } from './create-storage';
import type { StorageApi } from './storage-api';

const browserStorage: StorageApi = {
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

export const storage = createStorage(browserStorage);
