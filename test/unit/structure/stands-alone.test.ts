// The repository stands alone: nothing in it points to files a person who clones it does not have.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEXT = /\.(ts|tsx|mjs|js|json|md|html|css|yml|yaml)$|^\.ci\//;
const tracked = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => TEXT.test(f) && !f.startsWith('test/fixtures/') && f !== 'package-lock.json' && existsSync(f));
/** Documents of the workspace the project was built in, and the workspace itself. */
const OUTSIDE = /(?:\.\.\/)+shared\/[A-Z]+\.md|\/work\/(?:shared|tools|wt|main)\b/;

describe('the repository stands alone', () => {
  it('reads the tracked files', () => expect(tracked.length).toBeGreaterThan(100));

  it('no file points to the workspace outside the repository', () => {
    const found = tracked.filter((file) => OUTSIDE.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('every relative link in a Markdown file names a file of the repository', () => {
    const broken = tracked
      .filter((f) => f.endsWith('.md'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\]\((\.{1,2}\/[^)#\s]+|[A-Za-z][\w./-]*\/[\w./-]+)\)/g)]
          .map((m) => m[1] as string)
          .filter((link) => !/^[a-z]+:/.test(link))
          .map((link) => join(dirname(file), link))
          .filter((target) => relative('.', target).startsWith('..') || !existsSync(target))
          .map((target) => `${file} → ${target}`),
      );
    expect(broken).toEqual([]);
  });
});
