// The popup states the screenshots show, each produced the way a person meets it: a real failing load,
// then the popup on that tab (`popup.html?tab=<id>`, 390 px wide like the toolbar popup).
import type { Page } from 'playwright-core';
import type { ChecksBrowser } from '../../test/harness/checks-chromium';
import { DNS_FAILURE_URL, type FailingServer } from '../../test/harness/failing-server';
import { waitFor } from '../../test/harness/wait-for';

export type PopupState = '502' | '522' | 'verdict' | 'healthy' | 'dns';

/**
 * A made-up site per state (RFC 2606 names), so the popup reads like a real one (no 127.0.0.1:port) and each
 * site's history line counts only its own failures. The browser maps them to the local server.
 */
export const SITE_HOSTS: Record<Exclude<PopupState, 'dns'>, string> = {
  '502': 'shop.example.com',
  '522': 'blog.example.org',
  verdict: 'app.example.net',
  healthy: 'news.example.com',
};

/** `--host-resolver-rules` sending every example site to the failing server's port. */
export const siteHostRules = (server: FailingServer): string =>
  `--host-resolver-rules=${Object.values(SITE_HOSTS)
    .map((host) => `MAP ${host} 127.0.0.1:${server.port}`)
    .join(', ')}`;

export const siteUrl = (state: Exclude<PopupState, 'dns'>, path: string): string =>
  `http://${SITE_HOSTS[state]}${path}`;

/** The steps "Check everything" runs. */
const AUTOMATIC = ['reload', 'clean-request', 'network', 'dns'];
let counter = 0;

async function failingTab(browser: ChecksBrowser, url: string): Promise<number> {
  const { tabId } = await browser.openTab(url);
  await waitFor(`the incident of ${url}`, async () => (await browser.record(tabId))?.incident?.url === url, {
    timeoutMs: 15_000,
  });
  return tabId;
}

/** The popup on an incident tab, once its on-demand sections (watch, report) have loaded too. */
async function incidentPopup(browser: ChecksBrowser, url: string): Promise<Page> {
  const popup = await browser.openPopup(await failingTab(browser, url));
  await popup.locator('section.watch').waitFor();
  await popup.locator('section.report').waitFor();
  return popup;
}

/** A popup showing `state`, settled (no step running, no spinner). */
export async function preparePopup(browser: ChecksBrowser, state: PopupState): Promise<Page> {
  const tag = `s${++counter}`;
  switch (state) {
    case '502':
      return incidentPopup(browser, siteUrl('502', `/nginx-502?t=${tag}`));
    case '522':
      return incidentPopup(browser, siteUrl('522', `/cf-522?t=${tag}`));
    case 'dns':
      return incidentPopup(browser, `${DNS_FAILURE_URL}?t=${tag}`);
    case 'verdict': {
      const popup = await incidentPopup(browser, siteUrl('verdict', `/nginx-502?t=${tag}`));
      await popup.locator('section.verdict button.primary').click();
      await popup.waitForFunction(
        (ids) => ids.every((id) => document.querySelector(`li[data-step="${id}"].step--done`)),
        AUTOMATIC,
        {
          timeout: 30_000,
        },
      );
      // The mouse stays off every control, so nothing shows a hover state.
      await popup.mouse.move(0, 0);
      return popup;
    }
    case 'healthy': {
      const url = siteUrl('healthy', `/recovers?key=${tag}&after=1`);
      const { page, tabId } = await browser.openTab(url);
      await waitFor('the incident', async () => Boolean((await browser.record(tabId))?.incident), {
        timeoutMs: 15_000,
      });
      await page.reload();
      await waitFor(
        'the last error',
        async () => {
          const r = await browser.record(tabId);
          return Boolean(r && !r.incident && r.lastError);
        },
        { timeoutMs: 15_000 },
      );
      const popup = await browser.openPopup(tabId);
      await popup.locator('.last-error').waitFor();
      return popup;
    }
  }
}
