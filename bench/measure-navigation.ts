// Figure 3b: what the extension adds to healthy page loads. The same N loopback pages are loaded one
// after another in one tab of a browser with the extension and one tab of a browser without it (same
// flags otherwise). The two browsers take turns page by page (the order alternating), so a burst of
// load on a shared machine hits both sides alike; each round's ratio is total with ÷ total without.
import type { BrowserContext, Page } from 'playwright-core';
import { spread, type Spread } from './stats';

export interface NavigationFigures {
  withExtension: Spread;
  without: Spread;
  ratioPerRound: Spread;
  pagesPerRound: number;
}

async function timedLoad(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  return performance.now() - started;
}

/** The two sides load the same pages, taking turns (order alternating); `load` resolves with its ms. */
export async function compareLoads(
  loadWith: (url: string) => Promise<number>,
  loadWithout: (url: string) => Promise<number>,
  pageUrl: (round: number, i: number) => string,
  pages: number,
  rounds: number,
): Promise<NavigationFigures> {
  const ext: number[] = [];
  const plain: number[] = [];
  const ratios: number[] = [];
  for (let round = -1; round < rounds; round += 1) {
    let withTotal = 0;
    let withoutTotal = 0;
    for (let i = 0; i < pages; i += 1) {
      const url = pageUrl(round, i);
      if ((i + round) % 2 === 0) {
        withTotal += await loadWith(url);
        withoutTotal += await loadWithout(url);
      } else {
        withoutTotal += await loadWithout(url);
        withTotal += await loadWith(url);
      }
    }
    if (round < 0) continue; // warm-up
    ext.push(withTotal);
    plain.push(withoutTotal);
    ratios.push(withTotal / withoutTotal);
  }
  return { withExtension: spread(ext), without: spread(plain), ratioPerRound: spread(ratios), pagesPerRound: pages };
}

export async function measureNavigation(
  withExtension: BrowserContext,
  without: BrowserContext,
  pageUrl: (round: number, i: number) => string,
  pages: number,
  rounds: number,
): Promise<NavigationFigures> {
  const [a, b] = await Promise.all([withExtension.newPage(), without.newPage()]);
  try {
    return await compareLoads(
      (url) => timedLoad(a, url),
      (url) => timedLoad(b, url),
      pageUrl,
      pages,
      rounds,
    );
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
