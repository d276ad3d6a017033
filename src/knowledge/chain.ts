// Pure, and light enough for the popup: the layers a response passed through and the one that generated the
// error, combining what the headers told the background (Fingerprint) with what the page itself says
// (its own text decides: a CDN passing an origin's error page on is not the layer that failed).
import type { Fingerprint } from '../model/fingerprint';
import { ROLES, type Fixer, type Hop, type InfraId, type LayerSeen } from '../model/infrastructure';
import type { BodyReason } from './body-reason';

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
    ? { id: page.platform, name: page.name, code: page.code, meaningKey: page.meaningKey ?? null, fixer: page.fixer ?? null, hop: page.hop ?? null }
    : fromHeaders && { id: fromHeaders.id, name: fromHeaders.name, code: fromHeaders.code, meaningKey: fromHeaders.meaningKey, fixer: fromHeaders.fixer, hop: fromHeaders.hop };
  return { layers, failed };
}
