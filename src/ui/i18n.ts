// Every user-facing string comes from _locales through here.
import browser from 'webextension-polyfill';

export function t(key: string, args?: string | string[]): string {
  return browser.i18n.getMessage(key, args) || key;
}
