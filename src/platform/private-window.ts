// Opening the page in a private window. Chrome opens one even for an extension not allowed in incognito,
// but then hides its tabs from the extension; Firefox refuses to open it at all unless the person allowed
// the extension in private windows.
import browser from 'webextension-polyfill';

export type PrivateWindowOpening =
  /** Open, and its tab is visible to the extension (so its loads can be watched). */
  | { opened: true; tabId: number; windowId: number }
  /** Open, but the extension cannot see its tab. */
  | { opened: true; tabId: null; windowId: number | null }
  /** The browser refused (Firefox without the private-window permission). */
  | { opened: false; reason: string };

export async function isAllowedInPrivateWindows(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedIncognitoAccess();
  } catch {
    return false;
  }
}

export async function openPrivateWindow(url: string, allowed: boolean): Promise<PrivateWindowOpening> {
  try {
    // Chrome opens the window but resolves with nothing when the extension is not allowed in incognito.
    const created: browser.Windows.Window | undefined = await browser.windows.create({ incognito: true, url });
    const tabId = allowed ? created?.tabs?.[0]?.id : undefined;
    return tabId === undefined
      ? { opened: true, tabId: null, windowId: created?.id ?? null }
      : { opened: true, tabId, windowId: created?.id ?? -1 };
  } catch (error) {
    return {
      opened: false,
      reason: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
    };
  }
}
