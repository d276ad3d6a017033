// Build step: the `sources` of each infrastructure entry (the public addresses its knowledge was taken from)
// stay beside the entry in the source and in the tests, but ship as `sources: []`: no code reads them at run
// time, and they were 3 KB of the service worker's gzip JS, which a Chrome service worker must load eagerly.
import type { Plugin } from 'vite';

const ENTRY_FILE = /[\\/]src[\\/]knowledge[\\/]infrastructure[\\/][^\\/]+\.ts$/;
const SOURCES = /\bsources\s*:\s*\[/g;

/** Index just past the `]` that closes the array opened at `open`, skipping string literals; -1 if none. */
function closingBracket(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `sources: [ … ]` → `sources: []`, every occurrence; anything it cannot match is left as it is. */
export function stripSources(code: string): string {
  let out = '';
  let at = 0;
  for (const match of code.matchAll(SOURCES)) {
    if (match.index < at) continue;
    const open = match.index + match[0].length - 1;
    const end = closingBracket(code, open);
    if (end === -1) break;
    out += `${code.slice(at, match.index)}sources: []`;
    at = end;
  }
  return out + code.slice(at);
}

export function stripSourcesPlugin(): Plugin {
  return {
    name: 'strip-infrastructure-sources',
    enforce: 'pre',
    transform: (code, id) => (ENTRY_FILE.test(id) ? { code: stripSources(code), map: null } : null),
  };
}
