// The English texts the popup shows, read from the shipped messages.json (so a test names a key, not
// a sentence, and a key rendered as-is is caught).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const MESSAGES_PATH = fileURLToPath(new URL('../../public/_locales/en/messages.json', import.meta.url));
let cache: Record<string, LocaleEntry> | undefined;

function load(): Record<string, LocaleEntry> {
  cache ??= JSON.parse(readFileSync(MESSAGES_PATH, 'utf8')) as Record<string, LocaleEntry>;
  return cache;
}

/** The text `browser.i18n.getMessage(key, args)` gives in English; throws for an unknown key. */
export function message(key: string, args: string[] = []): string {
  const entry = load()[key];
  if (!entry) throw new Error(`public/_locales/en/messages.json has no key "${key}"`);
  const positional = (text: string): string => text.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
  // Named placeholders ($NAME$) expand to their content, which may use $1…$9.
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = Object.entries(entry.placeholders ?? {}).find(([n]) => n.toLowerCase() === name.toLowerCase());
    return placeholder ? placeholder[1].content : whole;
  });
  // `$$` is a literal dollar sign.
  return named.split('$$').map(positional).join('$');
}
