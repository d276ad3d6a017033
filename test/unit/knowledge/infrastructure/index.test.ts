// Meta-test over the real registry: every entry is well formed, cites its sources, has its sentences in
// every locale, runs only patterns that stay fast on hostile input, and has at least one real capture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INFRASTRUCTURE } from '../../../../src/knowledge/infrastructure';
import { entryHeaderNames, entryKeys, entryPatterns } from '../../../../src/knowledge/infrastructure/entry-parts';
import { INFRA_IDS, ROLES } from '../../../../src/model/infrastructure';
import { CAPTURES_DIR, captureDirs } from './captures';

const LOCALES = ['en', 'de', 'es', 'fr'];
const messages = Object.fromEntries(
  LOCALES.map((lang) => [
    lang,
    JSON.parse(
      readFileSync(new URL(`../../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
    ) as Record<string, { message?: string }>,
  ]),
);

/**
 * Entries whose signature comes from a public source but for which no public capture of a real response has
 * been found yet (captures land in parallel with entries). Take an id off once its capture is in: then the test
 * holds it to one. bluecoat: its exception pages are documented (the entry's sources) and their text is quoted in
 * public posts, but no public raw response (status line and headers with that page) has been found; text alone is
 * not a capture.
 */
const AWAITING_CAPTURE = new Set<string>(['bluecoat']);

const capturesOf = (id: string): string[] => {
  const dir = new URL(`${id}/`, CAPTURES_DIR);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir);
  return files.filter((f) => f.endsWith('.http') && files.includes(f.replace(/\.http$/, '.json')));
};

/** Inputs that make a careless pattern backtrack: long runs of what its quantifiers eat. */
const HOSTILE = [
  'a '.repeat(8000),
  '5'.repeat(16000),
  'Error '.repeat(2700),
  'Ray ID: '.repeat(2000),
  ' '.repeat(16000),
  'Code: A'.repeat(2300),
  '502 Bad Gateway '.repeat(1000),
  'Reference #1.'.repeat(1200),
  'x'.repeat(16000) + '!',
  'Generated '.repeat(1600),
  'cache-'.repeat(2600),
  'ID: iad1::'.repeat(1600),
];

describe('infrastructure registry', () => {
  it('has unique ids from the shared vocabulary', () => {
    const ids = INFRASTRUCTURE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(INFRA_IDS).toContain(id);
  });

  it('names only captures folders after known infrastructure ids', () => {
    for (const dir of captureDirs()) expect(INFRA_IDS, dir).toContain(dir);
  });

  describe.each(INFRASTRUCTURE.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    it('is well formed and cites public sources', () => {
      expect(entry.name.trim()).not.toBe('');
      expect(ROLES).toContain(entry.role);
      expect(entry.headers.length + (entry.page?.proves.length ?? 0), 'nothing to recognise it by').toBeGreaterThan(0);
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
      for (const hidden of entry.hides ?? []) expect(INFRASTRUCTURE.map((e) => e.id)).toContain(hidden);
      const { names, prefixes } = entryHeaderNames(entry);
      for (const name of [...names, ...prefixes]) expect(name).toBe(name.toLowerCase());
      const codes = (entry.codes ?? []).map((c) => c.code);
      expect(new Set(codes).size, 'duplicate codes').toBe(codes.length);
    });

    it('has every sentence in all four locales', () => {
      for (const lang of LOCALES) {
        const missing = entryKeys(entry).filter((key) => !messages[lang]![key]?.message?.trim());
        expect(missing, lang).toEqual([]);
      }
    });

    it('runs only patterns that stay fast on hostile input', () => {
      for (const pattern of entryPatterns(entry)) {
        expect(pattern.global || pattern.sticky, `${pattern}: no state between calls`).toBe(false);
        // The fastest of three rounds: a backtracking pattern takes seconds on every round, while a busy
        // machine only slows some rounds (one took 130 ms right after `npm ci` on 2 loaded cores).
        let fastest = Infinity;
        for (let round = 0; round < 3; round++) {
          const started = performance.now();
          for (const input of HOSTILE) pattern.exec(input);
          fastest = Math.min(fastest, performance.now() - started);
        }
        expect(fastest, String(pattern)).toBeLessThan(100);
      }
    });

    it.skipIf(AWAITING_CAPTURE.has(id))('has a real capture', () => {
      const found = capturesOf(id);
      expect(found.length, `no capture in test/fixtures/captures/${id}/`).toBeGreaterThan(0);
    });
  });
});
