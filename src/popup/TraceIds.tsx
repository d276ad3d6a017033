import type { TraceId } from '../model/fingerprint';
import { t } from '../ui/i18n';

/** The ids a site owner can look up in their logs, plus the address the browser connected to. */
export function TraceIds({ ids, ip }: { ids: TraceId[]; ip: string | undefined }) {
  if (ids.length === 0 && !ip) return null;
  return (
    <dl class="trace-ids" aria-label={t('traceIdsLabel')}>
      {ids.map((id) => (
        <div key={id.header}>
          <dt>{id.header}</dt>
          <dd>
            <code>{id.value}</code>
          </dd>
        </div>
      ))}
      {ip && (
        <div>
          <dt>{t('connectedIpLabel')}</dt>
          <dd>
            <code>{ip}</code>
          </dd>
        </div>
      )}
    </dl>
  );
}
