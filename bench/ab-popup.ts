// A/B of two builds of the popup in one browser, rounds interleaved (issue 15's ideas are measured this way):
// each build's popup is copied into build A's extension as popup-a.html / popup-b.html with its files under
// a/ or b/ (its chunks import each other by relative paths, so they load from there), so both popups read the
// same incident from the same storage, in the same browser, and load bursts on a shared machine hit both. Each
// round opens A, B, the script-less shell and the trivial module in an order that rotates; the figures are
// medians to the same `explanation-rendered` mark as `npm run bench`.
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
import { rotated } from './turns';

/** Each build's popup in the copy, its files under its own folder: neither is the copy's own popup.html. */
const PAGES = { a: 'popup-a.html', b: 'popup-b.html' } as const;
/** Set by the first statement of each eager file (after its imports ran): when the page starts its own code. */
const FILE_MARK = 'ab-eager-file';

/**
 * One build's popup added to the copy as `popup-<side>.html`, its assets under `<side>/`. The background answers
 * messages from its own pages only (src/background/message-guard.ts): the page joins the copy's list, or its
 * messages would be refused where the other's are handled (an A/A run showed the refused side ~10% faster).
 */
async function addBuild(copyDir: string, dist: string, side: 'a' | 'b'): Promise<void> {
  await cp(join(dist, 'assets'), join(copyDir, `${side}/assets`), { recursive: true });
  const html = await readFile(join(dist, 'popup.html'), 'utf8');
  await writeFile(join(copyDir, PAGES[side]), html.replaceAll('/assets/', `/${side}/assets/`));
  for (const file of await readdir(join(copyDir, `${side}/assets`))) {
    if (!file.endsWith('.css')) continue;
    const path = join(copyDir, `${side}/assets`, file);
    await writeFile(path, (await readFile(path, 'utf8')).replaceAll('/assets/', `/${side}/assets/`));
  }
  for (const [, file] of html.matchAll(/<script type="module"[^>]*src="\/(assets\/[^"]+)"/g)) {
    const path = join(copyDir, side, file!);
    await writeFile(path, `performance.mark(${JSON.stringify(FILE_MARK)});${await readFile(path, 'utf8')}`);
  }
  const background = join(copyDir, 'background.js');
  const code = await readFile(background, 'utf8');
  const ownPages = /([`'"])\/popup\.html\1,/;
  if (!ownPages.test(code)) throw new Error("the background's list of its own pages is not in background.js");
  await writeFile(
    background,
    code.replace(ownPages, (list, q: string) => `${list}${q}/${PAGES[side]}${q},`),
  );
}

/** A's extension (as built, with the bench's pages) with both builds' popups added. */
async function withBuilds(distA: string, distB: string): Promise<ExtensionCopy> {
  const copy = await instrumentedCopy(distA, { probe: false });
  await addBuild(copy.dir, distA, 'a');
  await addBuild(copy.dir, distB, 'b');
  return copy;
}

/** Every order of the four in turn: each is first, second, third and last, after each other, as often. */
function orderOf(round: number): readonly ('a' | 'b' | 'shell' | 'trivial')[] {
  const order = rotated(['a', 'b', 'shell', 'trivial'] as const, round);
  return Math.floor((round + 8) / 4) % 2 ? order.reverse() : order;
}

/** A popup's marks; `firstFile`: its first eager file starts its own code (Firefox only). */
type Parts = Partial<PopupTiming> & { firstFile?: number };

type Row = Record<'a' | 'b' | 'shell' | 'trivial', number> & { aParts: Parts; bParts: Parts };

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
    const m = (k: keyof Parts) => round(of((r) => r[side][k] ?? NaN).median, 1);
    console.log(
      `  ${side === 'aParts' ? 'A' : 'B'} parts: first eager file ${m('firstFile')}, entry ${m('scriptStart')}, reads ${m('readStart')} → ${m('readEnd')}, mark ${m('toExplanation')}`,
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
  const copy = await withBuilds(join(distA, 'chrome'), join(distB, 'chrome'));
  const browser = await launchBench({ extension: true, dist: copy.dir });
  try {
    const tab = await openFailingTab(browser, `${origin}/fail?ab`);
    const url = (page: string) => extensionPageUrl(browser.extensionId, `${page}?tab=${tab.tabId}`);
    const rows: Row[] = [];
    for (let r = -3; r < rounds; r += 1) {
      const row = { aParts: {}, bParts: {} } as Row;
      for (const what of orderOf(r)) {
        if (what === 'shell') row.shell = await staticPageLoad(browser.context, url('popup.html'), true);
        else if (what === 'trivial')
          row.trivial = (await openPopupTimed(browser.context, url(POPUP_VARIANTS.trivialModule))).toExplanation;
        else {
          const t = await openPopupTimed(browser.context, url(PAGES[what]));
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
  const copy = await withBuilds(join(distA, 'firefox'), join(distB, 'firefox'));
  const ff = await launchFirefox({
    dist: copy.dir,
    prefs: { 'privacy.reduceTimerPrecision': false, 'privacy.reduceTimerPrecision.unconditional': false },
  });
  try {
    const { tabId } = await ff.openTab(`${origin}/fail?ab-ff`);
    await waitFor('the tab recorded', async () => ((await ff.record(tabId))?.incident ? true : undefined));
    const page: Page = ff.popupPage;
    await page.bringToFront();
    const timed = async (file: string): Promise<Parts> => {
      await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${file}?tab=${tabId}`);
      await page.evaluate(markSeen, POPUP_MARKS.explanation);
      return page.evaluate(
        (marks) => {
          const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
          return {
            firstFile: at(marks.firstFile),
            toExplanation: at(marks.explanation),
            scriptStart: at(marks.scriptStart),
            readStart: at(marks.readStart),
            readEnd: at(marks.readEnd),
          };
        },
        { ...POPUP_MARKS, firstFile: FILE_MARK },
      );
    };
    const rows: Row[] = [];
    for (let r = -3; r < rounds; r += 1) {
      const row = { aParts: {}, bParts: {} } as Row;
      for (const what of orderOf(r)) {
        if (what === 'shell') {
          await navigateExtensionPage(page, `${EXTENSION_ORIGIN}/${SHELL_PAGE}?tab=${tabId}`);
          row.shell = await page.evaluate(
            () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
          );
        } else if (what === 'trivial') {
          row.trivial = (await timed(POPUP_VARIANTS.trivialModule)).toExplanation!;
        } else {
          const t = await timed(PAGES[what]);
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
