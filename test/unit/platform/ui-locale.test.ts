// The locale everything is formatted in: the browser's UI language when the extension ships its texts,
// else English (the texts the person reads then), so numbers never disagree with the words around them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { localeFor, uiLocale } from '../../../src/platform/ui-locale';
import { formatDuration } from '../../../src/knowledge/format';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

describe('localeFor', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de-AT'],
    ['fr_CA', 'fr-CA'],
    ['es-419', 'es-419'],
    ['en-US', 'en-US'],
    ['ja', 'en'],
    ['pt-BR', 'en'],
    ['', 'en'],
    ['de-!!', 'en'],
  ])('%s → %s', (ui, locale) => {
    expect(localeFor(ui)).toBe(locale);
  });
});

describe('uiLocale', () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads the browser's UI language: a German browser gets German durations", () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('de-DE');
    expect(uiLocale()).toBe('de-DE');
    expect(formatDuration(1500, uiLocale())).toBe('1,5 Sek.');
  });

  it('a language without shipped texts formats in English', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('ja');
    expect(formatDuration(1500, uiLocale())).toBe('1.5 sec');
  });
});
