// "This site failed 3 times today (last: 502 at 14:02)" — from the local history; nothing when the
// site has not failed today or history is off.
import { summarizeSite, type HistoryEntry } from '../model/history';
import { storage } from '../storage/storage';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';
import { formatCount, formatTime } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import { historyFailureLabel } from '../ui/history-failure-label';

/** The history, or null while loading and whenever history is off; kept live. */
function useHistory(): HistoryEntry[] | null {
  const settings = useStored(storage.settings);
  const history = useStored(storage.history);
  return settings?.historyEnabled && history ? history : null;
}

export function HistoryLine({ url }: { url: string | undefined }) {
  const entries = useHistory();
  if (!url || !entries) return null;
  const { today, last } = summarizeSite(entries, url, Date.now());
  if (!last) return null;
  const code = historyFailureLabel(last.failure);
  const locale = uiLocale();
  const time = formatTime(last.at, locale);
  return (
    <p class="history-line">
      {today === 1
        ? t('historyLineOnce', [code, time])
        : t('historyLineToday', [formatCount(today, locale), code, time])}
    </p>
  );
}
