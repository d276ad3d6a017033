// Firefox's own floor for figure 3d: a do-nothing event page that does only what the badge and the page's
// reason need, each at the first moment it can — setBadgeText in its onHeadersReceived listener, the same
// scripting.executeScript read at the page's DOMContentLoaded, one storage.session.set. Same permissions,
// same prologue (background-probe.ts), installed through the same harness as the bench's copy of the real one.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundProbeSource } from './background-probe';
import { SHELL_PAGE, type ExtensionCopy } from './extension-copy';

const FLOOR_PAGE = `const pages = { urls: ['<all_urls>'], types: ['main_frame'] };
const failing = new Map();
const ready = new Map();
const read = (tabId, url) => {
  failing.delete(tabId);
  browser.scripting
    .executeScript({
      target: { tabId, frameIds: [0] },
      func: (limit) => (document.title + '\\n' + (document.body ? document.body.innerText : '')).slice(0, limit),
      args: [32 * 1024],
      injectImmediately: true,
    })
    .then(() => browser.storage.session.set({ ['tab:' + tabId]: { tabId, incident: { url, page: { readAt: Date.now() } } } }));
};
browser.webRequest.onHeadersReceived.addListener(
  (d) => {
    if (d.tabId < 0 || d.frameId !== 0 || d.statusCode < 500) return;
    browser.action.setBadgeText({ tabId: d.tabId, text: String(d.statusCode) });
    failing.set(d.tabId, { url: d.url, at: d.timeStamp });
    // webRequest and webNavigation are not ordered between them: the document may be ready already.
    if ((ready.get(d.tabId) ?? -1) >= d.timeStamp) read(d.tabId, d.url);
  },
  pages,
  ['responseHeaders'],
);
browser.webNavigation.onDOMContentLoaded.addListener((d) => {
  if (d.frameId !== 0) return;
  ready.set(d.tabId, d.timeStamp);
  const pending = failing.get(d.tabId);
  if (pending && d.timeStamp >= pending.at) read(d.tabId, pending.url);
});
browser.tabs.onRemoved.addListener((tabId) => (failing.delete(tabId), ready.delete(tabId)));
// The harness waits for an answer before its first navigation.
browser.runtime.onMessage.addListener(() => Promise.resolve({}));
`;

/** The floor extension, with the real one's permissions (dist: the built Firefox extension). */
export async function firefoxFloorExtension(dist: string): Promise<ExtensionCopy> {
  const root = await mkdtemp(join(tmpdir(), 'epe-bench-floor-'));
  const dir = join(root, 'extension');
  try {
    await mkdir(dir);
    const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const keep = ['manifest_version', 'version', 'permissions', 'host_permissions', 'browser_specific_settings'];
    const floor = Object.fromEntries(Object.entries(manifest).filter(([key]) => keep.includes(key)));
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify(
        {
          ...floor,
          name: 'Bench: do-nothing event page',
          action: {},
          background: { scripts: ['bench-probe.js', 'floor.js'] },
        },
        null,
        2,
      ),
    );
    await writeFile(join(dir, 'bench-probe.js'), backgroundProbeSource());
    await writeFile(join(dir, 'floor.js'), FLOOR_PAGE);
    const page = '<!doctype html><meta charset="utf-8"><title>bench</title>\n';
    // The harness opens options.html as its probe page; the bench listens in the shell page.
    await Promise.all([writeFile(join(dir, SHELL_PAGE), page), writeFile(join(dir, 'options.html'), page)]);
    return { dir, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
