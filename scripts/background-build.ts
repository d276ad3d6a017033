// Build step: the background is bundled on its own, into one file (background.js), after the pages are
// built. Inside crxjs's build it shared chunks with the popup and options page and loaded as seven modules,
// some carrying code only the pages use; an MV3 service worker loads all of it before its first event, so
// it is one file holding exactly what the worker imports (28 KB gzip where the seven came to 31).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';

/** The built background, at the root of dist/<browser>. */
export const BACKGROUND_FILE = 'background.js';

interface BackgroundBuild {
  /** src/background/index.ts */
  entry: string;
  outDir: string;
  target: string;
  /** The manifest's `background` key, written into the built manifest.json. */
  background: object;
}

export function backgroundBuildPlugin({ entry, outDir, target, background }: BackgroundBuild): Plugin {
  return {
    name: 'single-file-background',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        build: {
          outDir,
          emptyOutDir: false,
          target,
          sourcemap: false,
          modulePreload: false,
          rollupOptions: { input: entry, output: { entryFileNames: BACKGROUND_FILE, codeSplitting: false } },
        },
      });
      const manifestFile = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, background }, null, 2)}\n`);
    },
  };
}
