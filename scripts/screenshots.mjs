// `npm run screenshots`: builds, then renders the popup in each main state and the options page, in light
// and dark, into docs/*.png (the README shows the main ones). Headless Debian Chromium, local servers only.
// Node 20 cannot run .ts: the renderer runs through Vite's module runner, as scripts/demo.mjs does.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.argv.includes('--no-build'))
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
const { module } = await runnerImport(`${root}scripts/screenshots/main.ts`);
await module.main();
process.exit(process.exitCode ?? 0);
