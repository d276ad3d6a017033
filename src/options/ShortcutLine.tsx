import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';

/**
 * The keyboard shortcut that opens the popup (`_execute_action`), as the browser has it now: people change it
 * in chrome://extensions/shortcuts or Firefox's add-ons manager (Manage Extension Shortcuts). Not shown where
 * the browser has no commands API (Firefox for Android).
 */
export function ShortcutLine() {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!browser.commands?.getAll) return;
    // A browser that has the namespace but not the call throws rather than rejects: one path for both.
    void Promise.resolve()
      .then(() => browser.commands.getAll())
      .then(
        (all) => setShortcut(all.find((c) => c.name === '_execute_action')?.shortcut || null),
        () => setShortcut(undefined),
      );
  }, []);
  if (shortcut === undefined) return null;
  return (
    <p class="hint shortcut-line">
      {shortcut ? t('optionsShortcut', [shortcut]) : t('optionsShortcutNone')} {t('optionsShortcutChange')}
    </p>
  );
}
