// "I run this site": what to check, and where, for this failure — shown only in owner mode (options).
// The boxes are for the person's own ticking while they work through it; nothing is stored.
import type { Incident } from '../model/incident';
import { SETTINGS_KEY } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';
import { storedBodyReason } from '../knowledge/error-body';
import { ownerChecklist } from '../knowledge/owner-checklist';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';

/** `ownerMode` given: shown or not by the caller's word; absent: read from the settings. */
export function OwnerChecklist({ incident, ownerMode }: { incident: Incident; ownerMode?: boolean }) {
  const fromSettings = useStored(SETTINGS_KEY, mergeSettings)?.ownerMode ?? false;
  if (!(ownerMode ?? fromSettings)) return null;
  const items = ownerChecklist(incident.failure, incident.fingerprint, storedBodyReason(incident.checks));
  return (
    <section class="owner-checklist" aria-labelledby="owner-checklist-heading">
      <h2 id="owner-checklist-heading">{t('ownerChecklistHeading')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            <label>
              <input type="checkbox" /> {t(item.key)}
            </label>
            <p class="owner-where">{t(item.whereKey)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
