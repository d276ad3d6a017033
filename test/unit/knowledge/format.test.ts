// Numbers, durations and times in the person's language: each locale the extension ships writes them its
// own way ("1.5 sec" in English, "1,5 Sek." in German), never one English "1.5 s" for all.
import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, formatTime } from '../../../src/knowledge/format';

const LOCALES = ['en', 'de', 'es', 'fr'] as const;
/** French keeps a number with its unit by a no-break space: narrow (U+202F) before s and ms and between thousands, full (U+00A0) before min. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';
const inEach = (format: (locale: string) => string) => Object.fromEntries(LOCALES.map((l) => [l, format(l)]));

describe('formatDuration', () => {
  it("writes a second and a half with each language's decimal mark and unit", () => {
    expect(inEach((l) => formatDuration(1500, l))).toEqual({
      en: '1.5 sec',
      de: '1,5 Sek.',
      es: '1,5 s',
      fr: `1,5${NNBSP}s`,
    });
  });

  it('keeps milliseconds under a second', () => {
    expect(inEach((l) => formatDuration(340, l))).toEqual({
      en: '340 ms',
      de: '340 ms',
      es: '340 ms',
      fr: `340${NNBSP}ms`,
    });
    expect(formatDuration(0.4, 'en')).toBe('0 ms');
  });

  it('drops the decimal from ten seconds on, and a trailing ",0"', () => {
    expect(inEach((l) => formatDuration(12_400, l))).toEqual({
      en: '12 sec',
      de: '12 Sek.',
      es: '12 s',
      fr: `12${NNBSP}s`,
    });
    expect(formatDuration(2000, 'de')).toBe('2 Sek.');
  });

  it('gives minutes and seconds from a minute on', () => {
    expect(inEach((l) => formatDuration(125_000, l))).toEqual({
      en: '2 min 5 sec',
      de: '2 Min. 5 Sek.',
      es: '2 min 5 s',
      fr: `2${NBSP}min 5${NNBSP}s`,
    });
    expect(inEach((l) => formatDuration(120_000, l))).toEqual({
      en: '2 min',
      de: '2 Min.',
      es: '2 min',
      fr: `2${NBSP}min`,
    });
  });

  it('rounds before choosing the unit: just under a minute is a minute, just under ten seconds is ten', () => {
    expect(formatDuration(59_700, 'en')).toBe('1 min');
    expect(formatDuration(9_960, 'en')).toBe('10 sec');
    expect(formatDuration(999.6, 'en')).toBe('1,000 ms');
  });
});

describe('formatCount', () => {
  it('groups thousands as each language does', () => {
    // Spanish does not group four digits.
    expect(inEach((l) => formatCount(12_345, l))).toEqual({
      en: '12,345',
      de: '12.345',
      es: '12.345',
      fr: `12${NNBSP}345`,
    });
    expect(formatCount(1234, 'es')).toBe('1234');
  });
});

describe('formatTime', () => {
  it('writes the hour as each language does (English on a 12-hour clock)', () => {
    const at = new Date(2026, 0, 5, 14, 7).getTime();
    expect(inEach((l) => formatTime(at, l))).toEqual({ en: '02:07 PM', de: '14:07', es: '14:07', fr: '14:07' });
  });
});
