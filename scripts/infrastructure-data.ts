// Build step: writes the infrastructure registry (src/knowledge/infrastructure/, one entry per file) into
// the extension as one compact JSON file, which the background fetches on its first failing response
// instead of carrying it in the service worker's eager JS. Each entry's `sources` stay in the repository.
import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import { encodeRegistry, REGISTRY_DATA_FILE } from '../src/knowledge/infrastructure/registry-data.ts';

const REGISTRY_SOURCE = fileURLToPath(new URL('../src/knowledge/infrastructure/index.ts', import.meta.url));

export function infrastructureDataPlugin(): Plugin {
  return {
    name: 'infrastructure-data',
    async generateBundle() {
      // Through Vite's module runner: the entries are TypeScript with extension-less imports.
      const { module } = await runnerImport<typeof import('../src/knowledge/infrastructure/index.ts')>(REGISTRY_SOURCE);
      this.emitFile({ type: 'asset', fileName: REGISTRY_DATA_FILE, source: encodeRegistry(module.INFRASTRUCTURE) });
    },
  };
}
