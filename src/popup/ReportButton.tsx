// "Copy report": the incident as plain text or Markdown for a site owner or support desk.
import { useState } from 'preact/hooks';
import type { Incident } from '../model/incident';
import { buildReport } from '../knowledge/report';
import { useReportEnv } from './report-env';
import { t } from '../ui/i18n';
import { uiLocale } from '../platform/ui-locale';

type Feedback = 'idle' | 'copied' | 'failed';

export function ReportButton({ incident }: { incident: Incident }) {
  const env = useReportEnv();
  const [keepQuery, setKeepQuery] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>('idle');
  if (!env) return null;

  const report = buildReport(incident, env, { keepQuery, translate: t, locale: uiLocale() });
  const hasQuery = /\?./.test(incident.url.split('#')[0] ?? '');
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(
      () => setFeedback('copied'),
      () => setFeedback('failed'),
    );

  return (
    <section class="report" aria-labelledby="report-heading">
      <h2 id="report-heading" class="visually-hidden">
        {t('reportHeading')}
      </h2>
      <div class="buttons">
        <button type="button" onClick={() => void copy(report.text)}>
          {t('reportCopyText')}
        </button>
        <button type="button" onClick={() => void copy(report.markdown)}>
          {t('reportCopyMarkdown')}
        </button>
      </div>
      {hasQuery && (
        <label class="report-query">
          <input
            type="checkbox"
            checked={keepQuery}
            onChange={(e) => {
              setKeepQuery((e.target as HTMLInputElement).checked);
              setFeedback('idle');
            }}
          />{' '}
          {t('reportKeepQuery')}
        </label>
      )}
      <p class="report-feedback" role="status" aria-live="polite">
        {feedback === 'copied' ? t('reportCopied') : feedback === 'failed' ? t('reportCopyFailed') : ''}
      </p>
      <details class="report-preview" open={feedback === 'failed'}>
        <summary>{t('reportPreview')}</summary>
        <textarea readOnly rows={8} value={report.text} aria-label={t('reportHeading')} />
      </details>
    </section>
  );
}
