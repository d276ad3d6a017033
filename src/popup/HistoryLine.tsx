// "This site failed 3 times today (last: 502 at 14:02)" — from the local history; nothing when the
// site has not failed today or history is off.
import { HISTORY_KEY, parseHistory, summarizeSite, type HistoryEntry } from '../model/history';
import { SETTINGS_KEY } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';
import { formatTime } from '../knowledge/format';
import { historyFailureLabel } from '../ui/history-failure-label';

/** The history, or null while loading and whenever history is off; kept live. */
function useHistory(): HistoryEntry[] | null {
  const settings = useStored(SETTINGS_KEY, mergeSettings);
  const history = useStored(HISTORY_KEY, parseHistory);
  return settings?.historyEnabled && history ? history : null;
}

export function HistoryLine({ url }: { url: string | undefined }) {
  const entries = useHistory();
  if (!url || !entries) return null;
  const { today, last } = summarizeSite(entries, url, Date.now());
  if (!last) return null;
  const code = historyFailureLabel(last.failure);
  const time = formatTime(last.at);
  return (
    <p class="history-line">
      {today === 1 ? t('historyLineOnce', [code, time]) : t('historyLineToday', [String(today), code, time])}
    </p>
  );
}
