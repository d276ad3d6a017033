// A 4xx in the tab (404, 403, 429 …): what the code means and what the person can do, in one or two
// lines, with who refused, what their page says (a WAF's reference) and the ids to quote. Not an outage: no
// chain, no steps; a rate limit gets "tell me when it's back". Loaded on demand (PopupApp): few tabs need it.
import type { ClientError } from '../model/incident';
import type { WatchState } from '../model/watch';
import { explainClientError } from '../knowledge/client-errors';
import { parseRetryAfter } from '../knowledge/retry-after';
import { formatDuration } from '../knowledge/format';
import { uiLocale } from '../platform/ui-locale';
import { hostOf } from '../model/url-parts';
import { t } from '../ui/i18n';
import { ErrorBodyReason } from './ErrorBodyReason';
import { TraceIds } from './TraceIds';
import { WatchPanel } from './WatchPanel';

/** `watch`: the tab's current watch of this refusal (a rate limit), from the record the popup follows. */
export function ClientErrorView({
  tabId,
  refusal,
  watch,
}: {
  tabId: number;
  refusal: ClientError;
  watch: WatchState | undefined;
}) {
  const explanation = explainClientError(refusal, refusal.page?.reason ?? null);
  const retryAt = parseRetryAfter(refusal.headers['retry-after'], refusal.lastSeenAt);
  return (
    <main class="popup popup--calm client-error">
      <header class="incident-header">
        <span class="code code--client">{String(refusal.failure.status)}</span>
        <div>
          <h1 class="title">{t(explanation.titleKey)}</h1>
          <p class="url" title={refusal.url}>
            {hostOf(refusal.url)}
          </p>
        </div>
      </header>
      <p class="summary">{t(explanation.bodyKey, explanation.args)}</p>
      <ErrorBodyReason incident={refusal} />
      {retryAt !== null && (
        // Retry-After 0 (or a date already past) means now: never "try again in 0 ms".
        <p class="retry-after">
          {retryAt - refusal.lastSeenAt <= 0
            ? t('retryAfterNow')
            : t('retryAfterLine', [formatDuration(retryAt - refusal.lastSeenAt, uiLocale())])}
        </p>
      )}
      {explanation.watchable && <WatchPanel tabId={tabId} watch={watch} />}
      <TraceIds ids={refusal.fingerprint.traceIds} ip={undefined} />
    </main>
  );
}
