import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RELEASE_NOTES, firstRunAction } from '../../../src/background/release-notes';
import { storedNoteKey } from '../../../src/model/whats-new';

describe('firstRunAction', () => {
  it('a first install opens the welcome page, whatever the version', () => {
    expect(firstRunAction('install', '0.1.0')).toEqual({ kind: 'welcome' });
    expect(firstRunAction('install', '9.9.9')).toEqual({ kind: 'welcome' });
  });
  it('an update to a version with a note stores that note; never a page', () => {
    expect(firstRunAction('update', '0.1.0', '0.0.9')).toEqual({ kind: 'note', noteKey: 'whatsNew_0_1_0' });
  });
  it('an update without a note, a reload of the same version, a browser update: nothing', () => {
    expect(firstRunAction('update', '0.1.1', '0.1.0')).toEqual({ kind: 'nothing' });
    expect(firstRunAction('update', '0.1.0', '0.1.0')).toEqual({ kind: 'nothing' });
    expect(firstRunAction('browser_update', '0.1.0')).toEqual({ kind: 'nothing' });
    expect(firstRunAction('shared_module_update', '0.1.0')).toEqual({ kind: 'nothing' });
  });
});

describe('release notes and what the popup accepts', () => {
  const locales = ['en', 'de', 'es', 'fr'].map(
    (l) =>
      JSON.parse(
        readFileSync(new URL(`../../../public/_locales/${l}/messages.json`, import.meta.url), 'utf8'),
      ) as Record<string, { message: string }>,
  );
  it('every note has a text in all four languages and is a key the popup shows', () => {
    for (const key of Object.values(RELEASE_NOTES)) {
      expect(storedNoteKey(key), key).toBe(key);
      for (const messages of locales) expect(messages[key]?.message.length, key).toBeGreaterThan(10);
    }
  });
  it('the popup shows nothing for anything else stored under the key', () => {
    for (const stored of [undefined, null, 42, '0.1.0', 'popupSettingsLink', 'whatsNew_', { key: 'whatsNew_0_1_0' }])
      expect(storedNoteKey(stored)).toBeNull();
  });
});
