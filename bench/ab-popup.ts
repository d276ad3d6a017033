// A/B of two builds of the popup in one browser, rounds interleaved (issue 15's ideas are measured this way):
// build B's popup is copied into build A's extension under `b/` (its chunks import each other by relative
// paths, so they load from there), so both popups read the same incident from the same storage, in the same
// browser, and load bursts on a shared machine hit both. Each round opens A, B and the script-less shell in an
// order that alternates; the figures are medians to the same `explanation-rendered` mark as `npm run bench`.
//
//   AB_A=<dist folder> AB_B=<dist folder> [AB_ROUNDS=20] [AB_BROWSERS=chromium,firefox] node bench/ab-popup.mjs
//
// A dist folder holds chrome/ and firefox/ as `npm run build` makes them (copy one aside before rebuilding).
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startBenchSite } from '../test/harness/measure/servers';
import { extensionPageUrl } from '../test/harness/chromium';
import { EXTENSION_ORIGIN, launchFirefox, navigateExtensionPage } from '../test/harness/firefox';
import { waitFor } from '../test/harness/wait-for';
import { POPUP_MARKS } from '../src/popup/timing-marks';
import { launchBench, openFailingTab } from './bench-browser';
import { instrumentedCopy, POPUP_VARIANTS, SHELL_PAGE, type ExtensionCopy } from './extension-copy';
import { markSeen } from './mark-seen';
import { openPopupTimed, staticPageLoad, type PopupTiming } from './measure-popup';
import { formatSpread, round, spread } from './stats';

const B_PAGE = 'popup-b.html';

/** A's extension (as built, with the bench's pages) with B's popup added as `popup-b.html`. */
async function withBuildB(distA: string, distB: string): Promise<ExtensionCopy> {
  const copy = await instrumentedCopy(distA, { probe: false });
  await cp(join(distB, 'assets'), join(copy.dir, 'b/assets'), { recursive: true });
  const html = await readFile(join(distB, 'popup.html'), 'utf8');
  await writeFile(join(copy.dir, B_PAGE), html.replaceAll('/assets/', '/b/assets/'));
  for (const file of await readdir(join(copy.dir, 'b/assets'))) {
    if (!file.endsWith('.css')) continue;
    const path = join(copy.dir, 'b/assets', file);
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('/assets/', '/b/assets/'));
  }
  return copy;
}

type Row = Record<'a' | 'b' | 'shell' | 'trivial', number> & {
  aParts: Partial<PopupTiming>;
  bParts: Partial<PopupTiming>;
};

