// Pure, and light enough for the popup: the layers a response passed through and the one that generated the
// error, combining what the headers told the background (Fingerprint) with what the page itself says
// (its own text decides: a CDN passing an origin's error page on is not the layer that failed).
import type { Fingerprint } from '../model/fingerprint';
import { ROLES, type Fixer, type Hop, type InfraId, type LayerSeen } from '../model/infrastructure';
import type { BodyReason } from '../model/body-reason';

export interface FailingLayer {
  id: InfraId | null;
  name: string;
  /** The vendor's code (from the page or its error header), when there is one. */
  code: string | null;
  meaningKey: string | null;
  fixer: Fixer | null;
  hop: Hop | null;
}

export interface Chain {
  /** Outermost (closest to the person) first. */
  layers: LayerSeen[];
  failed: FailingLayer | null;
}

const rank = (layer: LayerSeen): number => ROLES.indexOf(layer.role);

export function resolveChain(fingerprint: Fingerprint, page: BodyReason | null): Chain {
  const layers = [...(fingerprint.layers ?? [])];
  if (page && !layers.some((l) => l.id === page.platform)) {
    const at = layers.findIndex((l) => rank(l) > ROLES.indexOf(page.role));
    layers.splice(at === -1 ? layers.length : at, 0, { id: page.platform, name: page.name, role: page.role });
  }
  const fromHeaders = fingerprint.failed ?? null;
  const failed: FailingLayer | null = page
    ? {
        id: page.platform,
        name: page.name,
        code: page.code,
        meaningKey: page.meaningKey ?? null,
        fixer: page.fixer ?? null,
        hop: page.hop ?? null,
      }
    : fromHeaders && {
        id: fromHeaders.id,
        name: fromHeaders.name,
        code: fromHeaders.code,
        meaningKey: fromHeaders.meaningKey,
        fixer: fromHeaders.fixer,
        hop: fromHeaders.hop,
      };
  return { layers, failed };
}

/** One link of the chain diagram: a hop of the request's way, named after the layer found there when known. */
export interface ChainNode {
  hop: Hop;
  /** The layer's product name; null: the hop's own words ("You", "Your network", "The site's server"). */
  name: string | null;
  /** Proxies on the person's own network, named inside "Your network" (they are part of it). */
  detail: string | null;
  id: InfraId | null;
}

const SITE_SIDE_START = ROLES.indexOf('cdn');

/**
 * The diagram's links, in order — you, your network, every site-side layer found (outermost first), the
 * site's server — and which one broke: the hop where it failed, and on the gateway hop the very layer
 * that generated the error. Without a site-side layer a generic gateway link stands in for them.
 */
export function chainNodes(chain: Chain, failingHop: Hop): { nodes: ChainNode[]; failedIndex: number } {
  const proxies = chain.layers.filter((l) => rank(l) < SITE_SIDE_START).map((l) => l.name);
  const siteLayers = chain.layers.filter((l) => rank(l) >= SITE_SIDE_START);
  const nodes: ChainNode[] = [
    { hop: 'you', name: null, detail: null, id: null },
    { hop: 'network', name: null, detail: proxies.length ? proxies.join(', ') : null, id: null },
    ...(siteLayers.length
      ? siteLayers.map((l): ChainNode => ({ hop: 'gateway', name: l.name, detail: null, id: l.id }))
      : [{ hop: 'gateway' as const, name: null, detail: null, id: null }]),
    { hop: 'origin', name: null, detail: null, id: null },
  ];
  const generated =
    failingHop === 'gateway' && chain.failed ? nodes.findIndex((n) => n.id !== null && n.id === chain.failed!.id) : -1;
  return { nodes, failedIndex: generated !== -1 ? generated : nodes.findIndex((n) => n.hop === failingHop) };
}
