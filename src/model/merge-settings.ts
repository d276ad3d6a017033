// Pure: stored settings (possibly partial, old or corrupt) → complete, valid settings.
import { DEFAULT_SETTINGS, type Endpoints, type Settings } from './settings';
import { isObject } from './json-shape';

export function mergeSettings(stored: unknown): Settings {
  if (!isObject(stored)) return structuredClone(DEFAULT_SETTINGS);
  const merged = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    if (key === 'endpoints' || key === 'version') continue;
    const value = mergeValue(stored[key], fallback);
    if (value !== undefined) merged[key] = value;
  }
  const endpoints = isObject(stored.endpoints) ? stored.endpoints : {};
  const mergedEndpoints = merged.endpoints as Endpoints;
  for (const key of Object.keys(mergedEndpoints) as (keyof Endpoints)[]) {
    const merged = mergeValue(endpoints[key], mergedEndpoints[key]);
    if (merged !== undefined) (mergedEndpoints as unknown as Record<string, unknown>)[key] = merged;
  }
  return merged as unknown as Settings;
}

/**
 * A stored value of the same shape as the default, or undefined to keep the default. Objects merge key by
 * key (typeof null, [] and {} are all 'object': a corrupt captivePortal must never reach the network step).
 */
function mergeValue(value: unknown, fallback: unknown): unknown {
  if (Array.isArray(fallback)) return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  if (isObject(fallback)) {
    if (!isObject(value)) return undefined;
    const out: Record<string, unknown> = { ...fallback };
    for (const [key, v] of Object.entries(value)) {
      // Keys the default has keep their type; extra keys (e.g. one more provider's status page) must be strings.
      const merged = key in fallback ? mergeValue(v, fallback[key]) : typeof v === 'string' ? v : undefined;
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return typeof value === typeof fallback ? value : undefined;
}
