// The cold-start baseline (issue 15): a second, tiny extension whose service worker registers the same
// listeners as src/background/index.ts, with the same filters, and does nothing in them. Same manifest
// (permissions, host access), same prologue (background-probe.ts) as the bench's copy of the real one.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backgroundEpilogueSource, backgroundProbeSource } from './background-probe';
import { SHELL_PAGE, type ExtensionCopy } from './extension-copy';

/**
 * index.ts's listeners, in its order, each doing nothing — except that a failing response is recorded the
 * way the real worker's first failure ends: its badge set and one storage.session write of the tab's record
 * (same key, an incident with the address), so both sides stop at the same observed moment (storage.onChanged).
 */
const EMPTY_WORKER = `const nothing = () => {};
const pages = { urls: ['<all_urls>'], types: ['main_frame'] };
const record = (d) => {
  if (d.tabId < 0 || d.statusCode < 500) return;
  chrome.action.setBadgeText({ tabId: d.tabId, text: String(d.statusCode) });
  chrome.storage.session.set({ ['tab:' + d.tabId]: { tabId: d.tabId, incident: { url: d.url } } });
};
chrome.webRequest.onHeadersReceived.addListener(record, pages, ['responseHeaders']);
chrome.webRequest.onCompleted.addListener(nothing, pages);
chrome.webRequest.onErrorOccurred.addListener(nothing, pages);
chrome.webNavigation.onCommitted.addListener(nothing);
chrome.webNavigation.onDOMContentLoaded.addListener(nothing);
chrome.webNavigation.onCompleted.addListener(nothing);
chrome.webNavigation.onErrorOccurred.addListener(nothing);
chrome.tabs.onRemoved.addListener(nothing);
chrome.webNavigation.onCommitted.addListener(nothing);
chrome.webNavigation.onDOMContentLoaded.addListener(nothing);
chrome.webNavigation.onErrorOccurred.addListener(nothing);
chrome.tabs.onRemoved.addListener(nothing);
chrome.runtime.onMessage.addListener(nothing);
chrome.runtime.onConnect.addListener(nothing);
chrome.runtime.onInstalled.addListener(nothing);
chrome.alarms.onAlarm.addListener(nothing);
chrome.notifications.onClicked.addListener(nothing);
`;

/** The do-nothing extension, next to the built one whose manifest it copies. */
export async function emptyWorkerExtension(dist: string): Promise<ExtensionCopy> {
  const root = await mkdtemp(join(tmpdir(), 'epe-bench-empty-'));
  const dir = join(root, 'extension');
  try {
    await mkdir(dir);
    const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // Only what the worker needs: no pages, icons, locales or commands (names must not point at missing files).
    const keep = ['manifest_version', 'version', 'permissions', 'host_permissions', 'minimum_chrome_version'];
    const empty = Object.fromEntries(Object.entries(manifest).filter(([key]) => keep.includes(key)));
    // The same kind of worker as the real one (classic since the steps load on demand: a module only if it is).
    const { type } = (manifest.background ?? {}) as { type?: string };
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify(
        {
          ...empty,
          name: 'Bench: empty worker',
          action: {},
          background: { service_worker: 'background.js', ...(type ? { type } : {}) },
        },
        null,
        2,
      ),
    );
    await writeFile(join(dir, 'background.js'), backgroundProbeSource() + EMPTY_WORKER + backgroundEpilogueSource());
    await writeFile(join(dir, SHELL_PAGE), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
    return { dir, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
