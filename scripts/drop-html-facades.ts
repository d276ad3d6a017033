// Build step: an HTML page's entry chunk that only imports other chunks is left in the package after Vite has
// written the page's <script> tags straight to those chunks. It happens here because every module of the popup goes
// into one named chunk (scripts/popup-chunk.ts), which leaves the page's own entry chunk empty but for an import.
// Nothing loads that file, and in Chrome's build it imported a name from before the final hashes: a dead file with a
// broken import in the package a store reviews. This drops it, only when no emitted page names it.
import type { Plugin } from 'vite';

/** The parts of an output file this step reads (a Rollup / Rolldown output chunk or asset). */
export type OutputFile =
  | { type: 'chunk'; fileName: string; isEntry: boolean; facadeModuleId: string | null; code: string }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

// The minifier's output for a module made only of imports: `import"./a.js";import"./b.js";` (bare or `from`).
const IMPORT_STATEMENT = /^\s*import\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'][^"']+["']\s*;?/;

/** Whether a chunk's code is nothing but import statements (what Vite inlines into the page's tags). */
export function isOnlyImports(code: string): boolean {
  let rest = code.trim();
  if (!rest) return false;
  while (rest) {
    const m = IMPORT_STATEMENT.exec(rest);
    if (!m) return false;
    rest = rest.slice(m[0].length).trim();
  }
  return true;
}

/** Pure: the file names of HTML pages' entry chunks that hold only imports and that no emitted page refers to. */
export function strayHtmlFacades(bundle: Record<string, OutputFile>): string[] {
  const pages = Object.values(bundle)
    .filter((f): f is Extract<OutputFile, { type: 'asset' }> => f.type === 'asset' && f.fileName.endsWith('.html'))
    .map((f) => (typeof f.source === 'string' ? f.source : new TextDecoder().decode(f.source)));
  return Object.values(bundle)
    .filter(
      (f): f is Extract<OutputFile, { type: 'chunk' }> =>
        f.type === 'chunk' && f.isEntry && /\.html$/.test(f.facadeModuleId ?? '') && isOnlyImports(f.code),
    )
    .filter((chunk) => !pages.some((html) => html.includes(chunk.fileName)))
    .map((chunk) => chunk.fileName);
}

export function dropHtmlFacadesPlugin(): Plugin {
  return {
    name: 'drop-html-facades',
    // After Vite's own HTML step has emitted the pages with their final <script> tags.
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const fileName of strayHtmlFacades(bundle as unknown as Record<string, OutputFile>)) delete bundle[fileName];
    },
  };
}
