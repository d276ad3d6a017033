// Derives each browser's manifest from the one source manifest.json (pure: unit-tested).
export type TargetBrowser = 'chrome' | 'firefox';

/** The background's eager file as built (scripts/background-build.ts), at the root of dist/<browser>. */
export const BUILT_BACKGROUND = 'background.js';

/**
 * The permanent add-on id (addons.mozilla.org never lets it change after the first upload). Generated once
 * with crypto.randomUUID(); the `{uuid}` form is what AMO itself assigns.
 */
export const GECKO_ID = '{7b443228-ee6f-4524-9994-1415728ac40f}';
/** Firefox ESR 140 is the oldest that knows `data_collection_permissions`; 142 is what web-ext lint asks for. */
export const GECKO_MIN_VERSION = '142.0';
/**
 * The oldest Chrome the code runs in. The newest API it needs unconditionally is `AbortSignal.any` (Chrome 116;
 * storage.session 102, webRequest/webNavigation `documentId` 106), and the bundle is built for `chrome120`
 * syntax (vite.config.ts reads this constant). `action.openPopup` (127) is feature-detected, with a fallback.
 */
export const CHROME_MIN_VERSION = '120';

/**
 * What leaves the machine, in Mozilla's data-consent terms (extensionworkshop.com, firefox-builtin-data-consent):
 * the DNS step sends the failing site's name to a DNS-over-HTTPS resolver (a step of "check everything", on by
 * default), and the third-party look-ups the person turns on send its host (its path only if they allow it) to
 * Globalping, archive.org and status pages — "information about the websites users visit": browsingActivity.
 * Nothing else: no page content, no cookies, no request or response data, no identity, no usage data.
 */
export const DATA_COLLECTION = { required: ['browsingActivity'] } as const;

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
};

export function manifestFor(source: object, browser: TargetBrowser, version: string): Manifest {
  const manifest = structuredClone(source) as Manifest;
  manifest.version = version;
  if (!manifest.background?.service_worker) throw new Error('manifest.json needs background.service_worker');
  // The source names the entry (background/index.ts); the built extension loads its bundled eager file.
  if (browser === 'chrome') {
    // A classic worker: only it may importScripts() the on-demand steps (src/background/steps-loader.ts).
    manifest.background = { service_worker: BUILT_BACKGROUND };
    manifest.minimum_chrome_version = CHROME_MIN_VERSION;
    return manifest;
  }
  // Firefox runs MV3 backgrounds as event pages.
  manifest.background = { scripts: [BUILT_BACKGROUND], type: 'module' };
  // `dns` exists only in Firefox (the DNS step uses dns.resolve there).
  manifest.permissions = [...(manifest.permissions ?? []), 'dns'];
  const gecko = { strict_min_version: GECKO_MIN_VERSION };
  manifest.browser_specific_settings = {
    gecko: { id: GECKO_ID, ...gecko, data_collection_permissions: DATA_COLLECTION },
    // Firefox for Android: the same package (README, "Browsers": what works there).
    gecko_android: gecko,
  };
  return manifest;
}
