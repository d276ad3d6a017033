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

export async function measureNavigation(
  withExtension: BrowserContext,
  without: BrowserContext,
  pageUrl: (round: number, i: number) => string,
  pages: number,
  rounds: number,
): Promise<NavigationFigures> {
  const ext: number[] = [];
  const plain: number[] = [];
  const ratios: number[] = [];
  const [a, b] = await Promise.all([withExtension.newPage(), without.newPage()]);
  try {
    for (let round = -1; round < rounds; round += 1) {
      let withTotal = 0;
      let withoutTotal = 0;
      for (let i = 0; i < pages; i += 1) {
        const url = pageUrl(round, i);
        if ((i + round) % 2 === 0) {
          withTotal += await timedLoad(a, url);
          withoutTotal += await timedLoad(b, url);
        } else {
          withoutTotal += await timedLoad(b, url);
          withTotal += await timedLoad(a, url);
        }
      }
      if (round < 0) continue; // warm-up
      ext.push(withTotal);
      plain.push(withoutTotal);
      ratios.push(withTotal / withoutTotal);
    }
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
  return { withExtension: spread(ext), without: spread(plain), ratioPerRound: spread(ratios), pagesPerRound: pages };
}
