// The popup's first frame as a static page: the floor for its content (issue 15). One popup open with a hook
// that copies the DOM at the moment the popup sets its explanation mark (the mark is set in the first effect
// after the frame that painted the explanation, before the sections below render: src/popup/IncidentView.tsx),
// then a page with the popup's HTML and CSS whose one small module puts that DOM in place, waits for the frame
// that paints it (as Preact's effects do: the next animation frame, then a task) and sets the same mark.
// What that page costs over the script-less shell is the browser's own: style, layout and paint of the content,
// with no code of the extension's. The DOM travels in the address's fragment (read synchronously, no storage).

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

/** The floor page's address: `page` (bench-first-frame.html?tab=…) with the frame in its fragment. */
export const firstFrameUrl = (pageUrl: string, frameJson: string): string =>
  `${pageUrl}#${encodeURIComponent(frameJson)}`;

/** The floor page's one module: the DOM from the fragment, then the mark after the frame that painted it. */
export function firstFrameModule(mark: string): string {
  return `const frame = JSON.parse(decodeURIComponent(location.hash.slice(1)));
document.documentElement.lang = frame.lang;
document.documentElement.className = frame.htmlClass;
document.getElementById('app').innerHTML = frame.app;
requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(mark)})));
`;
}
