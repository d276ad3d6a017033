// The bench's private, instrumented copy of a built extension (never dist/ itself): the background
// prologue (background-probe.ts) loaded before the extension's background, and `bench-shell.html`, the
// popup's own HTML and CSS with its scripts taken out (the script-less shell, where a browser cannot turn
// JavaScript off for one page).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundEpilogueSource, backgroundProbeSource } from './background-probe';
import { firstFramePage, holdFirstFrame, readsFloorPage, readsThenShow } from './first-frame';
import { HISTORY_KEY } from '../src/model/history';
import { SETTINGS_KEY } from '../src/model/settings';
import { WHATS_NEW_KEY } from '../src/model/whats-new';

export const SHELL_PAGE = 'bench-shell.html';
const PROBE_FILE = 'bench-probe.js';

export interface ExtensionCopy {
  dir: string;
  remove(): Promise<void>;
}

/** popup.html without its module scripts and preloads: the same document, styles and origin. */
export function shellOf(popupHtml: string): string {
  return popupHtml
    .replace(/<script\b[^>]*>\s*<\/script>\s*/g, '')
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>\s*/g, '');
}

/** The popup's variants the bench measures next to it (issue 15's ideas, one at a time). */
export const POPUP_VARIANTS = {
  /** The popup's HTML and CSS with one trivial module that sets the explanation mark: the browser's floor for a module page. */
  trivialModule: 'bench-trivial-module.html',
  /** The popup as built, its two stylesheets inlined in a <style> (critical CSS inline). */
  inlineCss: 'bench-inline-css.html',
  /** The same, its module setting the mark after the next frame (as the popup's does): the floor with one frame, nothing new to paint. */
  frameFloor: 'bench-trivial-frame.html',
  /** The popup's first frame as static HTML with the frame floor's module: the content's floor (first-frame.ts), written by writeFirstFramePage. */
  contentFloor: 'bench-first-frame.html',
  /**
   * The content floor's page that first asks for what the popup's first frame waits for (the tab, its record,
   * settings and history) and shows its content once all have answered: the browser's floor for the popup's
   * first frame, its reads included (first-frame.ts, readsThenShow). Written by writeFirstFramePage too.
   */
  readsFloor: 'bench-reads-first-frame.html',
} as const;

const TRIVIAL_MODULE = 'bench-trivial-module.js';
const FRAME_MODULE = 'bench-trivial-frame.js';
/** popup.html as built behind a first module that copies its first frame (first-frame.ts): opened once, not timed. */
export const FIRST_FRAME_CAPTURE = 'bench-capture-first-frame.html';
const CAPTURE_MODULE = 'bench-hold-first-frame.js';
const READS_MODULE = 'bench-reads-then-show.js';
/** The keys the popup reads for its first frame (src/storage/create-storage.ts: tab records, settings, history, note). */
const FIRST_FRAME_READS = { sessionPrefix: 'tab:', localKeys: [SETTINGS_KEY, HISTORY_KEY, WHATS_NEW_KEY] };

/** Writes the popup variants next to popup.html in a copy of a built extension. */
export async function writePopupVariants(
  dir: string,
  popup = 'popup.html',
  explanationMark = 'explanation-rendered',
): Promise<void> {
  const html = await readFile(join(dir, popup), 'utf8');
  const shell = shellOf(html);
  await writeFile(join(dir, TRIVIAL_MODULE), `performance.mark(${JSON.stringify(explanationMark)});\n`);
  await writeFile(
    join(dir, POPUP_VARIANTS.trivialModule),
    shell.replace('</body>', `<script type="module" src="/${TRIVIAL_MODULE}"></script>\n</body>`),
  );
  await writeFile(
    join(dir, FRAME_MODULE),
    `requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(explanationMark)})));\n`,
  );
  await writeFile(
    join(dir, POPUP_VARIANTS.frameFloor),
    shell.replace('</body>', `<script type="module" src="/${FRAME_MODULE}"></script>\n</body>`),
  );
  // Module scripts run in document order: the hook is in place before the popup's own modules run.
  await writeFile(join(dir, CAPTURE_MODULE), `(${holdFirstFrame.toString()})(${JSON.stringify(explanationMark)});\n`);
  await writeFile(
    join(dir, FIRST_FRAME_CAPTURE),
    html.replace('<head>', `<head>\n<script type="module" src="/${CAPTURE_MODULE}"></script>`),
  );
  let inline = html;
  for (const link of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)) {
    const css = await readFile(join(dir, link[1]!.replace(/^\//, '')), 'utf8');
    inline = inline.replace(link[0], `<style>${css}</style>`);
  }
  await writeFile(join(dir, POPUP_VARIANTS.inlineCss), inline);
}

/**
 * Writes the content floor's page (POPUP_VARIANTS.contentFloor) from a first frame captured in this copy
 * (captureFirstFrame): called after the browser loaded the copy, which reads the file when the page is opened.
 */
export async function writeFirstFramePage(
  dir: string,
  frameJson: string,
  popup = 'popup.html',
  explanationMark = 'explanation-rendered',
): Promise<void> {
  const shell = shellOf(await readFile(join(dir, popup), 'utf8'));
  await writeFile(join(dir, POPUP_VARIANTS.contentFloor), firstFramePage(shell, frameJson, FRAME_MODULE));
  const { sessionPrefix, localKeys } = FIRST_FRAME_READS;
  await writeFile(
    join(dir, READS_MODULE),
    `(${readsThenShow.toString()})(${JSON.stringify(explanationMark)}, ${JSON.stringify(sessionPrefix)}, ${JSON.stringify(localKeys)});\n`,
  );
  await writeFile(join(dir, POPUP_VARIANTS.readsFloor), readsFloorPage(shell, frameJson, READS_MODULE));
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
    await writePopupVariants(dir, popup);
    if (!probe) {
      // as built
    } else if (manifest.background.scripts) {
      // Firefox's event page: the prologue is the first of its scripts.
      await writeFile(join(dir, PROBE_FILE), backgroundProbeSource());
      manifest.background.scripts = [PROBE_FILE, ...manifest.background.scripts];
    } else if (manifest.background.service_worker) {
      // A service worker is one script: the prologue goes at its top (the built background is a classic
      // script with no imports; the steps it loads on demand come later, after the prologue ran).
      const worker = join(dir, manifest.background.service_worker);
      // The epilogue after it says when its top level has run.
      await writeFile(
        worker,
        `${backgroundProbeSource()}${await readFile(worker, 'utf8')}\n${backgroundEpilogueSource()}`,
      );
    }
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    return { dir, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
