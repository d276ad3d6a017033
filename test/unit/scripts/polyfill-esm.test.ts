import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { firefoxBrowserModule, polyfillAsEsModule, polyfillEsmPlugin } from '../../../scripts/polyfill-esm';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('webextension-polyfill'), 'utf8');

let evaluations = 0;

/** Evaluates the wrapped module (a fresh instance each time) with the given globals; returns its default export. */
async function evaluate(globals: Record<string, unknown>, module = polyfillAsEsModule(source)): Promise<unknown> {
  evaluations += 1;
  const code = `${module}// instance ${evaluations}\n`;
  const saved = Object.fromEntries(Object.keys(globals).map((k) => [k, (globalThis as Record<string, unknown>)[k]]));
  Object.assign(globalThis, globals);
  try {
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    return ((await import(/* @vite-ignore */ url)) as { default: unknown }).default;
  } finally {
    Object.assign(globalThis, saved);
  }
}

describe('polyfillAsEsModule', () => {
  it('is an ES module whose default export is the UMD’s CommonJS export, with no CommonJS left to the bundler', () => {
    const code = polyfillAsEsModule(source);
    expect(code).toMatch(/\nexport default module\.exports;\n$/);
    expect(code).not.toMatch(/sourceMappingURL/);
  });

  it('exports the browser’s own promise-based namespace where there is one (Firefox, Chrome with `browser`)', async () => {
    const native = { runtime: { id: 'ext' } };
    expect(await evaluate({ chrome: { runtime: { id: 'ext' } }, browser: native })).toBe(native);
  });

  it('wraps `chrome` where the browser has no `browser` namespace, and sets no global', async () => {
    const chrome = { runtime: { id: 'ext', getURL: (p: string) => `chrome-extension://ext/${p}` } };
    const wrapped = (await evaluate({ chrome, browser: undefined })) as typeof chrome;
    expect(wrapped).not.toBe(chrome);
    expect(wrapped.runtime.getURL('popup.html')).toBe('chrome-extension://ext/popup.html');
    expect((globalThis as { browser?: unknown }).browser).toBeUndefined();
  });
});

describe('firefoxBrowserModule', () => {
  it('exports what the polyfill itself exports in Firefox: the browser’s own namespace, the same object', async () => {
    const native = { runtime: { id: 'ext' } };
    const globals = { chrome: { runtime: { id: 'ext' } }, browser: native };
    const own = await evaluate(globals, firefoxBrowserModule());
    expect(own).toBe(native);
    expect(own).toBe(await evaluate(globals));
  });
});

describe('polyfillEsmPlugin', () => {
  const polyfillId = '/repo/node_modules/webextension-polyfill/dist/browser-polyfill.js';
  const transform = (browser: 'chrome' | 'firefox', id: string) =>
    (polyfillEsmPlugin(browser).transform as (code: string, id: string) => { code: string } | null)(source, id);

  it('gives the Firefox build the browser’s own namespace and the Chrome build the polyfill as an ES module', () => {
    expect(transform('firefox', polyfillId)?.code).toBe(firefoxBrowserModule());
    expect(transform('chrome', polyfillId)?.code).toBe(polyfillAsEsModule(source));
  });

  it('leaves every other module alone', () => {
    expect(transform('firefox', '/repo/src/popup/main.tsx')).toBeNull();
    expect(transform('chrome', '/repo/node_modules/preact/dist/preact.module.js')).toBeNull();
  });
});
