// The extension's records, read from one of its pages in Chromium (reading storage there never wakes the
// worker), and a tab opened on a failing address once its failure is recorded.
import type { BrowserContext, Page } from 'playwright-core';
import type { TabRecord } from '../../src/model/incident';
import type { ChromeApi } from './chrome-api';
import { waitFor, withDeadline } from './wait-for';

declare const chrome: ChromeApi;

export const recordOf = (from: Page, tabId: number): Promise<TabRecord | undefined> =>
  withDeadline(
    'read the record',
    from.evaluate(
      (key) => chrome.storage.session.get(key).then((items) => items[key] as TabRecord | undefined),
      `tab:${tabId}`,
    ),
  );

/** A new tab on `url`, its id, and its record once the extension has recorded a failure at that address. */
export async function recordedFailingTab(
  context: BrowserContext,
  from: Page,
  url: string,
): Promise<{ page: Page; tabId: number; record: TabRecord }> {
  const page = await context.newPage();
  await page.goto(url);
  const tabId = await waitFor('the tab id', () =>
    from.evaluate((u) => chrome.tabs.query({ url: u }).then((t) => t[0]?.id), url),
  );
  const record = await waitFor('the failure recorded', async () => {
    const stored = await recordOf(from, tabId);
    return stored?.incident?.url === url ? stored : undefined;
  });
  return { page, tabId, record };
}
