// Renders the screenshots in docs/: the popup in each main state, light and dark, German once, and the
// options page. Real failures from the test suite's local server; every probe on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChecksChromium, type ChecksBrowser } from '../../test/harness/checks-chromium';
import { startFailingServer, type FailingServer } from '../../test/harness/failing-server';
import { localEndpoints, startProbeServers, type ProbeServers } from '../../test/harness/probe-servers';
import { waitFor } from '../../test/harness/wait-for';
import { preparePopup, siteHostRules, SITE_HOSTS, type PopupState } from './states';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const SCHEMES = ['light', 'dark'] as const;

const STATES: PopupState[] = ['502', '522', 'verdict', 'healthy', 'dns'];

async function shoot(page: Page, name: string, scheme: (typeof SCHEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  // As tall as the content, like the toolbar popup (a short state is not padded to the 600 px test viewport).
  const { width } = page.viewportSize() ?? { width: 390 };
  await page.setViewportSize({ width, height: 200 });
  await page.setViewportSize({ width, height: await page.evaluate(() => document.body.scrollHeight) });
  const path = `${DOCS}${name}${scheme === 'dark' ? '-dark' : ''}.png`;
  await page.screenshot({ path, fullPage: true });
  console.log(`  ${path}`);
}

async function withBrowser(server: FailingServer, probes: ProbeServers, language: string | null, run: (b: ChecksBrowser) => Promise<void>): Promise<void> {
  // Chromium on Linux takes its UI language from the environment (needs Debian's chromium-l10n).
  const before = process.env.LANGUAGE;
  if (language) process.env.LANGUAGE = language;
  let browser: ChecksBrowser;
  try {
    browser = await launchChecksChromium([siteHostRules(server), ...(language ? [`--lang=${language}`] : [])]);
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
  const icon = (file: string) => `data:image/png;base64,${readFileSync(new URL(`../../public/icons/${file}`, import.meta.url)).toString('base64')}`;
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
  const [server, probes]: [FailingServer, ProbeServers] = await Promise.all([startFailingServer(), startProbeServers()]);
  try {
    await withBrowser(server, probes, null, async (browser) => {
      for (const state of STATES) {
        const popup = await preparePopup(browser, state);
        for (const scheme of SCHEMES) await shoot(popup, `popup-${state}`, scheme);
        await popup.close();
      }
      // The options page as a person sees it: default addresses (the popups above used local ones).
      await browser.writeSettings({});
      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 900, height: 700 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.locator('main:not([aria-busy])').waitFor();
      for (const scheme of SCHEMES) await shoot(options, 'options', scheme);
      await shootToolbarIcons(browser);
    });
    await withBrowser(server, probes, 'de', async (browser) => {
      const popup = await preparePopup(browser, '522');
      const language = await waitFor('the UI language', () => popup.evaluate(() => document.documentElement.lang));
      if (!language.startsWith('de')) console.warn(`  German screenshot shows "${language}": install Debian's chromium-l10n`);
      await shoot(popup, 'popup-522-de', 'light');
    });
  } finally {
    await Promise.all([server.close(), probes.close()]);
  }
}
