// Renders the toolbar/store icons from one SVG with Debian's Chromium (run once; the PNGs are committed).
// Usage: node scripts/make-icons.mjs
//   public/icons/icon-{16,32,48,128}.png     the mark (manifest: store, toolbar default)
//   public/icons/icon-normal-{16,32}.png     the same mark, for switching back per tab
//   public/icons/icon-error-{16,32}.png      + a red dot with "!": this tab's page failed
//   public/icons/icon-back-{16,32}.png       + a green dot with a tick: the watched site answers again
// The dot sits top right: Chrome and Firefox draw the badge text over the bottom of the icon.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A speech bubble (an explanation) holding a broken link: calm blue, readable at 16 px.
const MARK = `
  <rect x="6" y="6" width="116" height="100" rx="24" fill="#1f5fbf"/>
  <path d="M34 100 L30 124 L58 102 Z" fill="#1f5fbf"/>
  <g fill="none" stroke="#fff" stroke-width="12" stroke-linecap="round">
    <path d="M52 40 H40 a16 16 0 0 0 0 32 H52"/>
    <path d="M76 40 H88 a16 16 0 0 1 0 32 H76"/>
  </g>
  <g stroke="#ffd166" stroke-width="8" stroke-linecap="round">
    <path d="M64 30 V42"/><path d="M64 70 V82"/>
  </g>`;

// The accent: a dot with a white ring (so it stands off the blue and off a dark toolbar) and a glyph.
const dot = (fill, glyph) => `
  <circle cx="98" cy="30" r="30" fill="#fff"/>
  <circle cx="98" cy="30" r="24" fill="${fill}"/>
  ${glyph}`;
const ACCENTS = {
  normal: '',
  error: dot(
    '#d93025',
    '<path d="M98 16 V33" stroke="#fff" stroke-width="9" stroke-linecap="round"/><circle cx="98" cy="44" r="5" fill="#fff"/>',
  ),
  back: dot(
    '#188038',
    '<path d="M86 30 L95 39 L111 21" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/>',
  ),
};
const svg = (accent) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">${MARK}${accent}</svg>`;

const userDataDir = mkdtempSync(path.join(tmpdir(), 'icons-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await context.newPage();
const render = async (accent, size, file) => {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg(accent)}`,
  );
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
};
for (const size of [16, 32, 48, 128]) await render(ACCENTS.normal, size, `icon-${size}.png`);
for (const [name, accent] of Object.entries(ACCENTS)) {
  for (const size of [16, 32]) await render(accent, size, `icon-${name}-${size}.png`);
}
// A large preview of the three toolbar states side by side, for looking at them (not shipped).
if (process.argv.includes('--preview')) {
  await page.setViewportSize({ width: 3 * 136, height: 128 });
  await page.setContent(
    `<style>body{margin:0;display:flex;gap:8px;background:#dfe3e8}svg{width:128px;height:128px}</style>${Object.values(ACCENTS).map(svg).join('')}`,
  );
  await page.screenshot({ path: path.join(tmpdir(), 'icon-preview.png') });
  console.log(`preview: ${path.join(tmpdir(), 'icon-preview.png')}`);
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log('wrote public/icons/icon-{16,32,48,128}.png and icon-{normal,error,back}-{16,32}.png');
