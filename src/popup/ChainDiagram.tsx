import type { Hop } from '../knowledge/explain';
import { t } from '../ui/i18n';

const HOPS: Hop[] = ['you', 'network', 'gateway', 'origin'];

/** you → your network → gateway/CDN → the site's server, with the broken link marked in text and colour. */
export function ChainDiagram({ failingHop, gatewayName }: { failingHop: Hop; gatewayName: string | null }) {
  const failingIndex = HOPS.indexOf(failingHop);
  return (
    <figure class="chain" aria-label={t('chainLabel')}>
      <ol>
        {HOPS.map((hop, i) => {
          const state = i < failingIndex ? 'ok' : i === failingIndex ? 'failed' : 'unknown';
          const name = hop === 'gateway' && gatewayName ? gatewayName : t(`hop_${hop}`);
          return (
            <li key={hop} class={`hop hop--${state}`} aria-current={state === 'failed' ? 'step' : undefined}>
              <span class="hop-icon" aria-hidden="true">{state === 'ok' ? '✓' : state === 'failed' ? '✕' : '?'}</span>
              <span class="hop-name">{name}</span>
              <span class="visually-hidden">{t(`hopState_${state}`)}</span>
            </li>
          );
        })}
      </ol>
      <figcaption>{t('chainCaption', [failingHop === 'gateway' && gatewayName ? gatewayName : t(`hop_${failingHop}`)])}</figcaption>
    </figure>
  );
}
