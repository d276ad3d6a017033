import type { Settings } from '../model/settings';
import { t } from '../ui/i18n';
import type { SettingsChange } from '../model/settings';
import { Toggle } from './Toggle';
import { TextField } from './TextField';
import { CHECK_TIMEOUT_SECONDS, validateSeconds } from './validation';

/** How the guided steps run: automatically or not, their time limit, owner mode. */
export function StepSettings({ settings, save }: { settings: Settings; save(change: SettingsChange): void }) {
  return (
    <fieldset>
      <legend>{t('optionsSectionSteps')}</legend>
      <Toggle
        id="autoRunChecks"
        hint
        checked={settings.autoRunChecks}
        onChange={(on) => save((s) => ({ ...s, autoRunChecks: on }))}
      />
      <Toggle
        id="ownerMode"
        hint
        checked={settings.ownerMode}
        onChange={(on) => save((s) => ({ ...s, ownerMode: on }))}
      />
      <TextField
        id="checkTimeout"
        label={t('option_checkTimeout_label')}
        hint={t('option_checkTimeout_hint')}
        type="number"
        inputMode="numeric"
        min={CHECK_TIMEOUT_SECONDS.min}
        max={CHECK_TIMEOUT_SECONDS.max}
        value={String(settings.checkTimeoutMs / 1000)}
        validate={validateSeconds}
        onCommit={(v) => save((s) => ({ ...s, checkTimeoutMs: Number(v.trim()) * 1000 }))}
      />
    </fieldset>
  );
}
