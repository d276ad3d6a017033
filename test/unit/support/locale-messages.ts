// browser.i18n.getMessage for tests, answering from the real English locale ($1…$9 substitutions).
import locale from '../../../public/_locales/en/messages.json';

const messages = locale as Record<string, { message: string } | undefined>;

export function getMessage(key: string, args?: string | string[]): string {
  const subs = args === undefined ? [] : Array.isArray(args) ? args : [args];
  const text = messages[key]?.message;
  if (text === undefined) return '';
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}
