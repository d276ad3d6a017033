// `npm run bench` (entry: bench/run.mjs): measures every budgeted figure in real Chromium and Node,
// prints the table, writes bench/results.md and bench/results.json, and fails if a budget does.
import { cpus, loadavg } from 'node:os';
import { tabIdOf, launchBench, BENCH_DOMAIN, openFailingTab, type ExtensionBrowser } from './bench-browser';
import { measureBundles } from './bundle-size';
import { loadCheckCaps } from './check-caps';
import { measureHandler } from './node-handler';
import { measurePopup } from './measure-popup';
import { measureNavigation } from './measure-navigation';
import { measureHealthyWrites } from './healthy-writes';
import { measureVerdict } from './measure-verdict';
import { measureMemory } from './measure-memory';
import { measureScale } from './measure-scale';
import { attachToServiceWorker } from './worker-cdp';
import { startBenchSite, startBlackHole, startProbeEndpoints } from './servers';
import { storageBytes } from './tabs-with-incidents';
import { waitFor } from '../test/e2e/support/wait-for';
import { buildLines, explainSections } from './results-lines';
import { resultTable, writeResults } from './report';

const started = performance.now();
const log = (message: string) => console.log(`[bench ${Math.round((performance.now() - started) / 1000)} s] ${message}`);
const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' ');

log('bundle sizes (dist/chrome)');
const bundles = measureBundles();
log('background handler in Node (7 rounds of 1,000,000 events)');
const handler = await measureHandler(1_000_000, 7);
const caps = await loadCheckCaps();

const site = await startBenchSite();
const answering = await startProbeEndpoints();
const blackHoles = await Promise.all(Array.from({ length: 5 }, () => startBlackHole()));
const browsers: { close(): Promise<void> }[] = [];
try {
  const a = await launchBench({ extension: true });
  browsers.push(a);
  const chromiumVersion = a.context.browser()?.version() ?? '';
  const plain = await launchBench({ extension: false });
  browsers.push(plain);

  log('popup time to explanation (25 rounds: popup, script-less shell, web page)');
  const popupTab = await openFailingTab(a, `${site.origin}/fail?popup`);
  const popup = await measurePopup(a.context, `chrome-extension://${a.extensionId}/popup.html?tab=${popupTab.tabId}`, `${site.origin}/baseline`, 25);
  await popupTab.page.close();

  log('healthy navigations, with vs without the extension (9 rounds of 40 pages)');
  const navigation = await measureNavigation(a.context, plain.context, (r, i) => `${site.origin}/ok?round=${r}&page=${i}`, 40, 9);
  await plain.close();

  log('storage writes for healthy navigations');
  const writes = await measureHealthyWrites({
    context: a.context,
    worker: a.worker,
    healthyUrl: (tab, nav) => `${site.origin}/ok?writes=${tab}-${nav}`,
    failingUrl: `${site.origin}/fail?control`,
    tabIdOf: (url) => tabIdOf(a.worker, url),
  });

  log('time to verdict: 5 runs answering, 2 runs black-holed');
  const verdict = await measureVerdict(
    { browser: a, caps, site, siteUrl: (run) => `http://${run}.${BENCH_DOMAIN}:${site.port}/fail`, answering, blackHoles },
    5,
    2,
  );
  await a.close();

  // A fresh browser for the many-tab figures; tabs of one site share a few renderers (2 cores).
  const b: ExtensionBrowser = await launchBench({ extension: true, args: ['--renderer-process-limit=8'] });
  browsers.push(b);
  const cdp = await attachToServiceWorker(b.context, b.extensionId);
  log('service worker memory: 1,000 failing navigations across 50 tabs');
  const memory = await measureMemory(b, cdp, (t, r, status) => `${site.origin}/status/${status}?tab=${t}&round=${r}`, 50, 20);
  await waitFor('closed tabs to drop their records', async () => (await storageBytes(b.worker)).records === 0, { timeoutMs: 10_000 });

  log('scale: 1, 10, 100 tabs with incidents');
  const scale = await measureScale(b, (t) => `${site.origin}/status/502?scale=${t}`, [1, 10, 100], 10);
  await Promise.all(scale.tabs.map((t) => t.page.close()));
  await cdp.detach();
  await b.close();

  const raw = { bundles, handler, caps, popup, navigation, writes, verdict, memory, scale: scale.levels };
  const lines = buildLines(raw);
  const environment = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    node: process.version,
    cpus: `${cpus().length}`,
    'load average (1, 5, 15 min) at start / end': `${loadAtStart} / ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    duration: `${Math.round((performance.now() - started) / 1000)} s`,
  };
  console.log(`\n${resultTable(lines)}\n`);
  writeResults(lines, explainSections(raw), raw, environment);
  const failed = lines.filter((l) => l.pass === false);
  console.log(failed.length ? `${failed.length} budget(s) FAILED — see bench/results.md` : 'All budgets hold.');
  if (failed.length) process.exitCode = 1;
} finally {
  for (const browser of browsers) await browser.close().catch(() => undefined);
  await Promise.all([site, answering, ...blackHoles].map((s) => s.close()));
}
