// The popup's first frame as a static page: the floor for its content (issue 15). One popup open with a hook
// that copies the DOM at the moment the popup sets its explanation mark (the mark is set in the first effect
// after the frame that painted the explanation, before the sections below render: src/popup/IncidentView.tsx),
// then a static page, written into the extension's folder after that open: the popup's HTML and CSS with that
// DOM already in its markup and one module that only waits for the next frame (as Preact's effects do: the next
// animation frame, then a task) and sets the same mark. What that page costs over the script-less shell is
// parsing, style, layout and paint of the content plus one frame, with no code that builds it. Both browsers
// read an unpacked extension's files from disk on request, so a page written after the launch is served.

/** The DOM the popup had painted when it set its explanation mark, as JSON (see `FirstFrame`). */
export interface FirstFrame {
  lang: string;
  htmlClass: string;
  app: string;
}

/**
 * Runs in the page before its own scripts (a first module, extension-copy.ts; Firefox runs no preload script in an extension page):
 * copies the first frame's DOM into `globalThis.__firstFrame` when `mark` is set. Imports nothing.
 */
export function holdFirstFrame(mark: string): void {
  const original = performance.mark.bind(performance);
  const held = globalThis as unknown as { __firstFrame?: string };
  performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
    if (name === mark && held.__firstFrame === undefined) {
      const root = document.documentElement;
      const frame = {
        lang: root.lang,
        htmlClass: root.className,
        app: document.getElementById('app')?.innerHTML ?? '',
      };
      held.__firstFrame = JSON.stringify(frame);
    }
    return original(name, options);
  }) as typeof performance.mark;
}

/** Read back once the mark is seen (`page.evaluate`). */
export const heldFirstFrame = (): string | undefined =>
  (globalThis as unknown as { __firstFrame?: string }).__firstFrame;

const attribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The floor page: the script-less shell (extension-copy.ts) with the first frame's DOM already in its HTML
 * (`<html lang class>` and `<div id="app">`, as the popup had them) and one module, `moduleSrc`, that only
 * sets the mark after the next frame. No JSON, no innerHTML: the parser builds the content, the page's only
 * code waits for a frame.
 */
export function firstFramePage(shell: string, frameJson: string, moduleSrc: string): string {
  const frame = JSON.parse(frameJson) as FirstFrame;
  const withHtml = shell.replace(
    /<html\b[^>]*>/,
    () => `<html lang="${attribute(frame.lang)}"${frame.htmlClass ? ` class="${attribute(frame.htmlClass)}"` : ''}>`,
  );
  const withApp = withHtml.replace('<div id="app"></div>', () => `<div id="app">${frame.app}</div>`);
  if (withApp === withHtml) throw new Error('the popup shell has no empty <div id="app"></div>');
  return withApp.replace('</body>', `<script type="module" src="/${moduleSrc}"></script>\n</body>`);
}

/**
 * The reads floor's module (runs in the page; imports nothing, so it is written out with `toString`): asks for
 * what the popup's first frame waits for, the same calls the popup makes for `popup.html?tab=<id>` (its storage
 * watch, the tab, the tab's record in storage.session, settings, history and the "what's new" note in
 * storage.local: src/popup/popup-reads.ts), and only when all have answered shows the content (already in the
 * page's HTML, not displayed) and sets the mark after the next frame. The browser's own cost of a page that must
 * read the extension's state before it shows the popup's first frame: each API's first use in the page, then the
 * content's style, layout and paint. Native `browser` in Firefox, `chrome` otherwise: no polyfill, no bundle.
 */
export function readsThenShow(mark: string, sessionPrefix: string, localKeys: string[]): void {
  type Api = {
    tabs: { get(id: number): Promise<unknown> };
    storage: Record<'session' | 'local', { get(keys: string[]): Promise<unknown> }> & {
      onChanged: { addListener(listener: () => void): void };
    };
  };
  const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
  const api = (scope.browser ?? scope.chrome)!;
  const tabId = Number(new URLSearchParams(location.search).get('tab'));
  api.storage.onChanged.addListener(() => {});
  void Promise.all([
    api.tabs.get(tabId),
    api.storage.session.get([`${sessionPrefix}${tabId}`]),
    api.storage.local.get(localKeys),
  ]).then(() => {
    document.getElementById('app')!.style.removeProperty('display');
    requestAnimationFrame(() => setTimeout(() => performance.mark(mark)));
  });
}

/** The reads floor's page: the content floor's page with its content not displayed until `readsThenShow` shows it. */
export function readsFloorPage(shell: string, frameJson: string, moduleSrc: string): string {
  const page = firstFramePage(shell, frameJson, moduleSrc);
  const hidden = page.replace('<div id="app">', '<div id="app" style="display: none">');
  if (hidden === page) throw new Error('the content floor page has no <div id="app">');
  return hidden;
}
