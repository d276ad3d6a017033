// Runs the demo: a gallery server, then a real browser with the extension (or screenshots when headless).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startFailingServer } from '../../test/harness/failing-server';
import { launchChromium } from '../../test/harness/chromium';
// Static: the module runner that loads this file is closed once it returns, so no import() later.
import { launchFirefox } from '../../test/harness/firefox';
import { demoCases, galleryHtml, type DemoCase } from './gallery';

const OUT_DIR = fileURLToPath(new URL('../../docs/demo/', import.meta.url));

async function serveGallery(cases: DemoCase[]): Promise<{ url: string; close(): void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', connection: 'close' });
    res.end(galleryHtml(cases));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

async function screenshotsInChromium(cases: DemoCase[]): Promise<void> {
  const browser = await launchChromium();
  try {
    for (const demo of cases) {
      if (demo.prepare) await (await browser.openTab(demo.prepare)).page.close();
      const { tabId } = await browser.openTab(demo.url);
      const popup = await browser.openPopup(tabId);
      const path = `${OUT_DIR}chromium-${demo.id}.png`;
      await popup.screenshot({ path, fullPage: true });
      console.log(`  ${demo.label}: ${path}`);
    }
  } finally {
    await browser.close();
  }
}

async function screenshotsInFirefox(cases: DemoCase[]): Promise<void> {
  const browser = await launchFirefox();
  try {
    for (const demo of cases) {
      if (demo.prepare) await browser.openTab(demo.prepare);
      const { tabId } = await browser.openTab(demo.url);
      const popup = await browser.openPopup(tabId);
      const path = `${OUT_DIR}firefox-${demo.id}.png`;
      await popup.screenshot({ path, fullPage: true });
      console.log(`  ${demo.label}: ${path}`);
    }
  } finally {
    await browser.close();
  }
}

export async function main(argv: string[]): Promise<void> {
  const firefox = argv.includes('--firefox');
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = argv.includes('--headless') || !hasDisplay;
  const screenshot = argv.includes('--screenshot') || !hasDisplay;

  const server = await startFailingServer();
  const cases = await demoCases(server);
  const gallery = await serveGallery(cases);
  console.log(`\nFailure gallery: ${gallery.url}`);
  for (const c of cases) console.log(`  ${c.label}: ${c.url}`);

  try {
    if (!headless) {
      if (firefox) {
        console.log(
          '\nFirefox: open about:debugging#/runtime/this-firefox → Load Temporary Add-on → dist/firefox/manifest.json,',
        );
        console.log(`then visit ${gallery.url}. (Firefox cannot load an unpacked extension from the command line.)`);
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        return;
      }
      const browser = await launchChromium({ headless: false });
      const page = await browser.context.newPage();
      await page.goto(gallery.url);
      console.log('\nChromium is open on the gallery with the extension loaded. Close the window to stop.');
      await new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
      return;
    }
    if (!hasDisplay && !argv.includes('--headless')) {
      console.log('\nNo display here: to see it live, run `npm run demo` on a desktop, or load dist/chrome via');
      console.log('chrome://extensions → Load unpacked. Writing popup screenshots instead:');
    }
    if (screenshot) {
      await mkdir(OUT_DIR, { recursive: true });
      console.log(`\nPopup screenshots (${firefox ? 'Firefox' : 'Chromium'}, headless) in ${OUT_DIR}:`);
      await (firefox ? screenshotsInFirefox(cases) : screenshotsInChromium(cases));
    }
  } finally {
    gallery.close();
    await server.close();
  }
}
