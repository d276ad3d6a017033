// The store screenshots in docs/store/: the Chrome Web Store takes 1280×800; addons.mozilla.org takes 4:3,
// 2400×1800 recommended and largest (mozilla/addons#6009). Each is a caption from the English listing
// (docs/store/en.md) over real renderings of the extension taken in this run, at twice the pixels: nothing
// drawn by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { ChecksBrowser } from '../../test/harness/checks-chromium';
import { preparePopup } from './states';
import { noticePage } from './pages';

const STORE = fileURLToPath(new URL('../../docs/store/', import.meta.url));

/** CSS size of each store's frame; `scale` turns it into the store's pixels in a browser at 2 device pixels per CSS pixel. */
const STORES = {
  chrome: { width: 1280, height: 800, scale: 'css' },
  amo: { width: 1200, height: 900, scale: 'device' },
} as const;

/** The numbered captions under "## Screenshots" in a listing. */
export function captionsOf(listing: string): string[] {
  const section = listing.split(/^## /m).find((part) => part.startsWith('Screenshots')) ?? '';
  return [...section.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1]!.trim());
}

/** The toolbar popup is at most 600 px tall: a store shot shows what fits in it, at full size. */
const POPUP_HEIGHT = 600;

const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;

/** A web page's window as it is (its viewport). */
async function windowOf(page: Page): Promise<string> {
  return dataUrl(await page.screenshot({ scale: 'device' }));
}

/** 600 px of the popup from `from` (its top, or the top of an element): what one popup's height shows. */
async function popupPart(page: Page, from: string | null = null): Promise<string> {
  const width = page.viewportSize()?.width ?? 390;
  await page.setViewportSize({ width, height: 200 });
  const height = await page.evaluate(() => document.body.scrollHeight);
  await page.setViewportSize({ width, height });
  const top =
    from === null
      ? 0
      : await page.evaluate(
          (selector) => Math.max(0, (document.querySelector(selector)?.getBoundingClientRect().top ?? 0) - 8),
          from,
        );
  const y = Math.min(top, Math.max(0, height - POPUP_HEIGHT));
  return dataUrl(
    await page.screenshot({
      scale: 'device',
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(POPUP_HEIGHT, height) },
    }),
  );
}

function frameHtml(caption: string, images: string[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; background: linear-gradient(160deg, #eef2f7, #dfe5ee);
  font-family: system-ui, 'DejaVu Sans', sans-serif; color: #1f2328; }
h1 { margin: 0; padding: 40px 56px 28px; font-size: 34px; font-weight: 650; line-height: 1.25; text-align: center; }
.shots { flex: 1; min-height: 0; display: flex; gap: 36px; justify-content: center; align-items: flex-start; padding: 0 56px 44px; }
img { max-height: 100%; max-width: calc((100% - ${36 * (images.length - 1)}px) / ${images.length}); object-fit: contain;
  border-radius: 10px; box-shadow: 0 10px 30px rgb(20 30 50 / 0.22), 0 0 0 1px rgb(20 30 50 / 0.08); background: #fff; }
</style></head><body><h1>${escape(caption)}</h1><div class="shots">${images.map((src) => `<img src="${src}" alt="">`).join('')}</div></body></html>`;
}

/** The three store screenshots, for both stores. Needs a browser at deviceScaleFactor 2. */
export async function shootStore(browser: ChecksBrowser): Promise<void> {
  const captions = captionsOf(readFileSync(`${STORE}en.md`, 'utf8'));
  // Wide enough that the notice (top right) leaves the page's own centred heading in view, as in a desktop window.
  const notice = await noticePage(browser, 'store');
  await notice.setViewportSize({ width: 1160, height: 420 });
  const popup502 = await preparePopup(browser, '502');
  const verdict = await preparePopup(browser, 'verdict');
  const dark522 = await preparePopup(browser, '522');
  await dark522.emulateMedia({ colorScheme: 'dark' });
  const frames = [
    { name: 'notice', images: [await windowOf(notice)] },
    { name: 'explanation', images: [await popupPart(popup502), await popupPart(dark522)] },
    { name: 'verdict', images: [await popupPart(verdict), await popupPart(verdict, 'section.steps')] },
  ];
  if (captions.length !== frames.length)
    throw new Error(`docs/store/en.md has ${captions.length} screenshot captions for ${frames.length} screenshots`);
  const stage = await browser.context.newPage();
  for (const [store, size] of Object.entries(STORES)) {
    await stage.setViewportSize({ width: size.width, height: size.height });
    for (const [i, frame] of frames.entries()) {
      await stage.setContent(frameHtml(captions[i]!, frame.images));
      await stage.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
      const path = `${STORE}${store}-${i + 1}-${frame.name}.png`;
      const png = await stage.screenshot({ path, scale: size.scale });
      console.log(`  ${path} (${png.readUInt32BE(16)}×${png.readUInt32BE(20)})`);
    }
  }
  for (const page of [notice, popup502, verdict, dark522, stage]) await page.close();
}
