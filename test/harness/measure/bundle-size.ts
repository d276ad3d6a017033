// Bundle weight per entry of the built Chrome extension: follows each entry's HTML (or the manifest's
// service worker, one file: scripts/background-build.ts) through every chunk it imports and sums the gzip size of each file as it is loaded.
// Shared by `npm run bench` and test/e2e/budgets.e2e.ts.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { CHROME_DIST } from '../dist';

/** KB = 1024 bytes, gzip at zlib's default level (what `gzip` does by default). */
// Background: issue 15 asks for ≤ 20 KB (issue #5 asked for 15 before the nine guided steps, the watch and the
// history moved into the worker: DESIGN, steps run in the background so a closing popup never loses a result;
// an earlier bench had raised it to 26, put back to the figure). Missed, with its measured split
// (bench/background-modules.ts) in bench/results.md; what a navigation costs is budgeted separately.
export const BUNDLE_BUDGETS_KB = { popupJs: 25, backgroundJs: 20 } as const;

/**
 * Budgets missed today, each with the reason: the bench shows the row red with it, and CI expects the miss
 * (`it.fails`) so the mark must come off as soon as the budget is met again. Never raise a budget instead.
 */
export const BUNDLE_BUDGET_MISSES: Partial<Record<keyof typeof BUNDLE_BUDGETS_KB, string>> = {
  backgroundJs:
    'one file (~31 KB) that an MV3 service worker must load and evaluate before its first event: it cannot import() ' +
    '(the built worker is a module, where importScripts is refused; in a classic worker importScripts of a new URL is ' +
    'refused once installed), so code needed only later cannot be loaded later, and data already is (the infrastructure ' +
    'registry, fetched on the first failure). What the first event needs — failure engine ≈ 8.5, messages / settings / ' +
    'storage ≈ 4.3, webextension-polyfill ≈ 2 — is ≈ 15 KB; the guided steps ≈ 12.5 (DESIGN: they run in the worker), ' +
    'the watch ≈ 1.9 and the in-page notice ≈ 1.5 are the rest (measured shares in bench/results.md)',
};

export interface FileWeight {
  file: string;
  bytes: number;
  gzip: number;
  /** Reached only through a dynamic import() (loaded on demand, still counted in the totals). */
  lazy: boolean;
}

export interface EntryWeight {
  entry: 'popup' | 'options' | 'background';
  js: FileWeight[];
  css: FileWeight[];
  jsGzip: number;
  /** What the entry loads before it can show anything (the budgeted figure); lazy chunks come on demand. */
  eagerJsGzip: number;
  cssGzip: number;
  jsBytes: number;
}

// The minifier writes specifiers with quotes or backticks.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]((?:\.{1,2})?\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.{1,2})?\/[^"'`]+)["'`]\s*\)/g;

function weigh(dist: string, path: string, lazy: boolean): FileWeight {
  const content = readFileSync(path);
  return { file: relative(dist, path), bytes: content.length, gzip: gzipSync(content).length, lazy };
}

/** A URL in the extension: `/assets/x.js` is from the root, `./x.js` from the importing file. */
function resolveIn(dist: string, fromFile: string, specifier: string): string {
  return specifier.startsWith('/') ? join(dist, specifier) : resolve(dirname(fromFile), specifier);
}

function followJs(dist: string, roots: string[]): FileWeight[] {
  const seen = new Map<string, FileWeight>();
  const queue = roots.map((path) => ({ path, lazy: false }));
  while (queue.length) {
    const { path, lazy } = queue.shift()!;
    const known = seen.get(path);
    if (known && (known.lazy === false || lazy)) continue;
    seen.set(path, weigh(dist, path, lazy));
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push({ path: resolveIn(dist, path, m[1]!), lazy });
    for (const m of code.matchAll(DYNAMIC_IMPORT)) queue.push({ path: resolveIn(dist, path, m[1]!), lazy: true });
  }
  return [...seen.values()];
}

function fromHtml(dist: string, htmlFile: string): { scripts: string[]; styles: string[] } {
  const html = readFileSync(join(dist, htmlFile), 'utf8');
  const htmlPath = join(dist, htmlFile);
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => resolveIn(dist, htmlPath, m[1]!));
  const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) =>
    resolveIn(dist, htmlPath, m[1]!),
  );
  return { scripts, styles };
}

function entryWeight(entry: EntryWeight['entry'], dist: string, scripts: string[], styles: string[]): EntryWeight {
  const js = followJs(dist, scripts);
  const css = styles.map((path) => weigh(dist, path, false));
  const sum = (files: FileWeight[], key: 'gzip' | 'bytes') => files.reduce((total, f) => total + f[key], 0);
  const eager = js.filter((f) => !f.lazy);
  return {
    entry,
    js,
    css,
    jsGzip: sum(js, 'gzip'),
    eagerJsGzip: sum(eager, 'gzip'),
    cssGzip: sum(css, 'gzip'),
    jsBytes: sum(js, 'bytes'),
  };
}

export function measureBundles(dist = CHROME_DIST): EntryWeight[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    action?: { default_popup?: string };
    options_ui?: { page?: string };
    background?: { service_worker?: string };
  };
  const popup = fromHtml(dist, manifest.action?.default_popup ?? 'popup.html');
  const options = fromHtml(dist, manifest.options_ui?.page ?? 'options.html');
  const worker = join(dist, manifest.background?.service_worker ?? 'background.js');
  return [
    entryWeight('popup', dist, popup.scripts, popup.styles),
    entryWeight('options', dist, options.scripts, options.styles),
    entryWeight('background', dist, [worker], []),
  ];
}
