// Which browser and operating system we run in: the few answers that change what a step can do or say.
import browser from 'webextension-polyfill';

export type BrowserKind = 'firefox' | 'chrome';
export type PlatformOs = 'win' | 'mac' | 'linux' | 'cros' | 'android' | 'other';

/** Firefox alone has runtime.getBrowserInfo (Chrome, Edge and other Chromium browsers do not). */
export function browserKind(): BrowserKind {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function' ? 'firefox' : 'chrome';
}

export async function platformOs(): Promise<PlatformOs> {
  try {
    const { os } = await browser.runtime.getPlatformInfo();
    return os === 'win' || os === 'mac' || os === 'linux' || os === 'cros' || os === 'android' ? os : 'other';
  } catch {
    return 'other';
  }
}
