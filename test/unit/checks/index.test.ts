// Meta-test over every step: each entry of CHECKS and each file in src/checks/. A new step is covered the
// moment it is registered (or the moment its file exists without being registered).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { CHECK_IDS } from '../../../src/model/checks';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { CHECKS, checkById } = await import('../../../src/checks');

const LOCALES = readdirSync('public/_locales');
const messagesOf = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<
    string,
    { message: string } | undefined
  >;
const keyOf = (id: string) => id.replace(/-/g, '_');
const ids = CHECKS.map((check) => check.id);

/** A module exports a step when one of its exports has the shape of a `Check`. */
const exportsACheck = (module: Record<string, unknown>) =>
  Object.values(module).some(
    (value) => typeof value === 'object' && value !== null && 'id' in value && 'run' in value && 'automatic' in value,
  );

const files = readdirSync('src/checks')
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.replace(/\.ts$/, ''));
const modules = await Promise.all(
  files.map(async (name) => ({
    name,
    module: (await import(`../../../src/checks/${name}.ts`)) as Record<string, unknown>,
  })),
);

describe('the step registry', () => {
  it('holds every id of CHECK_IDS once, in the same order (the order the popup offers them)', () => {
    expect(ids).toEqual([...CHECK_IDS]);
    for (const id of CHECK_IDS) expect(checkById(id)?.id).toBe(id);
  });

  it('marks exactly the non-destructive, answer-free, first-party steps as automatic', () => {
    expect(CHECKS.filter((c) => c.automatic).map((c) => c.id)).toEqual(['reload', 'clean-request', 'network', 'dns']);
  });

  it('only the step that asks the person has fromAnswer', () => {
    expect(CHECKS.filter((c) => c.fromAnswer).map((c) => c.id)).toEqual(['private-window']);
  });

  it('reads the step files (the scan works)', () => {
    expect(modules.length).toBeGreaterThanOrEqual(CHECKS.length);
  });

  it.each(modules.map(({ name, module }) => [name, module]))(
    'src/checks/%s.ts: a step file is registered under its own name',
    (name, module) => {
      if (exportsACheck(module as Record<string, unknown>)) expect(ids).toContain(name);
      else expect(ids, `${name} exports no step, so no step may be named after it`).not.toContain(name);
    },
  );
});

describe.each(CHECKS.map((check) => [check.id, check]))('step %s', (id, check) => {
  it('lives in src/checks/<id>.ts', () => {
    expect(existsSync(`src/checks/${id}.ts`)).toBe(true);
    expect(check.run).toBeTypeOf('function');
  });
  it.each(LOCALES)('has a title and a description in %s', (lang) => {
    const messages = messagesOf(lang);
    expect(messages[`check_${keyOf(id)}_title`]?.message.trim(), `${lang} title`).toBeTruthy();
    expect(messages[`check_${keyOf(id)}_about`]?.message.trim(), `${lang} description`).toBeTruthy();
  });
  it('has its own test file, test/unit/checks/<id>.test.ts', () => {
    expect(existsSync(`test/unit/checks/${id}.test.ts`)).toBe(true);
  });
});
