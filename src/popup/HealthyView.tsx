import type { TabRecord } from '../model/incident';
import { failureKey } from '../model/failure';
import { decideVerdict } from '../knowledge/verdict';
import { explain } from '../knowledge/explain';
import { t } from '../ui/i18n';
import { formatTime } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import { HistoryLine } from './HistoryLine';
import { VerdictPanel } from './VerdictPanel';
import { StepList } from './StepList';

/** `asking`: the page's status is still on its way from the background (the page is busy until it is). */
export function HealthyView({
  url,
  status,
  asking = false,
  lastError,
}: {
  url: string | undefined;
  status: number | undefined;
  asking?: boolean;
  lastError: TabRecord['lastError'];
}) {
  // A step that fixed the page ends the incident: keep its results and the verdict in view.
  const stepsRun = lastError && Object.keys(lastError.checks).length > 0;
  const shownStatus = status ?? (lastError?.url === url ? lastError?.recoveredStatus : undefined);
  return (
    <main class="popup popup--calm" aria-busy={asking || undefined}>
      <h1 class="title">
        <span class="state-icon state-icon--ok" aria-hidden="true">
          ✓
        </span>
        {t('healthyTitle')}
      </h1>
      {(shownStatus || !lastError) && (
        <p>{shownStatus ? t('healthyStatus', [String(shownStatus)]) : t('healthyNoStatus')}</p>
      )}
      <HistoryLine url={url} />
      {lastError && stepsRun && <VerdictPanel incident={lastError} verdict={decideVerdict(lastError)} actions={null} />}
      {lastError && (
        <section class="last-error" aria-label={t('lastErrorHeading')}>
          <h2>{t('lastErrorHeading')}</h2>
          <p>
            {t('lastErrorLine', [
              lastError.failure.type === 'http'
                ? String(lastError.failure.status)
                : failureKey(lastError.failure).slice(4).toUpperCase(),
              formatTime(lastError.at, uiLocale()),
              lastError.recoveredStatus ? String(lastError.recoveredStatus) : '—',
            ])}
          </p>
          <p class="url">{lastError.url}</p>
        </section>
      )}
      {lastError && stepsRun && (
        <StepList
          incident={lastError}
          recommended={explain(lastError.failure, lastError.fingerprint).steps}
          actions={null}
        />
      )}
    </main>
  );
}
