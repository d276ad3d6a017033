// `npm test`: every stage runs even when an earlier one failed, so one run reports every failure; a summary
// at the end, and a non-zero exit if any stage failed. Stages that need the build are skipped without it.
import { spawnSync } from 'node:child_process';

const STAGES = [
  { script: 'typecheck' },
  { script: 'lint' },
  { script: 'format:check' },
  { script: 'test:unit' },
  { script: 'build' },
  { script: 'lint:firefox', needs: 'build' },
  { script: 'test:e2e', needs: 'build' },
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = new Map();
for (const { script, needs } of STAGES) {
  if (needs && results.get(needs) !== 'passed') {
    results.set(script, `skipped (${needs} failed)`);
    continue;
  }
  const started = Date.now();
  const { status } = spawnSync(npm, ['run', script], { stdio: 'inherit' });
  results.set(script, status === 0 ? 'passed' : 'FAILED');
  console.log(`\n── ${script}: ${results.get(script)} in ${Math.round((Date.now() - started) / 1000)} s\n`);
}

console.log('\nnpm test summary');
for (const [script, result] of results)
  console.log(`  ${result === 'passed' ? '✓' : '✗'} ${script.padEnd(14)} ${result}`);
const failed = [...results.values()].filter((r) => r !== 'passed').length;
console.log(failed ? `\n${failed} of ${results.size} stages did not pass.` : `\nAll ${results.size} stages passed.`);
process.exit(failed ? 1 : 0);
