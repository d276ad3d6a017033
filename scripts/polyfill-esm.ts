// Build step: webextension-polyfill as an ES module. Its file is UMD (CommonJS to a bundler), so each chunk that
// imported it got the bundler's CommonJS interop, which copies every property of the exported `browser`
// namespace into a new object, once per chunk: in a page, that is the first touch of each API namespace (2.9 ms
// in Firefox's popup, ~3 ms over the popup's chunks in Chromium, measured by `npm run bench`). As an ES module the
// namespace is evaluated once and imported by reference, with no copy.
// Firefox's build gets the browser's own namespace instead (firefoxBrowserModule): there the polyfill only ever
// returns `globalThis.browser`, so its ~10 KB of wrapper code was parsed and compiled in every page for nothing.
import type { Plugin } from 'vite';

/** The polyfill's file as npm ships it (main: dist/browser-polyfill.js). */
const POLYFILL = /[\\/]node_modules[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(?:\.min)?\.js$/;

/**
 * Pure: the UMD source wrapped as an ES module. The UMD takes its CommonJS branch (`exports` defined) and fills
 * the local `module`; its default export is what `require` would have returned (the browser's own `browser`
 * where it has one with promises, else its wrapper around `chrome`).
 */
export function polyfillAsEsModule(umdSource: string): string {
  const body = umdSource.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return [
    'const module = { exports: {} };',
    'const exports = module.exports;',
    'const define = undefined;',
    body,
    'export default module.exports;',
    '',
  ].join('\n');
}

/**
 * Pure: the polyfill's module for Firefox (128 and later, the build's target). Every Firefox extension page has a
 * promise-based `browser` with `runtime.id`, and for that the polyfill's own code exports `globalThis.browser`
 * itself (its check `globalThis.browser?.runtime?.id`): this module is that branch alone.
 */
export function firefoxBrowserModule(): string {
  return [
    '// webextension-polyfill in a Firefox build: Firefox has the namespace it would return (scripts/polyfill-esm.ts).',
    'export default globalThis.browser;',
    '',
  ].join('\n');
}

/** `firefox`: the browser's own namespace (firefoxBrowserModule); otherwise the polyfill as an ES module. */
export function polyfillEsmPlugin(browser: 'chrome' | 'firefox' = 'chrome'): Plugin {
  return {
    name: 'polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      return { code: browser === 'firefox' ? firefoxBrowserModule() : polyfillAsEsModule(code), map: null };
    },
  };
}
