// Firefox lets a person revoke host access (MV3 host permissions are optional there). Without it the
// extension sees no status codes at all, so say so plainly and offer to ask again. Loaded on demand
// (PopupApp): only a popup without host access shows it.
import browser from 'webextension-polyfill';
import { useEffect } from 'preact/hooks';
import { t } from '../ui/i18n';

import { ALL_SITES } from './use-host-access';

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

/**
 * Access was just given back while the popup is open: what the popup read of the tab (no URL, no record)
 * dates from before, so ask for a reload and start over once the tab has loaded again.
 */
export function HostAccessRestored({ tabId }: { tabId: number }) {
  useEffect(() => {
    const onUpdated = (id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && change.status === 'complete') location.reload();
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => browser.tabs.onUpdated.removeListener(onUpdated);
  }, [tabId]);
  return (
    <section class="host-access" role="status" aria-labelledby="host-access-heading">
      <h2 id="host-access-heading">{t('hostAccessGrantedTitle')}</h2>
      <p>{t('hostAccessGrantedBody')}</p>
      <button type="button" class="primary" onClick={() => void browser.tabs.reload(tabId).catch(() => undefined)}>
        {t('hostAccessReload')}
      </button>
    </section>
  );
}

/** The whole popup without host access (`restoredTabId`: access came back while it was open, for that tab). */
export function HostAccessPage({ restoredTabId }: { restoredTabId: number | null }) {
  return (
    <main class="popup">
      {restoredTabId === null ? <HostAccessNotice /> : <HostAccessRestored tabId={restoredTabId} />}
    </main>
  );
}
