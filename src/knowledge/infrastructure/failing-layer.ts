// Pure: which layer generated an error, from the headers alone (the page's own text, read later, can
// decide more: see src/knowledge/chain.ts). In order of strength: a vendor error header, RFC 9209
// Proxy-Status naming the proxy that hit the error, a signal only the layer's own responses carry, a status
// only that layer sends, and else the innermost layer that answers errors itself (a CDN or WAF passes
// the origin's errors on, so it is never chosen that way).
import type { ProxyStatusSeen } from '../../model/infrastructure';
import type { FailedLayer } from '../../model/fingerprint';
import { proxyErrorMeaning } from '../proxy-status';
import type { Infrastructure } from './entry';
import { registry } from './registry';
import { meaningFor } from './read-page';
import type { Headers, LayerFound } from './detect-layers';
import { defaultMeaning } from './role-defaults';

function failed(entry: Infrastructure, code: string | null, status: number, by: FailedLayer['by']): FailedLayer {
  const { meaningKey, fixer, hop } = meaningFor(entry, code, '', status) ?? defaultMeaning(entry.role);
  return { id: entry.id, name: entry.name, code, meaningKey, fixer, hop, by };
}

function fromErrorHeader(h: Headers, status: number, layers: LayerFound[]): FailedLayer | null {
  for (const entry of registry().entries) {
    for (const { header, value, onlyWhenShown } of entry.errorHeaders ?? []) {
      const sent = h[header];
      if (sent === undefined || sent === '') continue;
      if (onlyWhenShown && !layers.some((layer) => layer.entry.id === entry.id)) continue;
      const found = value ? value.exec(sent) : [sent];
      if (found) return failed(entry, (found[1] ?? found[0] ?? sent).slice(0, 100), status, 'error-header');
    }
  }
  return null;
}

/** A proxy name in Proxy-Status, as a known entry: "Cloudflare-Proxy" → cloudflare. */
function entryNamed(proxy: string): Infrastructure | undefined {
  const lower = proxy.toLowerCase();
  return registry().entries.find((entry) => lower.includes(entry.id) || lower.includes(entry.name.toLowerCase()));
}

function fromProxyStatus(seen: ProxyStatusSeen): FailedLayer {
  const entry = entryNamed(seen.proxy);
  return {
    id: entry?.id ?? null,
    name: entry?.name ?? seen.proxy,
    code: seen.error,
    ...proxyErrorMeaning(seen.error),
    by: 'proxy-status',
  };
}

export function decideFailingLayer(
  h: Headers,
  status: number,
  layers: LayerFound[],
  proxyStatus: ProxyStatusSeen | null,
): FailedLayer | null {
  if (status < 400) return null;
  const byHeader = fromErrorHeader(h, status, layers);
  if (byHeader) return byHeader;
  if (proxyStatus) return fromProxyStatus(proxyStatus);
  const innermostFirst = [...layers].reverse();
  const generated = innermostFirst.find((layer) => layer.generated);
  if (generated) return failed(generated.entry, null, status, 'generated');
  const owner = layers.find(({ entry }) => entry.statuses?.[status]?.owns);
  if (owner) return failed(owner.entry, null, status, 'status');
  // Past that, the innermost layer that answers by itself: a CDN or firewall passes errors on.
  const innermost = innermostFirst.find(
    ({ entry }) => entry.role !== 'cdn' && entry.role !== 'waf' && entry.role !== 'client-proxy',
  );
  return innermost ? failed(innermost.entry, null, status, 'innermost') : null;
}
