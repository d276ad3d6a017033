import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import sourceManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { CHROME_MIN_VERSION, manifestFor, type TargetBrowser } from './scripts/manifest-for.ts';
import { infrastructureDataPlugin } from './scripts/infrastructure-data.ts';
import { backgroundBuildPlugin } from './scripts/background-build.ts';
import { popupChunkPlugin } from './scripts/popup-chunk.ts';
import { polyfillEsmPlugin } from './scripts/polyfill-esm.ts';
import { optionsBuildPlugin } from './scripts/options-build.ts';
import { dropHtmlFacadesPlugin } from './scripts/drop-html-facades.ts';

// `vite build --mode chrome|firefox`: one source manifest, one output folder per browser.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = fileURLToPath(new URL(`./dist/${browser}`, import.meta.url));
  const target = browser === 'firefox' ? 'firefox128' : `chrome${CHROME_MIN_VERSION}`;
  // crxjs builds the pages and the manifest; the background is built on its own: an eager file and the on-demand steps.
  // The options page is built apart too (scripts/options-build.ts), so the popup's one eager file is its own.
  const { background, options_ui: optionsUi, ...pagesManifest } = manifestFor(sourceManifest, browser, pkg.version);
  const popupChunk = popupChunkPlugin(/[\\/]src[\\/]popup\.html$/);
  // tldts's ES module build re-minified here came out at 113 KB gzip; its own minified build is 50 KB.
  const alias = { tldts: fileURLToPath(new URL('./node_modules/tldts/dist/index.esm.min.js', import.meta.url)) };
  const srcDir = fileURLToPath(new URL('./src', import.meta.url));
  return {
    root: srcDir,
    publicDir: fileURLToPath(new URL('./public', import.meta.url)),
    build: {
      outDir,
      emptyOutDir: true,
      target,
      // Preload the popup's static chunks with the entry (no waterfall); no polyfill: both browsers support it.
      // No preload for a lazy chunk's imports: Vite's helper appends a <link rel=modulepreload> per file from the
      // effects that run right after the popup's first paint (a few ms of main thread each, measured by
      // `npm run bench`), and the files come from the extension's own package: import() fetching them is enough.
      modulePreload: {
        polyfill: false,
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
      sourcemap: false,
      rollupOptions: {
        input: {
          popup: fileURLToPath(new URL('./src/popup.html', import.meta.url)),
          welcome: fileURLToPath(new URL('./src/welcome.html', import.meta.url)),
        },
        // No entry's exports are imported by anything (HTML pages and a service worker); needed by the group below.
        preserveEntrySignatures: false,
        output: {
          // One eager file for Chrome's popup (scripts/popup-chunk.ts). Firefox keeps the bundler's own split: in A/B
          // runs (bench/ab-popup.ts, 60 rounds) one file made Firefox's popup ~7% slower (its entry ran ~6 ms later).
          codeSplitting: {
            groups:
              browser === 'chrome'
                ? [{ name: popupChunk.chunkOf, debugName: 'popup-chunk', includeDependenciesRecursively: false }]
                : [],
          },
        },
      },
    },
    resolve: { alias },
    plugins: [
      infrastructureDataPlugin(),
      polyfillEsmPlugin(browser),
      popupChunk.plugin,
      dropHtmlFacadesPlugin(),
      crx({ manifest: pagesManifest as unknown as ManifestV3Export, browser }),
      optionsBuildPlugin({
        srcDir,
        outDir,
        target,
        optionsUi: optionsUi as object,
        alias,
        plugins: [polyfillEsmPlugin(browser)],
      }),
      backgroundBuildPlugin({
        srcDir,
        outDir,
        target,
        background: background!,
        browser,
      }),
    ],
  };
});
