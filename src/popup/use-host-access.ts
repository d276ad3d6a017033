// Whether the extension may read every site's responses (Firefox lets a person revoke host access): the
// popup waits for this answer with the tab's record; the notice itself is a lazy chunk (HostAccessNotice).
import browser from 'webextension-polyfill';
import { useLayoutEffect, useState } from 'preact/hooks';

export const ALL_SITES = { origins: ['<all_urls>'] };

/** null while checking; afterwards whether the extension may read every site's responses. */
export function useHostAccess(): boolean | null {
  const [granted, setGranted] = useState<boolean | null>(null);
  // Started with the first commit, like the tab's record (use-tab-state.ts): the popup waits for both.
  useLayoutEffect(() => {
    const check = () => void browser.permissions.contains(ALL_SITES).then(setGranted, () => setGranted(true));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return granted;
}