function report(browser: string, rows: Row[]): void {
  const of = (f: (r: Row) => number) => spread(rows.map(f));
  const shell = of((r) => r.shell).median;
  console.log(
    `\n${browser}: ${rows.length} rounds, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [name, f] of [
    ['A', (r: Row) => r.a],
    ['B', (r: Row) => r.b],
    ['shell', (r: Row) => r.shell],
    ['trivial module', (r: Row) => r.trivial],
  ] as const) {
    const s = of(f);
    console.log(`  ${name}: ${formatSpread(s, 'ms', 0)}  (÷ shell ${round(s.median / shell, 2)}×)`);
  }
  for (const side of ['aParts', 'bParts'] as const) {
    const m = (k: keyof PopupTiming) => round(of((r) => r[side][k] ?? NaN).median, 1);
    console.log(
      `  ${side === 'aParts' ? 'A' : 'B'} parts: entry ${m('scriptStart')}, reads ${m('readStart')} → ${m('readEnd')}, mark ${m('toExplanation')}`,
    );
  }
  console.log(
    `  B ÷ A per round: ${formatSpread(
      of((r) => r.b / r.a),
      '×',
      3,
    )}`,
  );
}

async function chromium(distA: string, distB: string, rounds: number, origin: string): Promise<void> {
  const copy = await withBuildB(join(distA, 'chrome'), join(distB, 'chrome'));
  const browser = await launchBench({ extension: true, dist: copy.dir });
  try {
    const tab = await openFailingTab(browser, `${origin}/fail?ab`);
    const url = (page: string) => extensionPageUrl(browser.extensionId, `${page}?tab=${tab.tabId}`);
    const rows: Row[] = [];
    for (let r = -3; r < rounds; r += 1) {
      const row = { aParts: {}, bParts: {} } as Row;
      const order = ['a', 'b', 'shell', 'trivial'] as const;
      for (const what of r % 2 ? [...order].reverse() : order) {
        if (what === 'shell') row.shell = await staticPageLoad(browser.context, url('popup.html'), true);
        else if (what === 'trivial')
          row.trivial = (await openPopupTimed(browser.context, url(POPUP_VARIANTS.trivialModule))).toExplanation;
        else {
          const t = await openPopupTimed(browser.context, url(what === 'a' ? 'popup.html' : B_PAGE));
          row[what] = t.toExplanation;
          row[what === 'a' ? 'aParts' : 'bParts'] = t;
        }
      }
      if (r >= 0) rows.push(row);
    }
    report('Chromium', rows);
  } finally {
    await browser.close();
    await copy.remove();
  }
}

async function firefox(distA: string, distB: string, rounds: number, origin: string): Promise<void> {
  const copy = await withBuildB(join(distA, 'firefox'), join(distB, 'firefox'));
  const ff = await launchFirefox({
    dist: copy.dir,
    prefs: { 'privacy.reduceTimerPrecision': false, 'privacy.reduceTimerPrecision.unconditional': false },
  });
  try {
    const { tabId } = await ff.openTab(`${origin}/fail?ab-ff`);
    await waitFor('the tab recorded', async () => ((await ff.record(tabId))?.incident ? true : undefined));
    const page: Page = ff.popupPage;
    await page.bringToFront();
    const timed = async (file: string): Promise<Partial<PopupTiming>> => {
      await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${file}?tab=${tabId}`);
      await page.evaluate(markSeen, POPUP_MARKS.explanation);
      return page.evaluate((marks) => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          toExplanation: at(marks.explanation),
          scriptStart: at(marks.scriptStart),
          readStart: at(marks.readStart),
          readEnd: at(marks.readEnd),
        };
      }, POPUP_MARKS);
    };
    const rows: Row[] = [];
    for (let r = -3; r < rounds; r += 1) {
      const row = { aParts: {}, bParts: {} } as Row;
      const order = ['a', 'b', 'shell', 'trivial'] as const;
      for (const what of r % 2 ? [...order].reverse() : order) {
        if (what === 'shell') {
          await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${SHELL_PAGE}?tab=${tabId}`);
          row.shell = await page.evaluate(
            () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
          );
        } else if (what === 'trivial') {
          row.trivial = (await timed(POPUP_VARIANTS.trivialModule)).toExplanation!;
        } else {
          const t = await timed(what === 'a' ? 'popup.html' : B_PAGE);
          row[what] = t.toExplanation!;
          row[what === 'a' ? 'aParts' : 'bParts'] = t;
        }
      }
      if (r >= 0) rows.push(row);
    }
    report('Firefox ESR', rows);
  } finally {
    await ff.close();
    await copy.remove();
  }
}

const distA = process.env.AB_A;
const distB = process.env.AB_B;
if (!distA || !distB) throw new Error('AB_A and AB_B (dist folders with chrome/ and firefox/) are required');
const rounds = Number(process.env.AB_ROUNDS ?? 20);
const browsers = (process.env.AB_BROWSERS ?? 'chromium,firefox').split(',');
const site = await startBenchSite();
try {
  if (browsers.includes('chromium')) await chromium(distA, distB, rounds, site.origin);
  if (browsers.includes('firefox')) await firefox(distA, distB, rounds, site.origin);
} finally {
  await site.close();
}
