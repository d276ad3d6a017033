// Importing a background module does nothing: no browser API is reached until index.ts has called start()
// and a listener runs. Every module under src/background/ (but the entry) and all it imports is loaded
// against a browser that records each property read.
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

const reached: string[] = [];
function recorder(path: string): unknown {
  const target = function () {};
  return new Proxy(target, {
    get(_, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      reached.push(`${path}.${key}`);
      return recorder(`${path}.${key}`);
    },
    apply() {
      reached.push(`${path}()`);
      return recorder(`${path}()`);
    },
  });
}
vi.mock('webextension-polyfill', () => ({ default: recorder('browser') }));

const modules = readdirSync('src/background').filter((name) => /\.tsx?$/.test(name) && name !== 'index.ts');

describe('background modules have no import-time side effects', () => {
  it('the recorder notices a module that touches the browser when imported', async () => {
    const { default: browser } = await import('webextension-polyfill');
    void browser.runtime.id;
    expect(reached.splice(0)).toEqual(['browser.runtime', 'browser.runtime.id']);
  });

  it.each(modules.map((m) => [m]))('importing src/background/%s reaches no browser API', async (name) => {
    reached.length = 0;
    await import(`../../../src/background/${name}`);
    expect(reached).toEqual([]);
  });
});
