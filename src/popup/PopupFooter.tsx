import browser from 'webextension-polyfill';
import { WHATS_NEW_KEY, releaseNoteKey } from '../model/whats-new';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';

const parseNote = (stored: unknown) => releaseNoteKey(stored);

/** The way to the settings, and after an update with a note, that one quiet line until it is dismissed. */
export function PopupFooter() {
  const noteKey = useStored(WHATS_NEW_KEY, parseNote);
  return (
    <footer class="popup-footer">
      {noteKey && (
        <p class="whats-new">
          <span>{t(noteKey)}</span>
          <button type="button" class="link-button" onClick={() => void browser.storage.local.remove(WHATS_NEW_KEY)}>
            {t('whatsNewDismiss')}
          </button>
        </p>
      )}
      <button type="button" class="link-button settings-link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupSettingsLink')}
      </button>
    </footer>
  );
}
