// "I run this site": a toggle in the popup (the same setting as on the options page) and, when on, what to
// check and where for this failure. The boxes are for the person's own ticking; nothing of them is stored.
import type { Incident } from '../model/incident';
import { storedBodyReason } from '../knowledge/body-reason';
import { ownerChecklist } from '../knowledge/owner-checklist';
import { t } from '../ui/i18n';
import { storage } from '../storage/storage';
import { useStored } from '../ui/use-stored';

const setOwnerMode = (on: boolean) =>
  void storage.settings.update((s) => ({ ...s, ownerMode: on })).catch(() => undefined);

export function OwnerChecklist({ incident }: { incident: Incident }) {
  const settings = useStored(storage.settings);
  // Nothing until the setting is read: a box that flips from off to on a moment later looks broken.
  if (!settings) return null;
  const toggle = (
    <label class="owner-toggle">
      <input
        type="checkbox"
        checked={settings.ownerMode}
        onChange={(e) => setOwnerMode((e.target as HTMLInputElement).checked)}
      />{' '}
      {t('ownerModeToggle')}
    </label>
  );
  if (!settings.ownerMode) return toggle;
  const items = ownerChecklist(incident.failure, incident.fingerprint, storedBodyReason(incident.checks));
  return (
    <>
      {toggle}
      <section class="owner-checklist" aria-labelledby="owner-checklist-heading">
        <h3 id="owner-checklist-heading">{t('ownerChecklistHeading')}</h3>
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
    </>
  );
}
