// "The error page says: FUNCTION_INVOCATION_TIMEOUT (id iad1::…)" — what the page's own text named: read from
// the tab when the failure was recorded (incident.page), else from the clean-request step's fresh response.
// Rendered as text only: it came from the failing site.
import type { Incident } from '../model/incident';
import { bodyReasonKey, storedBodyReason, type BodyPlatform } from '../knowledge/body-reason';
import { t } from '../ui/i18n';

const PLATFORM_NAMES: Record<BodyPlatform, string> = {
  vercel: 'Vercel',
  cloudflare: 'Cloudflare',
  akamai: 'Akamai',
  cloudfront: 'Amazon CloudFront',
  heroku: 'Heroku',
  nginx: 'nginx',
};

export function ErrorBodyReason({ incident }: { incident: Incident }) {
  const reason = incident.page?.reason ?? storedBodyReason(incident.checks);
  if (!reason) return null;
  const name = PLATFORM_NAMES[reason.platform];
  const showCode = reason.platform !== 'nginx';
  return (
    <section class="context body-reason" aria-label={t('bodyReasonLabel')}>
      <p>
        <strong>{t('bodyReasonHeading', [name])}</strong>
        {/* nginx's stock page has no code of its own: our internal id would only confuse. */}
        {showCode && <> <code>{reason.code}</code></>}
        {reason.reference && (
          <>
            {/* The separator only between two items (the screenshot showed "says: · reference"). */}
            {showCode ? ' · ' : ' '}
            {t('bodyReasonReference')} <code>{reason.reference}</code>
          </>
        )}
      </p>
      <p>{t(bodyReasonKey(reason), [reason.code])}</p>
    </section>
  );
}
