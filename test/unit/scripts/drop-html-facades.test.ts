import { describe, expect, it } from 'vitest';
import { isOnlyImports, strayHtmlFacades, type OutputFile } from '../../../scripts/drop-html-facades';

const chunk = (fileName: string, code: string, facadeModuleId: string | null, isEntry = true): OutputFile => ({
  type: 'chunk',
  fileName,
  code,
  facadeModuleId,
  isEntry,
});
const page = (fileName: string, source: string | Uint8Array): OutputFile => ({ type: 'asset', fileName, source });
const bundleOf = (...files: OutputFile[]) => Object.fromEntries(files.map((f) => [f.fileName, f]));

describe('isOnlyImports', () => {
  it('is true for bare and named imports as the minifier writes them', () => {
    expect(isOnlyImports('import"./popup-c4mgDUOk.js";')).toBe(true);
    expect(isOnlyImports(`import"./a.js";import{b as c}from"./b.js";\nimport * as d from './d.js'`)).toBe(true);
  });

  it('is false for empty code and for any statement that is not an import', () => {
    expect(isOnlyImports('')).toBe(false);
    expect(isOnlyImports('import"./a.js";console.log(1);')).toBe(false);
    expect(isOnlyImports('import{a}from"./a.js";a();')).toBe(false);
  });
});

describe('strayHtmlFacades', () => {
  const popupPage = page('popup.html', '<script type="module" src="/assets/popup-CUP75EJi.js"></script>');

  it("finds a page's import-only entry chunk that the emitted page does not name", () => {
    const bundle = bundleOf(
      chunk('assets/popup.html-CzkqPYWn.js', 'import"./popup-c4mgDUOk.js";', '/src/popup.html'),
      chunk('assets/popup-CUP75EJi.js', 'var e=1;export{e};', null, false),
      popupPage,
    );
    expect(strayHtmlFacades(bundle)).toEqual(['assets/popup.html-CzkqPYWn.js']);
  });

  it('keeps an entry chunk a page loads, one with code of its own, and entries that are not pages', () => {
    const bundle = bundleOf(
      chunk('assets/popup-CUP75EJi.js', 'import"./shared.js";', '/src/popup.html'),
      chunk('assets/welcome-x.js', 'import"./shared.js";render();', '/src/welcome.html'),
      chunk('assets/worker-y.js', 'import"./shared.js";', '/src/background/index.ts'),
      popupPage,
      page('welcome.html', new TextEncoder().encode('<script src="/assets/other.js"></script>')),
    );
    expect(strayHtmlFacades(bundle)).toEqual([]);
  });

  it('reads a page emitted as bytes', () => {
    const bundle = bundleOf(
      chunk('assets/options.html-z.js', 'import"./options-q.js";', '/src/options.html'),
      page('options.html', new TextEncoder().encode('<script src="/assets/options.html-z.js"></script>')),
    );
    expect(strayHtmlFacades(bundle)).toEqual([]);
  });
});
