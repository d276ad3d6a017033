// Renders the screenshots in docs/: the popup in each main state, light and dark, German once, the options
// page, the notice on a failing page, the welcome page, the popup and the options at phone width (360 px),
// and the store screenshots in docs/store/. Real failures from the test suite's local server; every probe on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChecksChromium, type ChecksBrowser } from '../../test/harness/checks-chromium';
import { startFailingServer, type FailingServer } from '../../test/harness/failing-server';
import { localEndpoints, startProbeServers, type ProbeServers } from '../../test/harness/probe-servers';
import { waitFor } from '../../test/harness/wait-for';
import { preparePopup, siteHostRules, SITE_HOSTS, type PopupState } from './states';
import {
  narrowPopup,
  noticePage,
  optionsPage,
  overflowAt,
  PHONE_WIDTH,
  SCHEMES,
  welcomePage,
  type Scheme,
} from './pages';
import { shootStore } from './store';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));

const STATES: PopupState[] = ['502', '522', 'verdict', 'healthy', 'dns'];

async function shoot(page: Page, name: string, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  // As tall as the content, like the toolbar popup (a short state is not padded to the 600 px test viewport).
  const { width } = page.viewportSize() ?? { width: 390 };
  await page.setViewportSize({ width, height: 200 });
  await page.setViewportSize({ width, height: await page.evaluate(() => document.body.scrollHeight) });
  const path = `${DOCS}${name}${scheme === 'dark' ? '-dark' : ''}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`  ${path}`);
}

/** A web page as its window shows it (the viewport, not the whole document). */
async function shootWindow(page: Page, name: string, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  const path = `${DOCS}${name}${scheme === 'dark' ? '-dark' : ''}.png`;
  await page.screenshot({ path });
  console.log(`  ${path}`);
}

/** At phone width nothing may stick out sideways: a page that does fails the run. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const overflow = await overflowAt(page);
  if (overflow === null) return;
  console.error(`  ${what} is wider than ${PHONE_WIDTH} px: ${overflow}`);
  process.exitCode = 1;
}

async function shootPagesBeyondThePopup(browser: ChecksBrowser): Promise<void> {
  // A desktop window's width: the notice (top right) leaves the page's own centred heading in view.
  const notice = await noticePage(browser, 'docs');
  await notice.setViewportSize({ width: 1200, height: 360 });
  for (const scheme of SCHEMES) await shootWindow(notice, 'notice-502', scheme);
  await notice.close();
  const welcome = await welcomePage(browser);
  for (const scheme of SCHEMES) await shoot(welcome, 'welcome', scheme);
  await welcome.close();
  const popup = await narrowPopup(browser);
  for (const scheme of SCHEMES) await shoot(popup, `popup-502-${PHONE_WIDTH}`, scheme);
  await expectFitsPhone(popup, 'the popup');
  await popup.close();
  const options = await optionsPage(browser, PHONE_WIDTH);
  for (const scheme of SCHEMES) await shoot(options, `options-${PHONE_WIDTH}`, scheme);
  await expectFitsPhone(options, 'the options page');
  await options.close();
}

interface BrowserSetup {
  language?: string;
  deviceScaleFactor?: number;
}

async function withBrowser(
  server: FailingServer,
  probes: ProbeServers,
  setup: BrowserSetup,
  run: (b: ChecksBrowser) => Promise<void>,
): Promise<void> {
  const language = setup.language ?? null;
  // Chromium on Linux takes its UI language from the environment (needs Debian's chromium-l10n).
  const before = process.env.LANGUAGE;
  if (language) process.env.LANGUAGE = language;
  let browser: ChecksBrowser;
  try {
    browser = await launchChecksChromium(
      [siteHostRules(server), ...(language ? [`--lang=${language}`] : [])],
      setup.deviceScaleFactor ? { deviceScaleFactor: setup.deviceScaleFactor } : {},
    );
  } finally {
    if (before === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = before;
  }
  try {
    await browser.writeSettings({ endpoints: localEndpoints(probes) });
    // The DNS step compares with a public resolver: it gives the example sites the address the browser used.
    for (const host of Object.values(SITE_HOSTS)) probes.setDohAddress(host, '127.0.0.1');
    await run(browser);
  } finally {
    await browser.close();
  }
}

/** The three toolbar icons at their real sizes, on a light and a dark toolbar. */
async function shootToolbarIcons(browser: ChecksBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 420, height: 100 });
  const icon = (file: string) =>
    `data:image/png;base64,${readFileSync(new URL(`../../public/icons/${file}`, import.meta.url)).toString('base64')}`;
  const cell = (variant: string, label: string) =>
    `<figure><img src="${icon(`icon-${variant}-32.png`)}" width="32" height="32" alt=""><img src="${icon(`icon-${variant}-16.png`)}" width="16" height="16" alt=""><figcaption>${label}</figcaption></figure>`;
  const row = (background: string, color: string) =>
    `<div style="background:${background};color:${color}">${cell('normal', 'normal')}${cell('error', 'error on this tab')}${cell('back', 'back online')}</div>`;
  await page.setContent(`<style>body{margin:0;font:12px system-ui,sans-serif}div{display:flex;gap:28px;padding:10px 16px}
figure{margin:0;display:grid;grid-template-columns:auto auto;gap:4px 8px;align-items:end}figcaption{grid-column:1/3}</style>
${row('#f1f3f4', '#1d1f23')}${row('#35363a', '#e8eaed')}`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  const path = `${DOCS}toolbar-icons.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`  ${path}`);
  await page.close();
}

export async function main(): Promise<void> {
  const [server, probes]: [FailingServer, ProbeServers] = await Promise.all([
    startFailingServer(),
    startProbeServers(),
  ]);
  try {
    await withBrowser(server, probes, {}, async (browser) => {
      for (const state of STATES) {
        const popup = await preparePopup(browser, state);
        for (const scheme of SCHEMES) await shoot(popup, `popup-${state}`, scheme);
        await popup.close();
      }
      // The options page as a person sees it: default addresses (the popups above used local ones).
      await browser.writeSettings({});
      await shootPagesBeyondThePopup(browser);
      const options = await optionsPage(browser, 900);
      for (const scheme of SCHEMES) await shoot(options, 'options', scheme);
      await shootToolbarIcons(browser);
    });
    await withBrowser(server, probes, { language: 'de' }, async (browser) => {
      const popup = await preparePopup(browser, '522');
      const language = await waitFor('the UI language', () => popup.evaluate(() => document.documentElement.lang));
      if (!language.startsWith('de'))
        console.warn(`  German screenshot shows "${language}": install Debian's chromium-l10n`);
      await shoot(popup, 'popup-522-de', 'light');
    });
    // The store screenshots at twice the pixels: addons.mozilla.org asks for 2400×1800.
    await withBrowser(server, probes, { deviceScaleFactor: 2 }, shootStore);
  } finally {
    await Promise.all([server.close(), probes.close()]);
  }
}
