import { checkTitleKey, type CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import type { Verdict, VerdictSide } from '../knowledge/verdict';
import { t } from '../ui/i18n';
import type { PopupActions } from './actions';

const SIDE_ICON: Record<VerdictSide, string> = {
  fixed: '✓',
  site: '⚠',
  hosting: '⚠',
  network: '⚠',
  dns: '⚠',
  'browser-data': '⚠',
  extension: '⚠',
  unknown: '?',
};

const stepTitle = (id: CheckId) => t(checkTitleKey(id));

/** Whose side the problem is on, the evidence for it, and the one step worth trying next. */
export function VerdictPanel({
  incident,
  verdict,
  actions,
}: {
  incident: Incident;
  verdict: Verdict;
  actions: PopupActions | null;
}) {
  const nothingRun = Object.keys(incident.checks).length === 0;
  const anyRunning = Object.values(incident.checks).some((s) => s?.state === 'running');
  return (
    <section
      class={`verdict verdict--${verdict.side} verdict--${verdict.confidence}`}
      aria-labelledby="verdict-heading"
      aria-live="polite"
    >
      <h2 id="verdict-heading" class="verdict-headline">
        <span class="verdict-icon" aria-hidden="true">
          {SIDE_ICON[verdict.side]}
        </span>
        <span>{t(verdict.headlineKey)}</span>
      </h2>
      {verdict.confidence !== 'strong' && !nothingRun && (
        <p class="verdict-confidence">{t(`verdictConfidence_${verdict.confidence}`)}</p>
      )}
      {verdict.detailKey && <p class="verdict-detail">{t(verdict.detailKey)}</p>}
      {verdict.evidence.length > 0 && (
        <ul class="verdict-evidence" aria-label={t('verdictEvidenceLabel')}>
          {verdict.evidence.map((e, i) => (
            <li key={i}>{t(e.key, e.args)}</li>
          ))}
        </ul>
      )}
      {!actions ? null : nothingRun ? (
        <button type="button" class="primary" onClick={actions.runAll} disabled={anyRunning}>
          {t('checkEverything')}
        </button>
      ) : (
        verdict.nextStep && (
          <button
            type="button"
            class="primary"
            onClick={() => actions.runCheck(verdict.nextStep!)}
            disabled={anyRunning}
          >
            {t('verdictNextStep', [stepTitle(verdict.nextStep)])}
          </button>
        )
      )}
    </section>
  );
}
