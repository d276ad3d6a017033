// Build step: webextension-polyfill as an ES module. Its file is UMD (CommonJS to a bundler), so each chunk that
// imported it got the bundler's CommonJS interop, which copies every property of the exported `browser`
// namespace into a new object, once per chunk: in a page, that is the first touch of each API namespace (2.9 ms
// in Firefox's popup, ~3 ms over the popup's chunks in Chromium, measured by `npm run bench`). As an ES module the
// namespace is evaluated once and imported by reference, with no copy.
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

export function polyfillEsmPlugin(): Plugin {
  return {
    name: 'polyfill-esm',
    enforce: 'pre',
    transform(code, id) {
      if (!POLYFILL.test(id)) return null;
      return { code: polyfillAsEsModule(code), map: null };
    },
  };
}
