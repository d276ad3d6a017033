// Layers point one way (README, "How it is built"): every import in src/ is parsed, and one against the
// order, or any cycle between files, fails here with the file and the import that break it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerOrder, readmeMap } from '../support/readme-map';

/** What each folder of src/ may import besides itself: the README's map is the one place the order is written. */
const MAY_IMPORT: Record<string, string[]> = Object.fromEntries(layerOrder(readmeMap()));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier: `import … from`, `export … from`, side-effect `import '…'`, `import('…')`. */
export function specifiers(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
}

/** The file a relative specifier names (null for packages and non-code assets). */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  const found = candidates.find((c) => /\.tsx?$/.test(c) && existsSync(c));
  if (found) return found;
  return /\.(css|json|html|svg|png)$/.test(specifier) ? null : `${base} (missing)`;
}

const layerOf = (file: string) => relative('src', file).split('/')[0] as string;
const files = sourceFiles('src').filter((f) => f.includes('/', 4));
const edges = new Map(
  files.map((file) => [
    file,
    specifiers(readFileSync(file, 'utf8'))
      .map((s) => resolve(file, s))
      .filter((t): t is string => t !== null),
  ]),
);

/** Strongly connected components with more than one file (Tarjan), plus files that import themselves. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (node: string) => {
    info.set(node, { index, low: index, onStack: true });
    index += 1;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!info.has(next)) {
        visit(next);
        info.get(node)!.low = Math.min(info.get(node)!.low, info.get(next)!.low);
      } else if (info.get(next)!.onStack) info.get(node)!.low = Math.min(info.get(node)!.low, info.get(next)!.index);
    }
    if (info.get(node)!.low === info.get(node)!.index) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        info.get(member)!.onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!info.has(node)) visit(node);
  return found;
}

describe('layers', () => {
  it('the parser sees every kind of import', () => {
    expect(
      specifiers(
        `import a from './a';\nimport type { B } from "../b";\nexport { c } from './c';\nimport './d.css';\nconst e = await import('./e');\n// import './comment'`,
      ),
    ).toEqual(['./a', '../b', './c', './d.css', './e']);
    expect(files.length).toBeGreaterThan(100);
    expect([...edges.values()].flat().length).toBeGreaterThan(200);
  });

  it('every folder of src/ has its place in the order', () => {
    expect(Object.keys(MAY_IMPORT)).toEqual(
      expect.arrayContaining(['model', 'knowledge', 'storage', 'platform', 'checks', 'background', 'ui', 'popup']),
    );
    expect(files.map(layerOf).filter((layer) => !(layer in MAY_IMPORT))).toEqual([]);
  });

  it('no import points against the order', () => {
    const wrong = [...edges].flatMap(([file, targets]) =>
      targets
        .filter(
          (target) => layerOf(target) !== layerOf(file) && !(MAY_IMPORT[layerOf(file)] ?? []).includes(layerOf(target)),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('every import names a file that exists', () => {
    expect(
      [...edges].flatMap(([file, targets]) =>
        targets.filter((t) => t.endsWith('(missing)')).map((t) => `${file} → ${t}`),
      ),
    ).toEqual([]);
  });

  it('no file is part of an import cycle (type imports included)', () => {
    expect(cycles(edges)).toEqual([]);
  });

  it('no module re-exports another’s names: an importer names the module that defines what it uses', () => {
    const reExports = files.filter((file) =>
      /^export\s+(type\s+)?(\{[^}]*\}|\*)\s*from\b/m.test(readFileSync(file, 'utf8')),
    );
    expect(reExports).toEqual([]);
  });

  it('the cycle finder finds cycles', () => {
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });
});
