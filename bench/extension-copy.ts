// The bench's private, instrumented copy of a built extension (never dist/ itself): the background
// prologue (background-probe.ts) loaded before the extension's background, and `bench-shell.html`, the
// popup's own HTML and CSS with its scripts taken out (the script-less shell, where a browser cannot turn
// JavaScript off for one page).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundProbeSource } from './background-probe';

export const SHELL_PAGE = 'bench-shell.html';
const PROBE_FILE = 'bench-probe.js';

export interface ExtensionCopy {
  dir: string;
  remove(): Promise<void>;
}

/** popup.html without its module scripts and preloads: the same document, styles and origin. */
export function shellOf(popupHtml: string): string {
  return popupHtml.replace(/<script\b[^>]*>\s*<\/script>\s*/g, '').replace(/<link\b[^>]*rel="modulepreload"[^>]*>\s*/g, '');
}

type Manifest = { background: { service_worker?: string; scripts?: string[] }; action?: { default_popup?: string } };

/** `probe: false`: the extension as built (plus the shell page), for figures the prologue would disturb. */
export async function instrumentedCopy(dist: string, { probe = true } = {}): Promise<ExtensionCopy> {
  const root = await mkdtemp(join(tmpdir(), 'epe-bench-ext-'));
  const dir = join(root, 'extension');
  try {
    await cp(dist, dir, { recursive: true });
    const manifestFile = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
    const popup = manifest.action?.default_popup ?? 'popup.html';
    await writeFile(join(dir, SHELL_PAGE), shellOf(await readFile(join(dir, popup), 'utf8')));
    if (!probe) {
      // as built
    } else if (manifest.background.scripts) {
      // Firefox's event page: the prologue is the first of its scripts.
      await writeFile(join(dir, PROBE_FILE), backgroundProbeSource());
      manifest.background.scripts = [PROBE_FILE, ...manifest.background.scripts];
    } else if (manifest.background.service_worker) {
      // A service worker is one script: the prologue goes at its top (a module's imports are hoisted, but
      // the built background is one file with none).
      const worker = join(dir, manifest.background.service_worker);
      await writeFile(worker, backgroundProbeSource() + (await readFile(worker, 'utf8')));
    }
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return { dir, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
