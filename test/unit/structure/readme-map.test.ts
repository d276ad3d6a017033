// The README's "How it is built" is the true map: every folder of the tree is on it (a top folder or a folder
// of src/ and test/ on a line of its own; a folder below those named on its parent's line), every path on it
// exists, and its layer order is an order (layers.test.ts enforces the same lines, read from the README).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerOrder, parseMap, readmeMap } from '../support/readme-map';

const entries = readmeMap();
const mapped = new Set(entries.flatMap((entry) => entry.paths));

/** Folders of the working tree that git tracks or would track (generated output is ignored), to `depth` below the root. */
function folders(depth: number): string[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\n')
    .filter((file) => file !== '' && existsSync(file));
  const dirs = files.flatMap((file) => {
    const parts = file.split('/').slice(0, -1);
    return parts.slice(0, depth).map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
  });
  return [...new Set(dirs)].sort();
}

/** The entry that stands for a folder: its own line, else its parent's. */
const lineOf = (folder: string) => entries.find((entry) => entry.paths.includes(folder));
const parentOf = (folder: string) => folder.slice(0, folder.slice(0, -1).lastIndexOf('/') + 1);

describe("the README's map", () => {
  it('the parser reads paths, continuation lines and what each may import', () => {
    const sample = [
      '# x',
      '## How it is built',
      'text',
      '```',
      'src/a/        one  ← b, c',
      'src/b/ src/c/   two',
      '              more    imports nothing',
      'docs/         pictures',
      '```',
      '## Next',
      '```',
      'src/ignored/  x',
      '```',
    ].join('\n');
    expect(parseMap(sample)).toEqual([
      { paths: ['src/a/'], text: 'one ← b, c', mayImport: ['b', 'c'] },
      { paths: ['src/b/', 'src/c/'], text: 'two more imports nothing', mayImport: [] },
      { paths: ['docs/'], text: 'pictures', mayImport: null },
    ]);
    expect(layerOrder(parseMap(sample))).toEqual([
      ['a', ['b', 'c']],
      ['b', []],
      ['c', []],
    ]);
  });

  it('reads the real map', () => {
    expect(entries.length).toBeGreaterThan(12);
    expect(mapped).toContain('src/model/');
  });

  it('every folder at the top, and every folder of src/ and test/, has its own line', () => {
    const own = folders(2)
      .filter((f) => !f.startsWith('.') || f === '.ci/')
      .filter((f) => f.split('/').length === 2 || /^(src|test)\//.test(f));
    expect(own.filter((f) => !/^(src|test)\/$/.test(f) && !mapped.has(f))).toEqual([]);
  });

  it('every folder one level below those is named on its parent’s line', () => {
    const nested = folders(3).filter((f) => f.split('/').length === 4 && /^(src|test)\//.test(f));
    const deeper = folders(2).filter(
      (f) => f.split('/').length === 3 && !/^(src|test)\//.test(f) && !f.startsWith('.'),
    );
    const unnamed = [...nested, ...deeper].filter((folder) => {
      const name = folder.slice(parentOf(folder).length);
      const text = lineOf(parentOf(folder))?.text ?? '';
      // test/unit/<folder>/ mirrors src/<folder>/, which has its own line.
      const mirrors = parentOf(folder) === 'test/unit/' && mapped.has(`src/${name}`);
      return !mirrors && !new RegExp(`(^|[\\s(\`])${name.replace('/', '\\/')}`).test(text);
    });
    expect(unnamed).toEqual([]);
  });

  it('every path on the map exists', () => {
    expect([...mapped].filter((path) => !existsSync(path))).toEqual([]);
  });

  it('every folder of src/ says what it may import, and only folders listed before it', () => {
    const order = layerOrder(entries);
    expect(order.map(([folder]) => folder)).toEqual(expect.arrayContaining(['model', 'knowledge', 'popup']));
    const srcLines = entries.filter((entry) => entry.paths.some((p) => p.startsWith('src/')));
    expect(srcLines.filter((entry) => entry.mayImport === null).map((entry) => entry.paths.join(' '))).toEqual([]);
    const backwards = order.flatMap(([folder, mayImport], i) =>
      mayImport
        .filter((target) => !order.slice(0, i).some(([earlier]) => earlier === target))
        .map((target) => `${folder} ← ${target}`),
    );
    expect(backwards).toEqual([]);
  });
});
