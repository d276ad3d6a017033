// storage.local `watchTuning`: overrides of the "tell me when it's back" schedule (e2e tests use a 1 s
// first delay). Only the background reads it, so it sits apart from ./create-storage.ts: the popup's
// eager bundle then carries none of the schedule's code.
import { DEFAULT_WATCH_TUNING, mergeWatchTuning, type WatchTuning } from '../knowledge/watch-tuning';
import { browserStorage } from './browser-storage';
import type { StorageApi } from './storage-api';
import { storedItem, type StoredItem } from './stored-item';

export const WATCH_TUNING_KEY = 'watchTuning';

export const createWatchTuning = (api: StorageApi): StoredItem<WatchTuning> =>
  storedItem(api, {
    area: 'local',
    key: WATCH_TUNING_KEY,
    defaultValue: () => ({ ...DEFAULT_WATCH_TUNING }),
    parse: mergeWatchTuning,
  });

export const watchTuning = createWatchTuning(browserStorage);
