// Renders the toolbar/store icons from one SVG with Debian's Chromium (run once; the PNGs are committed).
// Usage: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A speech bubble (an explanation) holding a broken link: calm blue, readable at 16 px.
const svg = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="6" y="6" width="116" height="100" rx="24" fill="#1f5fbf"/>
  <path d="M34 100 L30 124 L58 102 Z" fill="#1f5fbf"/>
  <g fill="none" stroke="#fff" stroke-width="12" stroke-linecap="round">
    <path d="M52 40 H40 a16 16 0 0 0 0 32 H52"/>
    <path d="M76 40 H88 a16 16 0 0 1 0 32 H76"/>
  </g>
  <g stroke="#ffd166" stroke-width="8" stroke-linecap="round">
    <path d="M64 30 V42"/><path d="M64 70 V82"/>
  </g>
</svg>`;

const userDataDir = mkdtempSync(path.join(tmpdir(), 'icons-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await context.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log('wrote public/icons/icon-{16,32,48,128}.png');
