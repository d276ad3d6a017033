// How a past failure reads in one word: its status code, or a short name for the network error.
import type { HistoryFailure } from '../model/history';
import { t } from './i18n';

export function historyFailureLabel(failure: HistoryFailure): string {
  return failure.type === 'http' ? String(failure.status) : t(`historyNet_${failure.kind}`);
}
