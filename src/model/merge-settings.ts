// Pure: stored settings (possibly partial, old or corrupt) → complete, valid settings.
import { DEFAULT_SETTINGS, type Endpoints, type Settings } from './settings';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergeSettings(stored: unknown): Settings {
  if (!isObject(stored)) return structuredClone(DEFAULT_SETTINGS);
  const merged = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const value = stored[key];
    if (key === 'endpoints' || key === 'version') continue;
    if (typeof value === typeof fallback) merged[key] = value;
  }
  const endpoints = isObject(stored.endpoints) ? stored.endpoints : {};
  const mergedEndpoints = merged.endpoints as Endpoints;
  for (const key of Object.keys(mergedEndpoints) as (keyof Endpoints)[]) {
    const value = endpoints[key];
    const fallback = mergedEndpoints[key];
    if (Array.isArray(fallback) ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === typeof fallback) {
      (mergedEndpoints as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return merged as unknown as Settings;
}
