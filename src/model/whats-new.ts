// "What's new": one quiet line in the popup after an update that has a note (never a page, never on install).

/** storage.local key holding the version whose note the popup still shows; removed when dismissed. */
export const WHATS_NEW_KEY = 'whatsNew';

/** Versions with a note, and the i18n key of their one line. A release without an entry shows nothing. */
export const RELEASE_NOTES: Readonly<Record<string, string>> = {
  '0.1.0': 'whatsNew_0_1_0',
};

export const releaseNoteKey = (version: unknown): string | null =>
  typeof version === 'string' && Object.hasOwn(RELEASE_NOTES, version) ? (RELEASE_NOTES[version] ?? null) : null;

/** What an install or update should do: the welcome page on a first install, the note after an update that has one. */
export function firstRunAction(reason: string, version: string, previousVersion?: string): 'welcome' | 'note' | 'nothing' {
  if (reason === 'install') return 'welcome';
  if (reason === 'update' && previousVersion !== version && releaseNoteKey(version) !== null) return 'note';
  return 'nothing';
}
