// Every language has every English key, with the same substitutions, and nothing stale.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: unknown }>;
const dir = new URL('../../../public/_locales/', import.meta.url);
const load = (lang: string): Messages => JSON.parse(readFileSync(new URL(`${lang}/messages.json`, dir), 'utf8'));
const english = load('en');
const languages = readdirSync(dir).filter((lang) => lang !== 'en');
/** `$1`, `$2` … with how often each appears. */
const substitutions = (text: string) => (text.match(/\$\d/g) ?? []).sort().join(',');

describe('locales', () => {
  it('ships English plus at least German, French and Spanish', () => {
    expect(languages).toEqual(expect.arrayContaining(['de', 'fr', 'es']));
  });
  it('uses key names browsers accept', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
  it.each(languages)('%s has every English key and no stale one', (lang) => {
    const translated = load(lang);
    expect(
      Object.keys(translated).filter((k) => !(k in english)),
      'stale keys',
    ).toEqual([]);
    expect(
      Object.keys(english).filter((k) => !(k in translated)),
      'missing keys',
    ).toEqual([]);
  });
  it.each(languages)('%s keeps every $n substitution and leaves nothing empty', (lang) => {
    const translated = load(lang);
    for (const [key, { message }] of Object.entries(english)) {
      const mine = translated[key]?.message ?? '';
      expect(mine.trim(), `${lang}/${key} is empty`).not.toBe('');
      expect(substitutions(mine), `${lang}/${key}`).toBe(substitutions(message));
    }
  });
});
