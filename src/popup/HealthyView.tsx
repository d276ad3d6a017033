import type { TabRecord } from '../model/incident';
import { failureKey } from '../model/failure';
import { t } from '../ui/i18n';
import { formatTime } from '../ui/format';
import { HistoryLine } from './HistoryLine';

export function HealthyView({ status, lastError }: { status: number | undefined; lastError: TabRecord['lastError'] }) {
  return (
    <main class="popup popup--calm">
      <h1 class="title">
        <span class="state-icon state-icon--ok" aria-hidden="true">✓</span>
        {t('healthyTitle')}
      </h1>
      <p>{status ? t('healthyStatus', [String(status)]) : t('healthyNoStatus')}</p>
      <HistoryLine url={lastError?.url} />
      {lastError && (
        <section class="last-error" aria-label={t('lastErrorHeading')}>
          <h2>{t('lastErrorHeading')}</h2>
          <p>
            {t('lastErrorLine', [
              lastError.failure.type === 'http' ? String(lastError.failure.status) : failureKey(lastError.failure).slice(4).toUpperCase(),
              formatTime(lastError.at),
              lastError.recoveredStatus ? String(lastError.recoveredStatus) : '—',
            ])}
          </p>
          <p class="url">{lastError.url}</p>
        </section>
      )}
    </main>
  );
}
