import { CHECK_IDS, type CheckId } from '../model/checks';
import type { Incident } from '../model/incident';
import { t } from '../ui/i18n';

/** The guided steps, recommended ones first, each with one line on what it does. */
export function StepList({ incident, recommended }: { tabId: number; incident: Incident; recommended: CheckId[] }) {
  void incident;
  const order = [...recommended, ...CHECK_IDS.filter((id) => !recommended.includes(id))];
  return (
    <section class="steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t('stepsHeading')}</h2>
      <ol>
        {order.map((id) => (
          <li key={id} class="step" data-step={id}>
            <span class="step-title">{t(`check_${id.replace(/-/g, '_')}_title`)}</span>
            <span class="step-about">{t(`check_${id.replace(/-/g, '_')}_about`)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
