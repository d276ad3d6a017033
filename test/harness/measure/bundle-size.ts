// Bundle weight per entry of the built Chrome extension: follows each entry's HTML (or the manifest's
// service worker: its eager file, and the steps file it loads on demand, scripts/background-build.ts) through
// every chunk it imports and sums the gzip size of each file as it is loaded.
// Shared by `npm run bench` and test/e2e/budgets.e2e.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import { CHROME_DIST } from '../dist';
import { STEPS_FILE } from '../../../src/background/steps-contract';

/** KB = 1024 bytes, gzip at zlib's default level (what `gzip` does by default). */
// Background: issue 15 asks for ≤ 20 KB of what the worker evaluates before its first event (issue #5 asked for
// 15 before the nine guided steps, the watch and the history moved into the worker). Met by loading the guided
// steps on demand (src/background/steps-loader.ts): the eager file is budgeted, the steps file is listed, lazy.
export const BUNDLE_BUDGETS_KB = { popupJs: 25, backgroundJs: 20 } as const;

/**
 * Budgets missed today, each with the reason: the bench shows the row red with it, and CI expects the miss
 * (`it.fails`) so the mark must come off as soon as the budget is met again. Never raise a budget instead.
 */
export const BUNDLE_BUDGET_MISSES: Partial<Record<keyof typeof BUNDLE_BUDGETS_KB, string>> = {};

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
  const background = entryWeight('background', dist, [worker], []);
  // The guided steps: loaded by the worker the first time a step is asked for, never before its first event.
  const steps = join(dist, STEPS_FILE);
  if (existsSync(steps)) {
    const lazy = weigh(dist, steps, true);
    background.js.push(lazy);
    background.jsGzip += lazy.gzip;
    background.jsBytes += lazy.bytes;
  }
  return [
    entryWeight('popup', dist, popup.scripts, popup.styles),
    entryWeight('options', dist, options.scripts, options.styles),
    background,
  ];
}

/**
 * The JS files under assets/ that no page of the package (every HTML file at its root) and not the background
 * loads, statically or through import(): dead weight in the package a store reviews.
 */
export function assetsNothingLoads(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string; scripts?: string[] };
  };
  const pages = readdirSync(dist).filter((name) => name.endsWith('.html'));
  const workers = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])].filter(
    (file): file is string => typeof file === 'string',
  );
  const roots = [...pages.flatMap((page) => fromHtml(dist, page).scripts), ...workers.map((file) => join(dist, file))];
  const loaded = new Set(followJs(dist, roots).map((f) => f.file));
  return readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => join('assets', name))
    .filter((file) => !loaded.has(file));
}
