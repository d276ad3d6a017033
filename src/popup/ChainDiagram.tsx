import type { Hop } from '../knowledge/explain';
import { t } from '../ui/i18n';
import { hopKey } from '../knowledge/knowledge-entry';

const HOPS: Hop[] = ['you', 'network', 'gateway', 'origin'];

/**
 * you → your network → gateway/CDN → the site's server, with the broken link marked in text and colour.
 * Hops past the broken one are unknown, unless `laterHopsWork` (the site answered a clean request).
 */
export function ChainDiagram({ failingHop, gatewayName, laterHopsWork = false }: { failingHop: Hop; gatewayName: string | null; laterHopsWork?: boolean }) {
  const failingIndex = HOPS.indexOf(failingHop);
  return (
    <figure class="chain" aria-label={t('chainLabel')}>
      <ol>
        {HOPS.map((hop, i) => {
          const state = i === failingIndex ? 'failed' : i < failingIndex || laterHopsWork ? 'ok' : 'unknown';
          const name = hop === 'gateway' && gatewayName ? gatewayName : t(hopKey(hop));
          return (
            <li key={hop} class={`hop hop--${state}`} aria-current={state === 'failed' ? 'step' : undefined}>
              <span class="hop-icon" aria-hidden="true">{state === 'ok' ? '✓' : state === 'failed' ? '✕' : '?'}</span>
              <span class="hop-name">{name}</span>
              <span class="visually-hidden">{t(`hopState_${state}`)}</span>
            </li>
          );
        })}
      </ol>
      <figcaption>{t('chainCaption', [failingHop === 'gateway' && gatewayName ? gatewayName : t(hopKey(failingHop))])}</figcaption>
    </figure>
  );
}
