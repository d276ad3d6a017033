// Build step: the popup's start-up code in one file, for Chrome. Left to itself, the bundler cuts it by which other
// pages share each module (the welcome page shows the popup's own view on a sample): several eager files, each
// fetched and compiled apart. Every module the popup imports statically now goes into the popup's own chunk. The
// options page is built apart (scripts/options-build.ts) so it never loads this file; the welcome page loads it
// whole. The popup's lazy chunks import from it as before. Measured (bench/ab-popup.ts, A/B in one browser): in
// Chromium one file is as fast as three (1.00x per round) and 0.8 KB gzip smaller; in Firefox ESR it was ~7%
// slower (the entry ran ~6 ms later), so vite.config.ts applies it to the Chrome build only.
import type { Plugin } from 'vite';

interface GraphInfo {
  importedIds: readonly string[];
}

type Lookup = (id: string) => GraphInfo | null;

/**
 * Pure: the modules the popup's entry reaches through static imports (itself aside: it is the chunk's entry).
 * What only a dynamic import reaches stays out: it loads on demand.
 */
export function popupEagerModules(popupEntry: string, info: Lookup): Set<string> {
  const seen = new Set<string>();
  const queue = [popupEntry];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(info(id)?.importedIds ?? []));
  }
  seen.delete(popupEntry);
  return seen;
}

/** The chunk name every eager module of the popup gets. */
export const POPUP_CHUNK = 'popup';

/** The popup's eager modules are found once the module graph is known, and read when the chunks are made. */
export function popupChunkPlugin(popupHtml: RegExp): { plugin: Plugin; chunkOf: (id: string) => string | null } {
  let eager = new Set<string>();
  const plugin: Plugin = {
    name: 'popup-chunk',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const popupEntry = ids.find((id) => popupHtml.test(id));
      if (popupEntry) eager = popupEagerModules(popupEntry, (id) => this.getModuleInfo(id));
    },
  };
  return { plugin, chunkOf: (id) => (eager.has(id) ? POPUP_CHUNK : null) };
}
