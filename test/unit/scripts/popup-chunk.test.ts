import { describe, expect, it } from 'vitest';
import { popupChunkNames } from '../../../scripts/popup-chunk';

/** A module graph: id → [static imports, dynamic imports]. */
function graph(edges: Record<string, [string[], string[]?]>) {
  return (id: string) => {
    const e = edges[id];
    return e ? { importedIds: e[0], dynamicallyImportedIds: e[1] ?? [] } : null;
  };
}

describe('popupChunkNames', () => {
  // popup.html → main → view → {explain, model, ui}; the view loads `lazy` on demand; the background uses
  // `model` and `bg-only`; options use `ui` and `model`; the welcome page (not an entry here) uses `view`.
  const info = graph({
    'popup.html': [['main']],
    main: [['view', 'ui']],
    view: [['explain', 'model', 'ui'], ['lazy']],
    lazy: [['explain', 'lazy-only']],
    explain: [[]],
    model: [[]],
    ui: [[]],
    'bg.ts': [['model', 'bg-only', 'shared-bg']],
    'options.html': [['ui', 'model']],
    'welcome.html': [['view']],
  });
  const names = popupChunkNames('popup.html', { background: 'bg.ts', options: 'options.html' }, info);

  it("cuts the popup's start-up code by which other entries use each module, ignoring the welcome page", () => {
    expect(names.get('main')).toBe('popup');
    expect(names.get('view')).toBe('popup');
    // Used by the popup's own lazy chunk too: that chunk imports it from the popup's.
    expect(names.get('explain')).toBe('popup');
    expect(names.get('ui')).toBe('popup+options');
  });

  it("leaves what every entry uses, lazy code and other entries' code to the bundler", () => {
    expect(names.has('model')).toBe(false);
    expect(names.has('lazy')).toBe(false);
    expect(names.has('lazy-only')).toBe(false);
    expect(names.has('bg-only')).toBe(false);
    expect(names.has('popup.html')).toBe(false);
  });

  it('names a module the background reaches only through its own lazy import after both', () => {
    const withLazyBackground = graph({
      'popup.html': [['a']],
      a: [[]],
      'bg.ts': [[], ['bg-lazy']],
      'bg-lazy': [['a']],
      'options.html': [[]],
    });
    expect(
      popupChunkNames('popup.html', { background: 'bg.ts', options: 'options.html' }, withLazyBackground).get('a'),
    ).toBe('popup+background');
  });
});
