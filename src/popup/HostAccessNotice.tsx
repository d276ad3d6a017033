// Firefox lets a person revoke host access (MV3 host permissions are optional there). Without it the
// extension sees no status codes at all, so say so plainly and offer to ask again.
import browser from 'webextension-polyfill';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';

const ALL_SITES = { origins: ['<all_urls>'] };

/** null while checking; afterwards whether the extension may read every site's responses. */
export function useHostAccess(): boolean | null {
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
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

export function HostAccessNotice() {
  // permissions.request needs the click's user gesture: call it directly in the handler.
  const ask = () => void browser.permissions.request(ALL_SITES).catch(() => false);
  return (
    <section class="host-access" role="alert" aria-labelledby="host-access-heading">
      <h2 id="host-access-heading">{t('hostAccessTitle')}</h2>
      <p>{t('hostAccessBody')}</p>
      <button type="button" class="primary" onClick={ask}>
        {t('hostAccessButton')}
      </button>
    </section>
  );
}
