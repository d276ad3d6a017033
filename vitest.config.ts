import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The engine reads an installed registry (the background loads it from data on its first failure);
    // the fake browser answers a UI language.
    setupFiles: ['test/unit/support/install-registry.ts', 'test/unit/support/fake-ui-language.ts'],
  },
});
