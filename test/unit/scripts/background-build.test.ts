// The two background files as scripts/background-build.ts builds them: the eager one carries no step, and the
// steps file carries no copy of a module that holds state — those it reads from the core (SHARED_WITH_STEPS).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { backgroundBuildConfig, type BackgroundPart } from '../../../scripts/background-build';
import { CORE_GLOBAL, SHARED_WITH_STEPS, STEPS_GLOBAL } from '../../../src/background/steps-contract';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));

async function built(
  part: BackgroundPart,
  browser: 'chrome' | 'firefox' = 'chrome',
): Promise<{ code: string; modules: string[] }> {
  const target = browser === 'chrome' ? 'chrome120' : 'firefox142';
  const config = backgroundBuildConfig(part, { srcDir: SRC, target, write: false, browser });
  const output = (await build({ ...config, logLevel: 'silent' })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  return { code: chunk.code, modules: Object.keys(chunk.modules).filter((id) => !id.startsWith('\0')) };
}

/** Module-level state a second copy would split: a top-level `let`, Map or WeakMap, or a listener added on load. */
const HOLDS_STATE = /^(?:export )?(?:let |const \w+ = new (?:Map|WeakMap)\b)|^\S.*\.addListener\(/m;

describe('the background build', () => {
  it('keeps every step out of the eager file, and the steps file publishes its API on globalThis', async () => {
    const [core, steps] = await Promise.all([built('core'), built('steps')]);
    expect(core.modules.filter((id) => /[\\/]src[\\/]checks[\\/]|check-runner/.test(id))).toEqual([]);
    expect(steps.modules.some((id) => id.endsWith('check-runner.ts'))).toBe(true);
    expect(steps.code).toContain(STEPS_GLOBAL);
    // Classic scripts (IIFE): no import or export statement a classic worker would refuse.
    for (const { code } of [core, steps]) expect(code).not.toMatch(/^\s*(import|export)\b/m);
  }, 60_000);

  it("the core imports the polyfill as an ES module: no interop copying the browser's namespace at its top level", async () => {
    const { code } = await built('core');
    // The CommonJS interop's copy lists the exported object's own names and reads each descriptor: in Chrome,
    // that instantiates every API namespace of the native `browser` before the worker reports it has started.
    expect(code.includes('getOwnPropertyNames')).toBe(false);
    expect(code.includes('getOwnPropertyDescriptor')).toBe(false);
  }, 60_000);

  it("Firefox's core takes the browser's own namespace: none of the polyfill's wrapper code ships in it", async () => {
    const [chrome, firefox] = await Promise.all([built('core'), built('core', 'firefox')]);
    // The polyfill's own error text and its API metadata, present where the wrapper is (Chrome's build).
    const wrapper = ['api-metadata.json has not been included', 'getBadgeBackgroundColor'];
    for (const text of wrapper) expect(chrome.code).toContain(text);
    for (const text of wrapper) expect(firefox.code).not.toContain(text);
    expect(firefox.code).toContain('globalThis.browser');
  }, 60_000);

  it('the steps file holds no copy of a shared module, nor of any other module with state the core has', async () => {
    const [core, steps] = await Promise.all([built('core'), built('steps')]);
    const patterns = Object.values(SHARED_WITH_STEPS);
    expect(steps.modules.filter((id) => patterns.some((p) => p.test(id)))).toEqual([]);
    const both = steps.modules.filter((id) => core.modules.includes(id) && id.startsWith(SRC));
    expect(both.length).toBeGreaterThan(0);
    expect(both.filter((id) => HOLDS_STATE.test(readFileSync(id, 'utf8')))).toEqual([]);
    // Each shared module is read from what the core hands over.
    for (const key of Object.keys(SHARED_WITH_STEPS)) expect(steps.code).toContain(`${CORE_GLOBAL}.${key}`);
  }, 60_000);
});
