import browser from 'webextension-polyfill';
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { IncidentView } from '../popup/IncidentView';
import { PinPicture } from './PinPicture';
import { sampleIncident } from './sample-incident';

/** What the extension does, how to keep its icon in sight, what the popup looks like, and the privacy promises. */
export function WelcomePage() {
  const [incident] = useState(() => sampleIncident(Date.now()));
  const isFirefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return (
    <main class="welcome">
      <header>
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeWhat')}</p>
      </header>
      <section aria-labelledby="welcome-find">
        <h2 id="welcome-find">{t('welcomeFindHeading')}</h2>
        <p>{t('welcomeFindBody')}</p>
        {isFirefox ? <p>{t('welcomePinFirefox')}</p> : <PinPicture />}
      </section>
      <section aria-labelledby="welcome-example" class="welcome-example">
        <h2 id="welcome-example">{t('welcomeExampleHeading')}</h2>
        <p>{t('welcomeExampleBody')}</p>
        {/* The popup's own components on a sample failure, without actions; inert: nothing in it can be used. */}
        <div class="sample-popup" inert aria-label={t('welcomeExampleLabel')} role="img">
          <IncidentView tabId={-1} incident={incident} sample />
        </div>
      </section>
      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <ul class="privacy">
          <li>{t('welcomePrivacy1')}</li>
          <li>{t('welcomePrivacy2')}</li>
          <li>{t('welcomePrivacy3')}</li>
        </ul>
      </section>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupSettingsLink')}
        </button>
      </p>
    </main>
  );
}
