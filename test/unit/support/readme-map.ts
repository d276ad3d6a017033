// The README's map of the repository ("How it is built"), parsed. It is the one written source of the layer
// order: test/unit/structure/layers.test.ts enforces what this reads, and readme-map.test.ts checks the map
// names every folder of the tree.
import { readFileSync } from 'node:fs';

export interface MapEntry {
  /** The paths a map line starts with, e.g. ['src/popup/', 'src/options/']. */
  paths: string[];
  /** What the entry says after its paths, continuation lines joined, white space folded to one space. */
  text: string;
  /** The folders it may import besides itself: `← a, b` at its end; `imports nothing` is []; null when it says neither. */
  mayImport: string[] | null;
}

/** The entries of the first code block under `## How it is built`, in their order. */
export function parseMap(readme: string): MapEntry[] {
  const section = readme.split(/^## How it is built[ \t]*$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /^```[^\n]*\n([\s\S]*?)^```/m.exec(section)?.[1] ?? '';
  const entries: { paths: string[]; text: string }[] = [];
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    const last = entries.at(-1);
    if (/^\s/.test(line) && last) {
      last.text = `${last.text} ${line.trim()}`.trim();
      continue;
    }
    // Paths are separated by one space; two or more end them.
    const [head = '', ...rest] = line.trim().split(/\s{2,}/);
    entries.push({ paths: head.split(' '), text: rest.join(' ') });
  }
  return entries.map(({ paths, text }) => {
    const words = text.replace(/\s+/g, ' ').trim();
    return { paths, text: words, mayImport: mayImportOf(words) };
  });
}

function mayImportOf(text: string): string[] | null {
  if (/\bimports nothing$/.test(text)) return [];
  const arrow = /←\s*([\w-]+(?:\s*,\s*[\w-]+)*)$/.exec(text);
  return arrow ? (arrow[1] as string).split(',').map((name) => name.trim()) : null;
}

/** src/ folders in the map's order, each with what it may import besides itself. */
export function layerOrder(entries: MapEntry[]): [folder: string, mayImport: string[]][] {
  return entries.flatMap((entry) =>
    entry.paths
      .filter((path) => /^src\/[\w-]+\/$/.test(path))
      .map((path): [string, string[]] => [path.slice('src/'.length, -1), entry.mayImport ?? []]),
  );
}

export const readmeMap = (): MapEntry[] => parseMap(readFileSync('README.md', 'utf8'));
