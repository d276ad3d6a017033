// Message names allow no '-' (Chrome accepts [A-Za-z0-9_] only), while ids are kebab-case: every key built
// from an id goes through here, so 'site-owner' is spelled 'site_owner' the same way everywhere.

/** The key of a message family and the ids in it: messageKey('fixer', 'site-owner') → 'fixer_site_owner'. */
export const messageKey = (...parts: string[]): string => parts.join('_').replace(/-/g, '_');
