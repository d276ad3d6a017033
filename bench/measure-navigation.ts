// Figure 3b: what the extension adds to healthy page loads. The same N loopback pages are loaded one
// after another in one tab of a browser with the extension and one without (same flags otherwise);
// the order alternates each round, and the ratio is taken per round so both sides share the noise.
import type { BrowserContext } from 'playwright-core';
import { spread, type Spread } from './stats';

export interface NavigationFigures {
  withExtension: Spread;
  without: Spread;
  ratioPerRound: Spread;
  pagesPerRound: number;
}

async function loadPages(context: BrowserContext, urls: string[]): Promise<number> {
  const page = await context.newPage();
  try {
    const started = performance.now();
    for (const url of urls) await page.goto(url, { waitUntil: 'load' });
    return performance.now() - started;
  } finally {
    await page.close();
  }
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
  for (let round = -1; round < rounds; round += 1) {
    const urls = Array.from({ length: pages }, (_, i) => pageUrl(round, i));
    const timed = new Map<BrowserContext, number>();
    for (const context of round % 2 === 0 ? [withExtension, without] : [without, withExtension]) {
      timed.set(context, await loadPages(context, urls));
    }
    const a = timed.get(withExtension)!;
    const b = timed.get(without)!;
    if (round < 0) continue; // warm-up
    ext.push(a);
    plain.push(b);
    ratios.push(a / b);
  }
  return { withExtension: spread(ext), without: spread(plain), ratioPerRound: spread(ratios), pagesPerRound: pages };
}
