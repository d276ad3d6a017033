// Pure: the response headers of a failing navigation → every layer it passed through, the one that
// generated the error, the ids worth quoting, and what Proxy-Status / Cache-Status say. Runs in the
// background once per recorded failure; the popup renders the stored result without these tables.
import type { LayerSeen } from '../../model/infrastructure';
import type { EdgeId, Fingerprint, ServerId, TraceId } from '../../model/fingerprint';
import { EDGE_IDS, SERVER_IDS } from '../../model/fingerprint';
import { parseCacheStatus } from '../cache-status';
import { parseProxyStatus } from '../proxy-status';
import { detectLayers, normaliseHeaders, type Headers, type LayerFound } from './detect-layers';
import { decideFailingLayer } from './failing-layer';
import { registry } from './registry';

/** Request ids that no one vendor owns, after every entry's own. */
const GENERIC_TRACE_IDS = ['x-request-id', 'x-trace-id', 'x-correlation-id', 'request-id', 'traceparent'];
const MAX_TRACE_IDS = 8;
const MAX_TRACE_VALUE = 200;

/** Every header quoted as a request / trace id: every entry's, then the generic ones. */
export function traceIdNames(): ReadonlySet<string> {
  return new Set([...registry().traceIds, ...GENERIC_TRACE_IDS]);
}

function traceIds(h: Headers, layers: LayerFound[]): TraceId[] {
  // The layers found first (outermost first), then any other vendor's, then the generic ones.
  const names = new Set([...layers.flatMap(({ entry }) => entry.traceIds ?? []), ...traceIdNames()]);
  const found: TraceId[] = [];
  for (const header of names) {
    const value = h[header];
    if (!value) continue;
    found.push({ header, value: value.slice(0, MAX_TRACE_VALUE) });
    if (found.length === MAX_TRACE_IDS) break;
  }
  return found;
}

/** The coarse edge / server view older code reads (status pages, owner checklist, report). */
function legacyView(layers: LayerSeen[]): { edge: EdgeId | null; server: ServerId | null } {
  const asEdge = (id: string): EdgeId | null =>
    id === 'google-frontend' ? 'google' : (EDGE_IDS as readonly string[]).includes(id) ? (id as EdgeId) : null;
  const edge = layers.map((l) => asEdge(l.id)).find((id) => id !== null) ?? null;
  const server =
    (layers
      .map((l) => l.id)
      .reverse()
      .find((id) => (SERVER_IDS as readonly string[]).includes(id)) as ServerId | undefined) ?? null;
  return { edge, server };
}

export function analyseResponse(headers: Record<string, string>, status: number): Fingerprint {
  const h = normaliseHeaders(headers);
  const found = detectLayers(h);
  const proxyStatus = parseProxyStatus(h['proxy-status']);
  const failed = decideFailingLayer(h, status, found, proxyStatus);
  const layers: LayerSeen[] = found.map(({ entry }) => ({ id: entry.id, name: entry.name, role: entry.role }));
  // A layer known only by its error header or Proxy-Status name still belongs in the chain.
  if (failed?.id && !layers.some((l) => l.id === failed.id)) {
    const entry = registry().byId.get(failed.id)!;
    layers.push({ id: entry.id, name: entry.name, role: entry.role });
  }
  const cacheStatus = parseCacheStatus(h['cache-status']);
  return {
    ...legacyView(layers),
    traceIds: traceIds(h, found),
    layers,
    failed,
    ...(proxyStatus ? { proxyStatus } : {}),
    ...(cacheStatus.length ? { cacheStatus } : {}),
  };
}
