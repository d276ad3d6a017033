// Build step: writes the infrastructure registry (src/knowledge/infrastructure/, one entry per file) into
// the extension as one compact JSON file, which the background fetches on its first failing response
// instead of carrying it in the service worker's eager JS. Each entry's `sources` stay in the repository.
// Chrome's build also gets the same data as a classic script, which its worker imports instead (no fetch,
// nothing to parse at run time: see src/platform/infrastructure-data.ts).
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import {
  encodeRegistry,
  encodeRegistryScript,
  REGISTRY_DATA_FILE,
  REGISTRY_SCRIPT_FILE,
} from '../src/knowledge/infrastructure/registry-data.ts';

const REGISTRY_SOURCE = fileURLToPath(new URL('../src/knowledge/infrastructure/index.ts', import.meta.url));

export function infrastructureDataPlugin(): Plugin {
  let firefox = false;
  return {
    name: 'infrastructure-data',
    configResolved(config) {
      firefox = config.mode === 'firefox'; // Firefox's event page fetches the data file (no importScripts there)
    },
    async generateBundle() {
      // Through Vite's module runner: the entries are TypeScript with extension-less imports.
      const { module } = await runnerImport<typeof import('../src/knowledge/infrastructure/index.ts')>(REGISTRY_SOURCE);
      this.emitFile({ type: 'asset', fileName: REGISTRY_DATA_FILE, source: encodeRegistry(module.INFRASTRUCTURE) });
      if (!firefox)
        this.emitFile({
          type: 'asset',
          fileName: REGISTRY_SCRIPT_FILE,
          source: encodeRegistryScript(module.INFRASTRUCTURE),
        });
    },
  };
}
