// Every unit test runs the engine on the registry as the extension ships it: the entries of
// src/knowledge/infrastructure/ encoded to the build's data file and decoded back, as the background does.
// Installed by vitest's setup for each test file; a test that resets modules installs it again into the
// fresh module graph (installShippedRegistry after vi.resetModules).
import { INFRASTRUCTURE } from '../../../src/knowledge/infrastructure';
import { decodeRegistry, encodeRegistry } from '../../../src/knowledge/infrastructure/registry-data';

export const SHIPPED_REGISTRY_DATA = encodeRegistry(INFRASTRUCTURE);

export async function installShippedRegistry(): Promise<void> {
  const { installRegistry } = await import('../../../src/knowledge/infrastructure/registry');
  installRegistry(decodeRegistry(SHIPPED_REGISTRY_DATA));
}

await installShippedRegistry();
