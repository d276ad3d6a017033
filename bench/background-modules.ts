// Where the background's bytes go (issue 15): the background built in memory exactly as
// scripts/background-build.ts builds it (one file), then each module's code in it minified and gzipped on
// its own. Gzip of a part alone is more than its share of the whole (the whole shares one dictionary), so
// each part's share is its alone-size scaled to the real file's gzip size. Grouped by what the code is for.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { minifySync } from 'rolldown/utils';
import { build, type Rollup } from 'vite';
import { CHROME_MIN_VERSION } from '../scripts/manifest-for';

export interface BackgroundPart {
  area: string;
  /** Estimated gzip bytes of this area in the real file. */
  share: number;
  modules: { id: string; share: number }[];
}

export interface BackgroundModules {
  /** gzip bytes of the whole file as built here (the bundle figure weighs dist/chrome's). */
  total: number;
  parts: BackgroundPart[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** First match wins. */
const AREAS: [string, RegExp][] = [
  ["webextension-polyfill (+ the bundler's CommonJS wrapper)", /webextension-polyfill|rolldown\/runtime/],
  ['in-page notice (handed to scripting.executeScript)', /background\/error-notice/],
  [
    'guided steps: runner, the nine steps, their platform code and look-ups',
    /src\/checks\/|check-runner|lasting-work|auto-run|open-steps|src\/platform\/(cookies|site-data|dns|private-window)|knowledge\/(globalping|statuspage|dns|internal-host|outgoing-requests|registrable-domain|host-kind|endpoint)|model\/endpoint-policy/,
  ],
  ['watch ("tell me when it\'s back")', /watch/],
  [
    'failure engine: detect, classify, record, badge, read the page',
    /background\/(detector|record-transitions|read-failing-page|incident-store|badge|tab-lifecycle|live-status)|src\/knowledge\/|model\/(failure|fingerprint|incident|http-status|infrastructure|body-reason)|platform\/infrastructure-data/,
  ],
  ['messages, settings, history, storage, start-up', /./],
];

export async function measureBackgroundModules(): Promise<BackgroundModules> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    root: ROOT,
    build: {
      write: false,
      target: `chrome${CHROME_MIN_VERSION}`,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: `${ROOT}src/background/index.ts`,
        output: { entryFileNames: 'background.js', codeSplitting: false },
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
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
    const part = parts.get(area) ?? { area, share: 0, modules: [] };
    part.share += m.gzip * scale;
    part.modules.push({ id: m.id, share: m.gzip * scale });
    parts.set(area, part);
  }
  const sorted = [...parts.values()].sort((a, b) => b.share - a.share);
  for (const part of sorted) part.modules.sort((a, b) => b.share - a.share);
  return { total, parts: sorted };
}
