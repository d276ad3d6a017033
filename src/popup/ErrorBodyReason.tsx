// "What the page itself says": the vendor's own code, its meaning in plain words and any reference number,
// from the tab's own page (read in the background when the error was recorded) or else the clean request's
// fresh one; failing both, what the vendor's error header said. Rendered as text only: it came from the
// failing site.
import type { Incident } from '../model/incident';
import type { CheckStates } from '../model/checks';
import { bodyReasonKey, storedBodyReason } from '../knowledge/body-reason';
import { t } from '../ui/i18n';

/** `incident`: a 5xx incident, or a refusal (a 4xx: no steps, so no clean request's reading). */
export function ErrorBodyReason({
  incident,
}: {
  incident: Pick<Incident, 'page' | 'fingerprint'> & { checks?: CheckStates };
}) {
  const page = incident.page?.reason ?? (incident.checks ? storedBodyReason(incident.checks) : null);
  const failed = incident.fingerprint.failed;
  // A vendor error header (x-vercel-error, x-squid-error, x-amzn-errortype) says as much as a page.
  const fromHeader = !page && failed && failed.by === 'error-header' ? failed : null;
  const said = page ?? fromHeader;
  if (!said) return null;
  const code = said.code;
  const reference = page?.reference;
  const meaningKey = page ? bodyReasonKey(page) : fromHeader!.meaningKey;
  return (
    <section class="context body-reason" aria-label={t('bodyReasonLabel')}>
      <p>
        <strong>{t(page ? 'bodyReasonHeading' : 'bodyReasonHeaderHeading', [said.name])}</strong>
        {code !== null && (
          <>
            {' '}
            <code>{code}</code>
          </>
        )}
        {reference && (
          <>
            {/* The separator only between two items (the screenshot showed "says: · reference"). */}
            {code !== null ? ' · ' : ' '}
            {t('bodyReasonReference')} <code>{reference}</code>
          </>
        )}
      </p>
      <p>{t(meaningKey, [code ?? '', said.name])}</p>
    </section>
  );
}
