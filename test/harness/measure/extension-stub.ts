// Lets Node import modules that import webextension-polyfill, and counts every touch of the browser
// API: a code path that leaves the count at 0 made no browser call at all.
// The polyfill exports `globalThis.browser` when that already has a `runtime.id`, so install this
// before the first module that imports the polyfill is evaluated (a dynamic import after the call).

let touches = 0;

function stub(path: string): unknown {
  const target = function browserStub() {};
  return new Proxy(target, {
    get(_, prop) {
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      if (path === 'browser.runtime' && prop === 'id') return 'bench-stub';
      touches += 1;
      return stub(`${path}.${prop}`);
    },
    apply() {
      touches += 1;
      return Promise.resolve(undefined);
    },
  });
}

export interface ExtensionStub {
  /** Property reads and calls on `browser`/`chrome` since the last reset. */
  touches(): number;
  reset(): void;
}

export function installExtensionStub(): ExtensionStub {
  const global = globalThis as Record<string, unknown>;
  if (global.browser === undefined) global.browser = stub('browser');
  if (global.chrome === undefined) global.chrome = global.browser;
  return { touches: () => touches, reset: () => void (touches = 0) };
}
