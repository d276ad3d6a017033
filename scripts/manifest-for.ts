// Derives each browser's manifest from the one source manifest.json (pure: unit-tested).
export type TargetBrowser = 'chrome' | 'firefox';

/** The background as built (scripts/background-build.ts): one file at the root of dist/<browser>. */
export const BUILT_BACKGROUND = 'background.js';

export const GECKO_ID = 'error-page-explainer@example.org';
/** Firefox ESR 140 is the oldest that knows `data_collection_permissions`; 142 is what web-ext lint asks for. */
export const GECKO_MIN_VERSION = '142.0';

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
  // The source names the entry (background/index.ts); the built extension loads its one bundled file.
  if (browser === 'chrome') {
    manifest.background = { service_worker: BUILT_BACKGROUND, type: 'module' };
    return manifest;
  }
  // Firefox runs MV3 backgrounds as event pages.
  manifest.background = { scripts: [BUILT_BACKGROUND], type: 'module' };
  // `dns` exists only in Firefox (the DNS step uses dns.resolve there).
  manifest.permissions = [...(manifest.permissions ?? []), 'dns'];
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: DATA_COLLECTION,
    },
  };
  return manifest;
}
