// A/B of the background cold start (row 7) while working on it: this tree's dist/chrome against another
// build (BENCH_AB_BASE: a dist/chrome directory, e.g. main's) and the do-nothing worker, in the same rounds,
// taking turns. Run: BENCH_AB_BASE=<dir> node bench/ab-cold-start.mjs [rounds]. Prints medians and the steps;
// BENCH_TRACE_DUMP=<file> also writes the raw trace of one more cold start of this tree. BENCH_AB_WAKE=response: the
// failing response itself wakes the stopped worker (measure-cold-start.ts, ColdWake), not a new tab's about:blank.
import { cpus, loadavg } from 'node:os';
import { CHROME_DIST } from '../test/harness/dist';
import { startBenchSite } from '../test/harness/measure/servers';
import { emptyWorkerExtension } from './empty-worker';
import { instrumentedCopy } from './extension-copy';
import { measureColdStartSides, type ColdWake } from './measure-cold-start';
import { round } from './stats';

const base = process.env.BENCH_AB_BASE;
if (!base) throw new Error('BENCH_AB_BASE: the other build’s dist/chrome directory');
const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 15);
const wake: ColdWake = process.env.BENCH_AB_WAKE === 'response' ? 'response' : 'new-tab';
const copies = await Promise.all([
  instrumentedCopy(CHROME_DIST),
  instrumentedCopy(base),
  emptyWorkerExtension(CHROME_DIST),
]);
const site = await startBenchSite();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
try {
  console.log(`load at start ${load()} (${cpus().length} cores), ${rounds} rounds, woken by: ${wake}`);
  const byWake = await measureColdStartSides(
    { tree: copies[0].dir, base: copies[1].dir, empty: copies[2].dir },
    (side, r) => `${site.origin}/fail?ab=${wake}-${side}-${r}`,
    rounds,
    [],
    // One traced cold start of this tree after the rounds when its raw trace is asked for (cold-start-trace.ts).
    process.env.BENCH_TRACE_DUMP ? 'tree' : undefined,
    [wake],
  );
  const sides = byWake[wake]!;
  const empty = sides.empty!.startToHandled.median;
  for (const [name, side] of Object.entries(sides)) {
    const s = side.startToHandled;
    console.log(
      `${name}: start → recorded ${round(s.median, 1)} ms (min ${round(s.min, 1)}, max ${round(s.max, 1)}, n=${s.n}) = ${round(s.median / empty, 2)}× empty; start → first statement ${round(side.startToScript.median, 1)} ms`,
    );
    console.log(
      `  parts: ${Object.entries(side.parts)
        .map(([k, v]) => `${k} ${round(v.median, 1)}`)
        .join(' · ')}`,
    );
    console.log(
      `  ${Object.entries(side.steps)
        .map(([k, v]) => `${k} ${round(v.median, 0)}`)
        .join(' · ')}`,
    );
  }
  console.log(`load at end ${load()}`);
} finally {
  await site.close();
  await Promise.all(copies.map((c) => c.remove()));
}
