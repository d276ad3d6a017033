// Derives each browser's manifest from the one source manifest.json (pure: unit-tested).
export type TargetBrowser = 'chrome' | 'firefox';

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

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
};

export function manifestFor(source: object, browser: TargetBrowser, version: string): Manifest {
  const manifest = structuredClone(source) as Manifest;
  manifest.version = version;
  if (browser === 'chrome') return { ...manifest, minimum_chrome_version: CHROME_MIN_VERSION };

  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error('manifest.json needs background.service_worker');
  // Firefox runs MV3 backgrounds as event pages; crxjs's firefox mode reads scripts[0].
  manifest.background = { scripts: [worker], type: 'module' };
  // `dns` exists only in Firefox (the DNS step uses dns.resolve there).
  manifest.permissions = [...(manifest.permissions ?? []), 'dns'];
  const gecko = { strict_min_version: GECKO_MIN_VERSION };
  manifest.browser_specific_settings = {
    gecko: { id: GECKO_ID, ...gecko, data_collection_permissions: { required: ['none'] } },
    // Firefox for Android: the same package; steps that need APIs Android lacks are left out there.
    gecko_android: gecko,
  };
  return manifest;
}
