import { describe, expect, it } from 'vitest';
import { popupEagerModules } from '../../../scripts/popup-chunk';

/** A module graph: id → [static imports, dynamic imports]. */
function graph(edges: Record<string, [string[], string[]?]>) {
  return (id: string) => {
    const e = edges[id];
    return e ? { importedIds: e[0], dynamicallyImportedIds: e[1] ?? [] } : null;
  };
}

describe('popupEagerModules', () => {
  // popup.html → main → view → {explain, model, ui}; the view loads `lazy` on demand, which also uses
  // `explain`; the welcome page uses `view` and `welcome-only`; nothing reaches `unused`.
  const info = graph({
    'popup.html': [['main']],
    main: [['view', 'ui']],
    view: [['explain', 'model', 'ui'], ['lazy']],
    lazy: [['explain', 'lazy-only']],
    explain: [['model']],
    model: [[]],
    ui: [[]],
    'welcome.html': [['view', 'welcome-only']],
  });
  const eager = popupEagerModules('popup.html', info);

  it('takes every module the popup reaches through static imports, shared or not, once', () => {
    expect([...eager].sort()).toEqual(['explain', 'main', 'model', 'ui', 'view']);
  });

  it("leaves out the entry itself, what only a dynamic import reaches, and other pages' own modules", () => {
    expect(eager.has('popup.html')).toBe(false);
    expect(eager.has('lazy')).toBe(false);
    expect(eager.has('lazy-only')).toBe(false);
    expect(eager.has('welcome-only')).toBe(false);
  });

  it('follows a cycle without looping and stops at modules the graph does not know', () => {
    const cyclic = graph({ 'popup.html': [['a']], a: [['b']], b: [['a', 'external']] });
    expect([...popupEagerModules('popup.html', cyclic)].sort()).toEqual(['a', 'b', 'external']);
  });
});
