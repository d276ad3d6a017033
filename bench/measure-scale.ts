// Figure 6: cost of 1, 10 and 100 tabs with incidents open — session storage and popup time. Real
// failing navigations, one tab each, added level by level; the popup is opened for the first tab, taking
// turns with its script-less shell (figure 1's baseline), so a browser slowed by 100 open tabs (not by
// the extension) shows in both.
import type { ExtensionBrowser } from './bench-browser';
import { openPopupTimed, staticPageLoad } from './measure-popup';
import { spread, type Spread } from './stats';
import { openFailingTabs, settled, storageBytes, type FailingTab } from './tabs-with-incidents';
import { extensionPageUrl } from '../test/harness/chromium';
import { toolbarPopupPath } from '../src/model/popup-address';

export interface ScaleLevel {
  tabs: number;
  records: number;
  sessionBytes: number;
  bytesPerTab: number;
  popup: Spread;
  shell: Spread;
  /** Per open: popup ÷ the shell opened next to it. */
  ratio: Spread;
}

export async function measureScale(
  browser: ExtensionBrowser,
  failingUrl: (tab: number) => string,
  levels: number[],
  opens: number,
): Promise<ScaleLevel[]> {
  const tabs: FailingTab[] = [];
  const result: ScaleLevel[] = [];
  for (const level of levels) {
    const urls = Array.from({ length: level - tabs.length }, (_, i) => failingUrl(tabs.length + i));
    tabs.push(...(await openFailingTabs(browser, urls, 4)));
    await settled(browser.worker, tabs);
    const bytes = await storageBytes(browser.worker);
    const popupUrl = extensionPageUrl(browser.extensionId, toolbarPopupPath(tabs[0]!.tabId));
    await openPopupTimed(browser.context, popupUrl); // warm-up
    const [times, shells] = [[] as number[], [] as number[]];
    for (let i = 0; i < opens; i += 1) {
      const popupFirst = i % 2 === 0;
      if (popupFirst) times.push((await openPopupTimed(browser.context, popupUrl)).toExplanation);
      shells.push(await staticPageLoad(browser.context, popupUrl, true));
      if (!popupFirst) times.push((await openPopupTimed(browser.context, popupUrl)).toExplanation);
    }
    const ratio = spread(times.map((t, i) => t / shells[i]!));
    result.push({
      tabs: level,
      records: bytes.records,
      sessionBytes: bytes.session,
      bytesPerTab: bytes.session / level,
      popup: spread(times),
      shell: spread(shells),
      ratio,
    });
  }
  await Promise.all(tabs.map((t) => t.page.close()));
  return result;
}
