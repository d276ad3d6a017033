import type { Settings } from '../model/settings';
import { t } from '../ui/i18n';
import { contactedHosts } from './contacted-hosts';

/** Privacy: the hosts the extension can contact with the current settings, and when. */
export function ContactedHosts({ settings }: { settings: Settings }) {
  return (
    <section class="section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('optionsSectionPrivacy')}</h2>
      <p class="hint">{t('optionsPrivacyIntro')}</p>
      <div class="hosts-scroll">
        <table class="hosts">
          <thead>
            <tr>
              <th scope="col">{t('hostsColHost')}</th>
              <th scope="col">{t('hostsColWhy')}</th>
              <th scope="col">{t('hostsColWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {contactedHosts(settings).map((h) => (
              <tr key={`${h.host ?? ''} ${h.when}`} class={h.when === 'thirdPartyOff' ? 'hosts--off' : undefined}>
                <td>{h.host === null ? t('hostSiteItself') : <code>{h.host}</code>}</td>
                <td data-label={t('hostsColWhy')}>
                  {h.purposes.map((p) => (
                    <span key={p} class="purpose">
                      {t(`hostPurpose_${p}`)}
                    </span>
                  ))}
                </td>
                <td data-label={t('hostsColWhen')}>{t(`hostWhen_${h.when}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
