// Which releases have a "what's new" line, and what an install or update does about it.

/** Versions with a note, and the i18n key of their one line. A release without an entry shows nothing. */
export const RELEASE_NOTES: Readonly<Record<string, string>> = {
  '0.1.0': 'whatsNew_0_1_0',
};

export const releaseNoteKey = (version: string): string | null =>
  Object.hasOwn(RELEASE_NOTES, version) ? (RELEASE_NOTES[version] ?? null) : null;

export type FirstRunAction = { kind: 'welcome' } | { kind: 'note'; noteKey: string } | { kind: 'nothing' };

/** The welcome page on a first install; the note after an update to a version that has one; else nothing. */
export function firstRunAction(reason: string, version: string, previousVersion?: string): FirstRunAction {
  if (reason === 'install') return { kind: 'welcome' };
  const noteKey = releaseNoteKey(version);
  if (reason === 'update' && previousVersion !== version && noteKey !== null) return { kind: 'note', noteKey };
  return { kind: 'nothing' };
}
