// Assertions for the property tests: i18n keys exist in the real English messages (with a value for each $n),
// plus a cheap check for hot loops (vitest's expect costs too much per call at 100k generated cases).
import locale from '../../../public/_locales/en/messages.json';

const messages = locale as Record<string, { message?: unknown } | undefined>;

export function must(condition: boolean, what: string | (() => string)): asserts condition {
  if (!condition) throw new Error(typeof what === 'string' ? what : what());
}

export function hasMessage(key: string): boolean {
  return Object.hasOwn(messages, key) && typeof messages[key]?.message === 'string';
}

/** The highest $n the message uses (0 when it has none). */
export function placeholderCount(key: string): number {
  const text = String(messages[key]?.message ?? '');
  return Math.max(0, ...[...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1])));
}

/** The key exists; with `args`, the message uses no $n beyond them. Names the key, so a counterexample says which. */
export function mustHaveMessage(key: string, args?: readonly string[]): void {
  must(hasMessage(key), () => `missing i18n key ${JSON.stringify(key)}`);
  if (args) must(placeholderCount(key) <= args.length, () => `${key} uses more $n than the ${args.length} args given`);
}

/** A short, printable description of a value for failure messages (counterexamples may hold 100 KB strings). */
export function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
