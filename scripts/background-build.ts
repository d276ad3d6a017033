// Build step: the background is bundled on its own, after the pages, into two classic scripts (IIFE) at the
// root of dist/<browser>: background.js, what the worker evaluates before its first event (detection, records,
// badge, page reading, messages, settings, watch), and background-steps.js, the guided steps, which
// src/background/steps-loader.ts loads the first time a step is asked for (issue 15: eager ≤ 20 KB gzip).
// Classic, because Chrome lets a service worker load a script later only by importScripts(), which a module
// worker refuses. The steps file never carries its own copy of a module the core holds state in: each import of
// one of SHARED_WITH_STEPS becomes a read of the instance the loader hands over (src/background/steps-contract.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';
import { CORE_GLOBAL, SHARED_WITH_STEPS, STEPS_FILE, type SharedModule } from '../src/background/steps-contract.ts';
import { polyfillEsmPlugin } from './polyfill-esm.ts';

/** The built background's eager file, at the root of dist/<browser>. */
export const BACKGROUND_FILE = 'background.js';
export { STEPS_FILE };

const SHARED_PREFIX = 'core-module:';

/** In the steps build: an import that resolves to a shared module is external, read from the core's instance. */
function shareCoreModules(): Plugin {
  return {
    name: 'steps-share-core-modules',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(SHARED_PREFIX)) return { id: source, external: true };
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const shared = (Object.keys(SHARED_WITH_STEPS) as SharedModule[]).find((key) =>
        SHARED_WITH_STEPS[key].test(resolved.id),
      );
      return shared ? { id: `${SHARED_PREFIX}${shared}`, external: true } : resolved;
    },
  };
}

export type BackgroundPart = 'core' | 'steps';

/** The vite build of one of the two files (also what bench/background-modules.ts builds in memory). */
export function backgroundBuildConfig(
  part: BackgroundPart,
  {
    srcDir,
    outDir,
    target,
    write = true,
    browser = 'chrome',
  }: { srcDir: string; outDir?: string; target: string; write?: boolean; browser?: 'chrome' | 'firefox' },
): InlineConfig {
  const steps = part === 'steps';
  return {
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    // The core: the polyfill as an ES module, as in the pages' build. Its CommonJS interop copied every property
    // of Chrome's own `browser` at the top level (a descriptor read instantiates each API namespace); the steps
    // file reads the core's instance (SHARED_WITH_STEPS), so the plugin would never run there. Firefox's event page
    // gets the browser's own namespace, as its pages do: the polyfill's wrapper code is never run there.
    plugins: steps ? [shareCoreModules()] : [polyfillEsmPlugin(browser)],
    build: {
      outDir,
      write,
      emptyOutDir: false,
      target,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: join(srcDir, 'background', steps ? 'on-demand-steps.ts' : 'index.ts'),
        output: {
          format: 'iife',
          entryFileNames: steps ? STEPS_FILE : BACKGROUND_FILE,
          codeSplitting: false,
          globals: (id: string) => `${CORE_GLOBAL}.${id.slice(SHARED_PREFIX.length)}`,
        },
      },
    },
  };
}

interface BackgroundBuild {
  /** src/ */
  srcDir: string;
  outDir: string;
  target: string;
  /** The manifest's `background` key, written into the built manifest.json. */
  background: object;
  browser: 'chrome' | 'firefox';
}

export function backgroundBuildPlugin({ srcDir, outDir, target, background, browser }: BackgroundBuild): Plugin {
  return {
    name: 'background-core-and-steps',
    apply: 'build',
    async closeBundle() {
      await build(backgroundBuildConfig('core', { srcDir, outDir, target, browser }));
      await build(backgroundBuildConfig('steps', { srcDir, outDir, target, browser }));
      const manifestFile = join(outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, background }, null, 2)}\n`);
    },
  };
}
