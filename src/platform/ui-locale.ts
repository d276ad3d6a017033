// The one place the extension reads the person's language for formatting: the popup, the options, the
// welcome page and the steps' evidence (written by the background) all take it from here.
import browser from 'webextension-polyfill';

/** The locales in public/_locales; any other UI language reads the English (default_locale) texts. */
const SHIPPED = new Set(['en', 'de', 'fr', 'es']);

/** Pure: the locale to format with — the browser's UI language when its texts ship, else English, so numbers match the words around them. */
export function localeFor(uiLanguage: string): string {
  const tag = uiLanguage.replace(/_/g, '-');
  return SHIPPED.has(tag.split('-')[0]?.toLowerCase() ?? '') && isValidTag(tag) ? tag : 'en';
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The browser's UI language as a BCP 47 tag for Intl and `lang` ("de", "en-US"). */
export function uiLocale(): string {
  return localeFor(browser.i18n.getUILanguage());
}
