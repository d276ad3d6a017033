import { groupBySite, type HistoryEntry } from '../model/history';
import { t } from '../ui/i18n';
import { historyFailureLabel } from '../ui/history-failure-label';
import { formatCount } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';

const dayAndTime = (at: number): string =>
  new Date(at).toLocaleString(uiLocale(), { weekday: 'short', hour: '2-digit', minute: '2-digit' });

const entryText = (e: HistoryEntry): string => t('historyEntry', [historyFailureLabel(e.failure), dayAndTime(e.at)]);

/** Recent failures grouped by site, the most recently failing first; each site opens to its list. */
export function HistoryList({ entries, labelledBy }: { entries: HistoryEntry[]; labelledBy: string }) {
  if (entries.length === 0) return <p class="hint">{t('historyEmpty')}</p>;
  return (
    <ul class="history" aria-labelledby={labelledBy}>
      {groupBySite(entries).map(({ site, entries: list }) => (
        <li key={site}>
          <details>
            <summary>
              <span class="history-site">{site}</span>{' '}
              <span class="history-count">
                {list.length === 1 ? t('historySiteOne') : t('historySiteMany', [formatCount(list.length, uiLocale())])}
                {list[0] && ` · ${t('historySiteLast', [entryText(list[0])])}`}
              </span>
            </summary>
            <ul>
              {list.map((e) => (
                <li key={e.at}>{entryText(e)}</li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
