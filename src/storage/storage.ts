// The extension's storage: every key the pages and the background share, on the browser's storage API
// (./browser-storage.ts, the one place that touches browser.storage).
import { browserStorage } from './browser-storage';
import { createStorage } from './create-storage';

export const storage = createStorage(browserStorage);
