// docs/promises.md maps each promise the README and the pages make to the test that fails if the code stops
// keeping it. This keeps the table honest: every test it names still exists, under that name, in that file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Row {
  promise: string;
  file: string;
  test: string;
}

function promiseRows(text: string): Row[] {
  return text
    .split('\n')
    .filter((line) => /^\|[^|]+\|[^|]*\|\s*test\//.test(line))
    .map((line) => {
      const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
      const [promise = '', , file = '', test = ''] = cells;
      return { promise, file, test: test.replace(/^`|`$/g, '') };
    });
}

/** Titles of every it(…) / test(…) in a file, as written between the quotes (escaped quotes unescaped). */
function testTitles(source: string): string[] {
  const titles: string[] = [];
  const call = /\b(?:it|test)(?:\.each\([\s\S]*?\))?(?:\.skipIf\([^)]*\))?\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const match of source.matchAll(call)) titles.push((match[2] ?? '').replace(/\\(.)/g, '$1'));
  return titles;
}

const rows = promiseRows(readFileSync('docs/promises.md', 'utf8'));

describe('docs/promises.md', () => {
  it('the parser reads titles with escaped quotes, .each and .skipIf', () => {
    const titles = testTitles(
      `it('a', f); it.each([1, 2])('b %s', f); it.skipIf(x)("c \\"d\\"", f); test(\`e\`, f); it('f\\'s', f)`,
    );
    expect(titles).toEqual(['a', 'b %s', 'c "d"', 'e', "f's"]);
  });

  it('maps promises to tests', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows.map((r) => [r.file, r.test, r]))('%s holds a test named "%s…"', (_, __, row) => {
    const { file, test, promise } = row as Row;
    expect(existsSync(file), `${file} (for "${promise}") does not exist`).toBe(true);
    const titles = testTitles(readFileSync(file, 'utf8'));
    expect(
      titles.some((title) => title.startsWith(test)),
      `no test in ${file} starts with "${test}" (for "${promise}")`,
    ).toBe(true);
  });
});
