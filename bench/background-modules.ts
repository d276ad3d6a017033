// Where the background's bytes go (issue 15): the background built in memory exactly as
// scripts/background-build.ts builds it — background.js, which the worker evaluates before its first event,
// and background-steps.js, which it loads the first time a step is asked for — then each module's code in each
// file minified and gzipped on its own. Gzip of a part alone is more than its share of the whole (the whole
// shares one dictionary), so each part's share is its alone-size scaled to the real file's gzip size. Grouped
// by what the code is for. A module both files hold (pure code the steps carry a copy of) counts in each.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { minifySync } from 'rolldown/utils';
import { build, type Rollup } from 'vite';
import { CHROME_MIN_VERSION } from '../scripts/manifest-for';
import { backgroundBuildConfig, type BackgroundPart as BuiltPart } from '../scripts/background-build';

export interface BackgroundPart {
  area: string;
  /** Estimated gzip bytes of this area in the real file. */
  share: number;
  modules: { id: string; share: number }[];
}

export interface BackgroundFileModules {
  file: string;
  /** Evaluated before the worker's first event (background.js); else loaded on demand (the steps). */
  eager: boolean;
  /** gzip bytes of the whole file as built here (the bundle figure weighs dist/chrome's). */
  total: number;
  parts: BackgroundPart[];
}

export interface BackgroundModules {
  files: BackgroundFileModules[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** First match wins. */
const AREAS: [string, RegExp][] = [
  ["webextension-polyfill (+ the bundler's CommonJS wrapper)", /webextension-polyfill|rolldown\/runtime/],
  [
    'in-page notice (handed to scripting.executeScript) and its "open the steps"',
    /background\/(error-notice|open-steps)/,
  ],
  [
    'guided steps: runner, the nine steps, their platform code and look-ups',
    /src\/checks\/|check-runner|lasting-work|auto-run|on-demand-steps|src\/platform\/(cookies|site-data|dns|private-window)|knowledge\/(globalping|statuspage|dns|internal-host|outgoing-requests|registrable-domain|host-kind|endpoint)/,
  ],
  ['watch ("tell me when it\'s back")', /watch/],
  [
    'failure engine: detect, classify, record, badge, read the page',
    /background\/(detector|record-transitions|read-failing-page|incident-store|badge|tab-lifecycle|live-status)|src\/knowledge\/|model\/(failure|fingerprint|incident|http-status|infrastructure|body-reason)|platform\/infrastructure-data/,
  ],
  ['messages, settings, history, storage, start-up', /./],
];

async function measureFile(part: BuiltPart): Promise<BackgroundFileModules> {
  const config = backgroundBuildConfig(part, {
    srcDir: `${ROOT}src`,
    target: `chrome${CHROME_MIN_VERSION}`,
    write: false,
  });
  const output = (await build({ ...config, logLevel: 'silent', root: ROOT })) as
    Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  const total = gzipSync(chunk.code).length;
  const alone = Object.entries(chunk.modules)
    .filter(([, m]) => m.code)
    .map(([id, m]) => ({
      id: id.replace(ROOT, '').replace(/^\0/, ''),
      gzip: gzipSync(minifySync('m.js', m.code!, { compress: true, mangle: { toplevel: true } }).code).length,
    }));
  const scale = total / alone.reduce((sum, m) => sum + m.gzip, 0);
  const parts = new Map<string, BackgroundPart>();
  for (const m of alone) {
    const area = AREAS.find(([, pattern]) => pattern.test(m.id))![0];
    const entry = parts.get(area) ?? { area, share: 0, modules: [] };
    entry.share += m.gzip * scale;
    entry.modules.push({ id: m.id, share: m.gzip * scale });
    parts.set(area, entry);
  }
  const sorted = [...parts.values()].sort((a, b) => b.share - a.share);
  for (const entry of sorted) entry.modules.sort((a, b) => b.share - a.share);
  return { file: chunk.fileName, eager: part === 'core', total, parts: sorted };
}

export async function measureBackgroundModules(): Promise<BackgroundModules> {
  return { files: [await measureFile('core'), await measureFile('steps')] };
}
