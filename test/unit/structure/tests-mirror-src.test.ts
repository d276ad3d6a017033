// Tests mirror the tree they test: test/unit/<folder>/<module>[.<aspect>].test.ts for src/<folder>/<module>.ts(x)
// (and scripts/ and bench/ likewise), so the test of a file is where a reader looks first. Helpers live in test/unit/support/.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Folders of tests that span many modules, named for what they test. */
const ACROSS_MODULES = {
  fuzz: 'property tests over whole families of parsers and tables',
  locales: 'public/_locales: every language complete, every key the code uses present',
  structure: 'the layout itself: layers, seams, this mirror',
};

const folders = readdirSync('test/unit', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
/** Test files under a folder, with their path below it (sub-folders mirror sub-folders). */
const testsIn = (folder: string) =>
  readdirSync(`test/unit/${folder}`, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.test\.tsx?$/.test(name),
  );
const sourceRoot = (folder: string) => (folder === 'scripts' || folder === 'bench' ? folder : `src/${folder}`);

describe('test/unit mirrors src/', () => {
  it.each(folders.map((f) => [f]))(
    'test/unit/%s is a src/ folder, scripts/, bench/, support/ or a cross-module folder',
    (folder) => {
      const known = folder === 'support' || folder in ACROSS_MODULES || existsSync(sourceRoot(folder));
      expect(known, `test/unit/${folder} matches no src/ folder`).toBe(true);
    },
  );

  it('support/ holds helpers, not tests', () => {
    expect(testsIn('support')).toEqual([]);
  });

  const mirrored = folders.filter((f) => f !== 'support' && !(f in ACROSS_MODULES) && existsSync(sourceRoot(f)));
  it.each(mirrored.flatMap((folder) => testsIn(folder).map((name) => [`${folder}/${name}`, folder, name])))(
    '%s is named after a module',
    (_, folder, name) => {
      const path = name as string;
      const dir = path.includes('/') ? `/${path.slice(0, path.lastIndexOf('/'))}` : '';
      const module = path.slice(path.lastIndexOf('/') + 1).split('.')[0] as string;
      const root = sourceRoot(folder as string) + dir;
      const found =
        ['.ts', '.tsx', '.mjs'].some((ext) => existsSync(`${root}/${module}${ext}`)) || existsSync(`${root}/${module}`);
      expect(found, `${root}/${module}.ts(x) does not exist`).toBe(true);
    },
  );

  it('no folder is named after a tracker number', () => {
    expect(folders.filter((f) => /\d/.test(f))).toEqual([]);
  });
});
