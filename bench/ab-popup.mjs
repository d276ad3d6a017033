// Runs bench/ab-popup.ts (A/B of two popup builds in one browser) through Vite's module runner, as run.mjs does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

await runnerImport(join(fileURLToPath(new URL('..', import.meta.url)), 'bench/ab-popup.ts'));
process.exit(process.exitCode ?? 0);
