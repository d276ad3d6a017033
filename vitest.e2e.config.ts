import { defineConfig } from 'vitest/config';

// Real-browser suites: one browser launch per file, files one after another (2 cores).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});
