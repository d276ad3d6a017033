import type { Settings } from '../model/settings';
import type { HistoryEntry } from '../model/history';
import { t } from '../ui/i18n';
import { clearHistory } from './settings-writer';
import type { SettingsChange } from '../model/settings';
import { Toggle } from './Toggle';
import { HistoryList } from './HistoryList';

interface Props {
  settings: Settings;
  entries: HistoryEntry[];
  save(change: SettingsChange): void;
  announce(message: string): void;
}

/** The local incident history: on/off, what it holds, and clearing it. */
export function HistorySettings({ settings, entries, save, announce }: Props) {
  return (
    <fieldset>
      <legend>{t('optionsSectionHistory')}</legend>
      <Toggle
        id="historyEnabled"
        hint
        checked={settings.historyEnabled}
        onChange={(on) => save((s) => ({ ...s, historyEnabled: on }))}
      />
      <h2 id="history-heading" class="subheading">
        {t('historyHeading')}
      </h2>
      <HistoryList entries={entries} labelledBy="history-heading" />
      <div class="buttons">
        <button
          type="button"
          class="danger"
          disabled={entries.length === 0}
          onClick={() => void clearHistory().then(() => announce(t('historyCleared')))}
        >
          {t('historyClear')}
        </button>
      </div>
    </fieldset>
  );
}
