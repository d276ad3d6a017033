// `npm run bench`: builds dist/chrome and dist/firefox when missing or older than their sources, then runs the
// TypeScript bench (bench/main.ts) through Vite's module runner (Node 20 cannot run .ts itself).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'public', 'manifest.json', 'vite.config.ts', 'scripts', 'package.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sourcesTime = Math.max(
  ...SOURCES.map((p) => join(root, p))
    .filter(existsSync)
    .map(newestMtime),
);
for (const browser of ['chrome', 'firefox']) {
  const built = join(root, `dist/${browser}/manifest.json`);
  if (!existsSync(built) || statSync(built).mtimeMs < sourcesTime) {
    console.log(`[bench] dist/${browser} is missing or stale: building it`);
    execFileSync(process.execPath, ['scripts/build.mjs', browser], { cwd: root, stdio: 'inherit' });
  }
}

if (process.argv.includes('--quick')) process.env.BENCH_QUICK = '1';
const only = process.argv.find((a) => a.startsWith('--only='));
if (only) process.env.BENCH_ONLY = only.slice('--only='.length);
await runnerImport(join(root, 'bench/main.ts'));
process.exit(process.exitCode ?? 0);
