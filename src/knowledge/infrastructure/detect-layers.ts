// Pure: every layer a response's headers show, outermost first. One pass over the registry's signals with
// map look-ups; header values are capped before any pattern runs.
import { ROLES } from '../../model/infrastructure';
import type { HeaderSignal, Infrastructure } from './entry';
import { registry } from './registry';

export type Headers = Record<string, string>;
const VALUE_LIMIT = 512;

/** Lower-case names, values capped: what every pattern below may assume. */
export function normaliseHeaders(headers: Record<string, string>): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(headers))
    out[name.toLowerCase()] = String(value).trim().slice(0, VALUE_LIMIT);
  return out;
}

function signalMatches(signal: HeaderSignal, h: Headers, names: string[]): boolean {
  if ('prefix' in signal) return names.some((name) => name.startsWith(signal.prefix));
  const value = h[signal.header];
  return value !== undefined && (signal.value === undefined || signal.value.test(value));
}

export interface LayerFound {
  entry: Infrastructure;
  /** A signal that only its own responses carry matched. */
  generated: boolean;
}

const roleRank = (entry: Infrastructure): number => ROLES.indexOf(entry.role);

export function detectLayers(headers: Headers): LayerFound[] {
  const names = Object.keys(headers);
  const found: LayerFound[] = [];
  for (const entry of registry().entries) {
    const matched = entry.headers.filter((signal) => signalMatches(signal, headers, names));
    if (matched.length) found.push({ entry, generated: matched.some((signal) => signal.generated === true) });
  }
  const hidden = new Set(found.flatMap(({ entry }) => entry.hides ?? []));
  // Stable sort: within a role, registry order.
  return found.filter(({ entry }) => !hidden.has(entry.id)).sort((a, b) => roleRank(a.entry) - roleRank(b.entry));
}
