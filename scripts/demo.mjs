// `npm run demo`: builds both browsers, serves a gallery of real failures on 127.0.0.1 and opens the
// extension on it. Flags: --firefox, --headless, --screenshot (PNG of the popup per failure in docs/demo/).
// Node 20 cannot run .ts: the demo itself runs through Vite's module runner.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const { module } = await runnerImport(`${root}scripts/demo/main.ts`);
await module.main(process.argv.slice(2));
process.exit(process.exitCode ?? 0);
