// The screenshots beyond the popup's states: the notice on a failing page, the welcome page, and the popup
// and the options at 360 px (the width of a small phone, as on Firefox for Android).
import type { Page } from 'playwright-core';
import type { ChecksBrowser } from '../../test/harness/checks-chromium';
import { waitFor } from '../../test/harness/wait-for';
import { extensionPageUrl } from '../../test/harness/chromium';
import { NOTICE_TAG } from '../../src/background/error-notice-page';
import { preparePopup, siteUrl } from './states';

export type Scheme = 'light' | 'dark';
export const SCHEMES: readonly Scheme[] = ['light', 'dark'];
/** The narrowest phone width the popup and the options must fit. */
export const PHONE_WIDTH = 360;

/** A failing page (the nginx 502 the popup shots use) in its tab, once the notice is inside it. */
export async function noticePage(browser: ChecksBrowser, tag: string): Promise<Page> {
  const url = siteUrl('502', `/nginx-502?t=${tag}`);
  const { page, tabId } = await browser.openTab(url);
  await waitFor(`the incident of ${url}`, async () => (await browser.record(tabId))?.incident?.url === url, {
    timeoutMs: 15_000,
  });
  await page.waitForFunction((name) => document.querySelector(name) !== null, NOTICE_TAG, { timeout: 15_000 });
  await page.mouse.move(0, 0);
  return page;
}

/** The welcome page a fresh install opens, with its live sample popup rendered. */
export async function welcomePage(browser: ChecksBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 700 });
  await page.goto(extensionPageUrl(browser.extensionId, 'welcome.html'));
  await page.locator('.sample-popup main').first().waitFor();
  return page;
}

/** The options page as a person sees it (default addresses). */
export async function optionsPage(browser: ChecksBrowser, width: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 700 });
  await page.goto(extensionPageUrl(browser.extensionId, 'options.html'));
  await page.locator('main:not([aria-busy])').waitFor();
  return page;
}

/** The popup on a 502 at phone width: as a page bound to its tab it fills the width, as on Android. */
export async function narrowPopup(browser: ChecksBrowser): Promise<Page> {
  const popup = await preparePopup(browser, '502');
  await popup.setViewportSize({ width: PHONE_WIDTH, height: 640 });
  return popup;
}

/**
 * Wider than the screen means a sideways scroll on a phone, of the page or of a part of it (a table in a
 * scrolling box hides its last columns): say which element it is. Form fields scroll their own text; not counted.
 */
export async function overflowAt(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const name = (e: Element) => `${e.tagName.toLowerCase()}${[...e.classList].map((c) => `.${c}`).join('')}`;
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].find((e) => e.getBoundingClientRect().right > width + 0.5);
    if (document.documentElement.scrollWidth > width)
      return wide
        ? `${name(wide)} ends at ${Math.round(wide.getBoundingClientRect().right)} px`
        : `scrollWidth ${document.documentElement.scrollWidth}`;
    const scroller = [...document.querySelectorAll('body *')].find(
      (e) =>
        !e.matches('input, textarea, select') &&
        e.scrollWidth > e.clientWidth + 1 &&
        /auto|scroll/.test(getComputedStyle(e).overflowX),
    );
    return scroller
      ? `${name(scroller)} scrolls sideways (${scroller.scrollWidth} px in ${scroller.clientWidth})`
      : null;
  });
}
