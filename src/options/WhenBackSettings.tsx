import type { Settings } from '../model/settings';
import { t } from '../ui/i18n';
import type { SettingsChange } from '../model/settings';
import { Toggle } from './Toggle';

/** What happens when a failed site answers again. */
export function WhenBackSettings({ settings, save }: { settings: Settings; save(change: SettingsChange): void }) {
  return (
    <fieldset>
      <legend>{t('optionsSectionWhenBack')}</legend>
      <Toggle
        id="notifyWhenBack"
        checked={settings.notifyWhenBack}
        onChange={(on) => save((s) => ({ ...s, notifyWhenBack: on }))}
      />
      <Toggle
        id="reloadWhenBack"
        checked={settings.reloadWhenBack}
        onChange={(on) => save((s) => ({ ...s, reloadWhenBack: on }))}
      />
    </fieldset>
  );
}
