// Build step: the options page is bundled on its own, after the popup and the welcome page, into its own files
// (options.html, assets/options-*.js and the chunks it loads on demand). The popup loads one eager file
// (scripts/popup-chunk.ts); sharing modules with it would make the options page load that file, mostly popup
// code it never runs. Built apart, each page carries its own copy of what both use (Preact, settings, storage).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

interface OptionsBuild {
  /** src/ */
  srcDir: string;
  outDir: string;
  target: string;
  /** The manifest's `options_ui` key, written into the built manifest.json. */
  optionsUi: object;
  /** What the pages' build resolves and transforms the same way (aliases, the polyfill as an ES module). */
  alias: Record<string, string>;
  plugins: Plugin[];
}

export function optionsBuildConfig({ srcDir, outDir, target, alias, plugins }: OptionsBuild): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    root: srcDir,
    publicDir: false,
    plugins,
    resolve: { alias },
    build: {
      outDir,
      emptyOutDir: false,
      target,
      sourcemap: false,
      // As in the popup's build: no polyfill, and no preload helper for the chunks loaded on demand.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
      rollupOptions: { input: { options: join(srcDir, 'options.html') } },
    },
  };
}

export function optionsBuildPlugin(options: OptionsBuild): Plugin {
  return {
    name: 'options-page-apart',
    apply: 'build',
    async closeBundle() {
      await build(optionsBuildConfig(options));
      const manifestFile = join(options.outDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
      writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, options_ui: options.optionsUi }, null, 2)}\n`);
    },
  };
}
