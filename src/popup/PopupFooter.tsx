import browser from 'webextension-polyfill';
import { storage } from '../storage/storage';
import { t } from '../ui/i18n';
import { useStored } from '../ui/use-stored';

/** The way to the settings, and after an update with a note, that one quiet line until it is dismissed. */
export function PopupFooter() {
  const noteKey = useStored(storage.whatsNew);
  return (
    <footer class="popup-footer">
      {noteKey && (
        <p class="whats-new">
          <span>{t(noteKey)}</span>
          <button type="button" class="link-button" onClick={() => void storage.whatsNew.remove()}>
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
