import type { Hop } from '../model/infrastructure';
import { chainNodes, type Chain } from '../knowledge/chain';
import { t } from '../ui/i18n';
import { hopKey } from '../knowledge/knowledge-entry';

/**
 * you → your network → every layer found (CDN, load balancer, server software …) → the site's server, with
 * the broken link marked in text and colour. Links past the broken one are unknown, unless `laterHopsWork`
 * (the site answered a clean request).
 */
export function ChainDiagram({
  chain,
  failingHop,
  laterHopsWork = false,
}: {
  chain: Chain;
  failingHop: Hop;
  laterHopsWork?: boolean;
}) {
  const { nodes, failedIndex } = chainNodes(chain, failingHop);
  const label = (i: number) => nodes[i]?.name ?? t(hopKey(nodes[i]?.hop ?? failingHop));
  return (
    <figure class="chain" aria-label={t('chainLabel')}>
      <ol style={{ '--hops': nodes.length }}>
        {nodes.map((node, i) => {
          const state = i === failedIndex ? 'failed' : i < failedIndex || laterHopsWork ? 'ok' : 'unknown';
          return (
            <li
              key={`${i}-${node.hop}`}
              class={`hop hop--${state}`}
              aria-current={state === 'failed' ? 'step' : undefined}
            >
              <span class="hop-icon" aria-hidden="true">
                {state === 'ok' ? '✓' : state === 'failed' ? '✕' : '?'}
              </span>
              <span class="hop-name">{label(i)}</span>
              {node.detail && <span class="hop-detail">{node.detail}</span>}
              <span class="visually-hidden">{t(`hopState_${state}`)}</span>
            </li>
          );
        })}
      </ol>
      <figcaption>{t('chainCaption', [label(failedIndex)])}</figcaption>
    </figure>
  );
}
