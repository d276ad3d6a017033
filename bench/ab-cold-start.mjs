// Runs bench/ab-cold-start.ts through Vite's module runner (as bench/run.mjs runs the bench).
import { runnerImport } from 'vite';
import { fileURLToPath } from 'node:url';

await runnerImport(fileURLToPath(new URL('./ab-cold-start.ts', import.meta.url)));
process.exit(process.exitCode ?? 0);
