import { CHECK_IDS, checkTitleKey, type CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import { effectiveState } from '../model/effective-state';
import { t } from '../ui/i18n';
import { useNow } from '../ui/use-now';
import type { PopupActions } from './actions';
import { StepItem } from './StepItem';
import { unavailableStepsHere } from '../platform/step-support';

/** The guided steps as a live checklist: the ones that help for this failure first, then the rest, compact. */
export function StepList({
  incident,
  recommended,
  actions,
}: {
  incident: Incident;
  recommended: CheckId[];
  actions: PopupActions | null;
}) {
  const anyRunning = Object.values(incident.checks).some((s) => s?.state === 'running');
  const now = useNow(anyRunning);
  // A step this browser cannot run is left out, with its reason below (the private window on Firefox for Android).
  const unavailable = unavailableStepsHere();
  // Read-only (the incident ended): only the steps that ran.
  const shown = (ids: readonly CheckId[]) =>
    actions ? ids.filter((id) => !unavailable.has(id)) : ids.filter((id) => incident.checks[id]);
  const others = shown(CHECK_IDS.filter((id) => !recommended.includes(id)));
  // Read-only with nothing run (the welcome page's sample): no empty "steps you ran" heading.
  if (!actions && shown(CHECK_IDS).length === 0) return null;
  const item = (id: CheckId, isRecommended: boolean) => (
    <StepItem
      key={id}
      id={id}
      url={incident.url}
      incident={incident}
      recommended={isRecommended}
      state={effectiveState(incident.checks[id], now)}
      actions={actions}
    />
  );
  return (
    <section class="steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t(actions ? 'stepsHeading' : 'stepsRunHeading')}</h2>
      <ol aria-live="polite">{shown(recommended).map((id) => item(id, true))}</ol>
      {others.length > 0 && (
        <>
          <h3 class="steps-more">{t('stepsMoreHeading')}</h3>
          <ol class="steps--compact" aria-live="polite">
            {others.map((id) => item(id, false))}
          </ol>
        </>
      )}
      {actions &&
        [...unavailable].map(([id, api]) => (
          <p key={id} class="hint steps-unavailable" data-step-unavailable={id}>
            {t(`stepUnavailable_${api}`, [t(checkTitleKey(id))])}
          </p>
        ))}
    </section>
  );
}
