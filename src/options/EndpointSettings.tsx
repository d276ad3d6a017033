import { useState } from 'preact/hooks';
import type { Settings } from '../model/settings';
import { t } from '../ui/i18n';
import { restoreDefaultEndpoints } from './settings-writer';
import type { SettingsChange } from '../model/settings';
import { ENDPOINT_FIELDS, type EndpointField } from './endpoint-fields';
import { TextField } from './TextField';
import { Toggle } from './Toggle';

interface Props {
  settings: Settings;
  save(change: SettingsChange): void;
}

/** Every address a step can contact, editable; third-party look-ups beside their switch. */
export function EndpointSettings({ settings, save }: Props) {
  // Restoring remounts the fields, so an invalid draft goes even when the stored value did not change.
  const [generation, setGeneration] = useState(0);
  const field = (f: EndpointField) => (
    <TextField
      key={`${f.id}-${generation}`}
      id={`endpoint-${f.id}`}
      label={t(`endpoint_${f.id}_label`)}
      hint={t(`endpoint_${f.id}_hint`)}
      multiline={f.multiline}
      inputMode={f.inputMode}
      value={f.read(settings.endpoints)}
      validate={f.validate}
      onCommit={(v) => save((s) => ({ ...s, endpoints: f.write(s.endpoints, v) }))}
    />
  );
  return (
    <fieldset>
      <legend>{t('optionsSectionEndpoints')}</legend>
      <p class="hint">{t('optionsEndpointsIntro')}</p>
      {ENDPOINT_FIELDS.filter((f) => !f.thirdParty).map(field)}
      <fieldset class="nested">
        <legend>{t('optionsSectionThirdParty')}</legend>
        <Toggle
          id="thirdPartyLookups"
          hint
          checked={settings.thirdPartyLookups}
          onChange={(on) => save((s) => ({ ...s, thirdPartyLookups: on }))}
        />
        <Toggle
          id="sharePagePath"
          hint
          checked={settings.sharePagePath}
          onChange={(on) => save((s) => ({ ...s, sharePagePath: on }))}
        />
        {ENDPOINT_FIELDS.filter((f) => f.thirdParty).map(field)}
      </fieldset>
      <div class="buttons">
        <button
          type="button"
          onClick={() => {
            setGeneration((g) => g + 1);
            save(restoreDefaultEndpoints);
          }}
        >
          {t('optionsRestoreDefaults')}
        </button>
      </div>
    </fieldset>
  );
}
