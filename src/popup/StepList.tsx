import { CHECK_IDS, type CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import { effectiveState } from '../model/effective-state';
import { t } from '../ui/i18n';
import { useNow } from '../ui/use-now';
import type { PopupActions } from './actions';
import { StepItem } from './StepItem';

/** The guided steps as a live checklist, recommended ones first. */
export function StepList({ incident, recommended, actions }: { incident: Incident; recommended: CheckId[]; actions: PopupActions }) {
  const anyRunning = Object.values(incident.checks).some((s) => s?.state === 'running');
  const now = useNow(anyRunning);
  const order = [...recommended, ...CHECK_IDS.filter((id) => !recommended.includes(id))];
  return (
    <section class="steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('stepsHeading')}</h2>
      <ol aria-live="polite">
        {order.map((id) => (
          <StepItem key={id} id={id} url={incident.url} state={effectiveState(incident.checks[id], now)} actions={actions} />
        ))}
      </ol>
    </section>
  );
}
