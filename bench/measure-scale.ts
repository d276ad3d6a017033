// Figure 6: cost of 1, 10 and 100 tabs with incidents open — session storage and popup time. Real
// failing navigations, one tab each, added level by level; the popup is opened for the first tab.
import type { ExtensionBrowser } from './bench-browser';
import { openPopupTimed } from './measure-popup';
import { spread, type Spread } from './stats';
import { openFailingTabs, settled, storageBytes, type FailingTab } from './tabs-with-incidents';

export interface ScaleLevel {
  tabs: number;
  records: number;
  sessionBytes: number;
  bytesPerTab: number;
  popup: Spread;
}

export async function measureScale(browser: ExtensionBrowser, failingUrl: (tab: number) => string, levels: number[], opens: number): Promise<ScaleLevel[]> {
  const tabs: FailingTab[] = [];
  const result: ScaleLevel[] = [];
  for (const level of levels) {
    const urls = Array.from({ length: level - tabs.length }, (_, i) => failingUrl(tabs.length + i));
    tabs.push(...(await openFailingTabs(browser, urls, 4)));
    await settled(browser.worker, tabs);
    const bytes = await storageBytes(browser.worker);
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tab=${tabs[0]!.tabId}`;
    await openPopupTimed(browser.context, popupUrl); // warm-up
    const times: number[] = [];
    for (let i = 0; i < opens; i += 1) times.push((await openPopupTimed(browser.context, popupUrl)).toExplanation);
    result.push({ tabs: level, records: bytes.records, sessionBytes: bytes.session, bytesPerTab: bytes.session / level, popup: spread(times) });
  }
  await Promise.all(tabs.map((t) => t.page.close()));
  return result;
}
