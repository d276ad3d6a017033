// The page's language and writing direction, from the locale the browser picked for the extension.
import browser from 'webextension-polyfill';

/** The locales in public/_locales; any other UI language reads the English (default_locale) texts. */
const SHIPPED = new Set(['en', 'de', 'fr', 'es']);

/** `lang` for screen readers and hyphenation, `dir` so an RTL locale (`@@bidi_dir` = rtl) lays out mirrored. */
export function applyDocumentLocale(root: HTMLElement): void {
  const ui = browser.i18n.getUILanguage();
  root.lang = SHIPPED.has(ui.split(/[-_]/)[0]?.toLowerCase() ?? '') ? ui : 'en';
  root.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
