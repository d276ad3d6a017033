// The part of the browser's storage API the extension uses: the one object the seam is given. The real
// one is browser.storage (./storage.ts); unit tests pass an in-memory fake (@webext-core/fake-browser).
import type { Storage } from 'webextension-polyfill';

export type StorageApi = Pick<Storage.Static, 'local' | 'session' | 'onChanged'>;

/**
 * Where a key lives. `session` is memory only (never on disk): tab records, and so anything from a
 * private window. `local` is on disk: settings, the history (never anything private), watch tuning.
 */
export type Area = 'local' | 'session';
