// Figure 4: time to verdict for "check everything" on loopback, with every probe endpoint answering,
// then with every endpoint and the failing site black-holed (each step must end at its own limit).
import type { Page } from 'playwright-core';
import { openFailingTab, type ExtensionBrowser } from './bench-browser';
import type { CheckCaps } from '../test/harness/measure/check-caps';
import type { BenchSite, LocalServer } from '../test/harness/measure/servers';
import { spread, type Spread } from './stats';
import type { ChromeApi } from '../test/harness/chrome-api';
import {
  applySettings,
  settingsFor,
  timeRunAll,
  type ProbeTargets,
  type VerdictRun,
} from '../test/harness/measure/verdict';

declare const chrome: ChromeApi;

export interface VerdictFigures {
  runs: VerdictRun[];
  total: Spread;
  /** Per step: its own durationMs over the runs. */
  perStep: Record<string, Spread>;
}

function summarize(runs: VerdictRun[]): VerdictFigures {
  const ids = runs[0]?.steps.map((s) => s.id) ?? [];
  const perStep = Object.fromEntries(
    ids.map((id) => [id, spread(runs.map((r) => r.steps.find((s) => s.id === id)?.durationMs ?? Number.NaN))]),
  );
  return { runs, total: spread(runs.map((r) => r.totalMs)), perStep };
}

export interface VerdictSetup {
  browser: ExtensionBrowser;
  caps: CheckCaps;
  site: BenchSite;
  /** `http://<name>.bench.example:<port>/fail?…`: a public-looking name, so the DNS step really asks. */
  siteUrl: (run: string) => string;
  answering: LocalServer;
  blackHoles: LocalServer[];
}

async function oneRun(setup: VerdictSetup, name: string, silenceSite: boolean): Promise<VerdictRun> {
  const { browser, caps, site } = setup;
  site.setMode('normal');
  let page: Page | undefined;
  try {
    const failing = await openFailingTab(browser, setup.siteUrl(name));
    page = failing.page;
    if (silenceSite) site.setMode('silent');
    const maxCap = Math.max(...caps.automatic.map((c) => c.capMs));
    return await timeRunAll(
      browser.context,
      browser.extensionId,
      failing.tabId,
      caps.automatic.map((c) => c.id),
      maxCap + caps.graceMs + 5000,
    );
  } finally {
    site.setMode('normal');
    await page?.close().catch(() => undefined);
  }
}

export async function measureVerdict(
  setup: VerdictSetup,
  answeringRuns: number,
  silentRuns: number,
): Promise<{ answering: VerdictFigures; blackHoled: VerdictFigures }> {
  const answeringTargets: ProbeTargets = {
    connectivity: [setup.answering.origin, setup.answering.origin, setup.answering.origin],
    captivePortal: setup.answering.origin,
    dohResolver: setup.answering.origin,
    other: setup.answering.origin,
  };
  // One black hole per endpoint: separate hosts in real life, separate connection pools here.
  const [a, b, c, captive, doh] = setup.blackHoles.map((h) => h.origin);
  const silentTargets: ProbeTargets = {
    connectivity: [a!, b!, c!],
    captivePortal: captive!,
    dohResolver: doh!,
    other: doh!,
  };

  await applySettings(setup.browser.worker, settingsFor(answeringTargets));
  const answering: VerdictRun[] = [];
  for (let run = 0; run < answeringRuns + 1; run += 1) {
    const result = await oneRun(setup, `answer${run}`, false);
    if (run > 0) answering.push(result); // the first run warms up
  }
  await applySettings(setup.browser.worker, settingsFor(silentTargets));
  const silent: VerdictRun[] = [];
  for (let run = 0; run < silentRuns; run += 1) silent.push(await oneRun(setup, `silent${run}`, true));
  await setup.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
  return { answering: summarize(answering), blackHoled: summarize(silent) };
}
