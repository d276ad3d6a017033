// The page's language and writing direction, from the locale the browser picked for the extension.
import browser from 'webextension-polyfill';
import { uiLocale } from '../platform/ui-locale';

/** `lang` for screen readers and hyphenation, `dir` so an RTL locale (`@@bidi_dir` = rtl) lays out mirrored. */
export function applyDocumentLocale(root: HTMLElement): void {
  root.lang = uiLocale();
  root.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
