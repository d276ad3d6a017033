// Derives each browser's manifest from the one source manifest.json (pure: unit-tested).
export type TargetBrowser = 'chrome' | 'firefox';

export const GECKO_ID = 'error-page-explainer@example.org';
/** Firefox ESR 140 is the oldest that knows `data_collection_permissions`; 142 is what web-ext lint asks for. */
export const GECKO_MIN_VERSION = '142.0';

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  permissions?: string[];
};

export function manifestFor(source: object, browser: TargetBrowser, version: string): Manifest {
  const manifest = structuredClone(source) as Manifest;
  manifest.version = version;
  if (browser === 'chrome') return manifest;

  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error('manifest.json needs background.service_worker');
  // Firefox runs MV3 backgrounds as event pages; crxjs's firefox mode reads scripts[0].
  manifest.background = { scripts: [worker], type: 'module' };
  // `dns` exists only in Firefox (the DNS step uses dns.resolve there).
  manifest.permissions = [...(manifest.permissions ?? []), 'dns'];
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
    },
  };
  return manifest;
}
