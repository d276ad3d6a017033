// The notice inside a failing page. `injectErrorNotice` is handed to scripting.executeScript, which sends its
// source text, not its closure: it must stand alone (no imports, no outer variables) and gets its words as
// an argument. It runs in the extension's isolated world, so page script sees neither its variables nor its
// prototypes; the closed shadow root keeps the notice's text and buttons out of the page's DOM.

export interface NoticeTexts {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Accessible name of the notice ("Error Page Explainer"). */
  label: string;
  /** The one line: what failed, e.g. "502 from nginx — the site's server failed, not you." */
  line: string;
  open: string;
  mute: string;
  close: string;
}

/** The notice's own element name: unlikely to match a page's selectors, and allowed to host a shadow root. */
export const NOTICE_TAG = 'error-page-explainer-notice';
/** Where the isolated world keeps the notice's root: one notice per document; tests read its text there. */
export const NOTICE_GLOBAL = '__errorPageExplainerNotice';

export function injectErrorNotice(texts: NoticeTexts, tag: string, globalName: string): boolean {
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[globalName]) return false;
  type Runtime = { sendMessage(message: unknown): Promise<unknown> };
  const ext = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  const runtime = (ext.browser ?? ext.chrome)?.runtime;

  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  // `all: initial !important` on :host beats any page rule on the element (inner !important wins the
  // cascade); everything inside the shadow root is out of the page's reach.
  const css = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important;
  inset-block-start: 12px !important; inset-inline-end: 12px !important; display: block !important;
  max-inline-size: min(26rem, calc(100vw - 24px)) !important; }
.box { box-sizing: border-box; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-inline-start: 4px solid #cf222e;
  border-radius: 8px; padding: 10px 36px 10px 12px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.18); position: relative; }
.name { margin: 0 0 2px; font-size: 12px; color: #57606a; }
.line { margin: 0 0 8px; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; font-size: 13px; border-radius: 6px; padding: 4px 10px; cursor: pointer;
  border: 1px solid #d0d7de; background: #f6f8fa; color: inherit; }
button.primary { background: #0969da; border-color: #0969da; color: #fff; }
button.close { position: absolute; inset-block-start: 6px; inset-inline-end: 6px; padding: 0 7px;
  border: 0; background: transparent; font-size: 18px; line-height: 24px; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6edf3; background: #161b22; border-color: #30363d; border-inline-start-color: #f85149; }
  .name { color: #8d96a0; }
  button { background: #21262d; border-color: #30363d; }
  button.primary { background: #1f6feb; border-color: #1f6feb; }
  button.close { background: transparent; }
  button:focus-visible { outline-color: #4493f8; }
}`;
  // A constructed sheet is outside the page's CSP (style-src 'none' blocks a <style>); fall back to one
  // where adopting is not possible.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    /* below */
  }
  if (root.adoptedStyleSheets.length === 0) {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }

  const box = document.createElement('section');
  box.className = 'box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', texts.label);
  box.lang = texts.lang;
  box.dir = texts.dir;
  const name = document.createElement('p');
  name.className = 'name';
  name.textContent = texts.label;
  const line = document.createElement('p');
  line.className = 'line';
  line.textContent = texts.line;
  const button = (text: string, className: string, onClick: () => void) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  };
  const remove = () => host.remove();
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(
    button(texts.open, 'primary', () => void runtime?.sendMessage({ type: 'notice-open-steps' })),
    button(texts.mute, 'mute', () => {
      remove();
      void runtime?.sendMessage({ type: 'notice-mute-site' });
    }),
  );
  const close = button('×', 'close', remove);
  close.setAttribute('aria-label', texts.close);
  close.title = texts.close;
  box.append(name, line, actions, close);
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') remove();
  });
  root.append(box);
  world[globalName] = root;
  (document.body ?? document.documentElement).append(host);
  return true;
}
