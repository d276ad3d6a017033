// Builds dist/chrome and dist/firefox from the same sources.
import { build } from 'vite';

const targets = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
for (const mode of targets.length ? targets : ['chrome', 'firefox']) {
  await build({ mode, logLevel: 'warn', configFile: new URL('../vite.config.ts', import.meta.url).pathname });
  console.log(`built dist/${mode}`);
}
