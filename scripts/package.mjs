// Store-ready packages: dist/error-page-explainer-{chrome,firefox}-<version>.zip, plus the source
// archive addons.mozilla.org asks for. The version comes from package.json only (manifest-for.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

run('node', ['scripts/build.mjs']);
for (const browser of ['chrome', 'firefox']) {
  const manifest = JSON.parse(readFileSync(`dist/${browser}/manifest.json`, 'utf8'));
  if (manifest.version !== version)
    throw new Error(`dist/${browser} has version ${manifest.version}, expected ${version}`);
  run('npx', [
    'web-ext',
    'build',
    '--source-dir',
    `dist/${browser}`,
    '--artifacts-dir',
    'dist',
    '--filename',
    `error-page-explainer-${browser}-${version}.zip`,
    '--overwrite-dest',
  ]);
}
// AMO reviewers rebuild from source: the committed tree (README says how: npm ci && npm run build).
const source = `dist/error-page-explainer-source-${version}.zip`;
if (existsSync('.git')) run('git', ['archive', '--format=zip', '--output', source, 'HEAD']);
else console.warn('not a git checkout: no source archive');
console.log(`packages in dist/ for version ${version}`);
