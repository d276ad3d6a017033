import type { Settings, SettingsChange } from '../model/settings';
import { t } from '../ui/i18n';
import { Toggle } from './Toggle';

/** The notice inside a failing page: on or off, and the sites where "Not on this site" turned it off. */
export function NoticeSettings({ settings, save }: { settings: Settings; save(change: SettingsChange): void }) {
  const muted = settings.noticeMutedSites;
  return (
    <fieldset>
      <legend>{t('optionsSectionNotice')}</legend>
      <Toggle
        id="errorPageNotice"
        hint
        checked={settings.errorPageNotice}
        onChange={(on) => save((s) => ({ ...s, errorPageNotice: on }))}
      />
      {muted.length > 0 && (
        <>
          <p class="hint" id="muted-sites-label">
            {t('optionsNoticeMutedSites')}
          </p>
          <ul class="muted-sites" aria-labelledby="muted-sites-label">
            {muted.map((site) => (
              <li key={site}>
                <code>{site}</code>{' '}
                <button
                  type="button"
                  aria-label={t('optionsNoticeUnmuteSite', [site])}
                  onClick={() =>
                    save((s) => ({ ...s, noticeMutedSites: s.noticeMutedSites.filter((m) => m !== site) }))
                  }
                >
                  {t('optionsNoticeUnmute')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
