// "What's new": one quiet line in the popup after an update that has a note (never a page, never on install).
// The background stores the note's i18n key (src/background/release-notes.ts); the popup only shows it.

/** storage.local key holding the i18n key of the note the popup still shows; removed when dismissed. */
export const WHATS_NEW_KEY = 'whatsNew';

/** The stored note's i18n key, or null for anything else (nothing stored, a stale or foreign value). */
export const storedNoteKey = (stored: unknown): string | null =>
  typeof stored === 'string' && /^whatsNew_\d+_\d+_\d+$/.test(stored) ? stored : null;
