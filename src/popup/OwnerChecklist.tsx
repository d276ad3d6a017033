// "I run this site": what to check, and where, for this failure — shown only in owner mode (options).
// The boxes are for the person's own ticking while they work through it; nothing is stored.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '../model/incident';
import { SETTINGS_KEY } from '../model/settings';
import { mergeSettings } from '../model/merge-settings';
import { storedBodyReason } from '../knowledge/error-body';
import { ownerChecklist } from '../knowledge/owner-checklist';
import { t } from '../ui/i18n';

/** settings.ownerMode, kept live; false until read. */
function useOwnerMode(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const items = await browser.storage.local.get(SETTINGS_KEY);
      if (alive) setOn(mergeSettings(items[SETTINGS_KEY]).ownerMode);
    };
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    void load();
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return on;
}

/** `ownerMode` given: shown or not by the caller's word; absent: read from the settings. */
export function OwnerChecklist({ incident, ownerMode }: { incident: Incident; ownerMode?: boolean }) {
  const fromSettings = useOwnerMode();
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
