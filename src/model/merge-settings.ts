// Pure: stored settings (possibly partial, old or corrupt) → complete, valid settings.
import { DEFAULT_SETTINGS, type Endpoints, type Settings } from './settings';
import { isObject } from './json-shape';
import { clampCheckTimeout, endpointProblem, templateProblem } from './endpoint-policy';

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
  return withUsableValues(merged as unknown as Settings);
}

/**
 * Values of the right type can still be unusable (`javascript:`, a `data:` connectivity address, plain
 * http: to a third party, a time limit of -1): each is treated as if it were not set. Every step reads its
 * settings through here, so none of them can contact such an address, whatever was stored.
 */
function withUsableValues(settings: Settings): Settings {
  const defaults = DEFAULT_SETTINGS.endpoints;
  const e = settings.endpoints;
  const usable = (address: string) => endpointProblem(address) === null;
  const connectivity = e.connectivity.filter(usable);
  const status = e.captivePortal.expectStatus;
  const providers = Object.entries(e.providerStatusPages ?? {}).filter(
    ([, url]) => url === '' || (url !== undefined && usable(url)),
  );
  return {
    ...settings,
    checkTimeoutMs: clampCheckTimeout(settings.checkTimeoutMs) ?? DEFAULT_SETTINGS.checkTimeoutMs,
    endpoints: {
      ...e,
      connectivity: connectivity.length > 0 ? connectivity : [...defaults.connectivity],
      captivePortal: {
        ...e.captivePortal,
        url:
          endpointProblem(e.captivePortal.url, 'captive-portal') === null
            ? e.captivePortal.url
            : defaults.captivePortal.url,
        expectStatus:
          Number.isInteger(status) && status >= 100 && status <= 599 ? status : defaults.captivePortal.expectStatus,
      },
      dohResolver: usable(e.dohResolver) ? e.dohResolver : defaults.dohResolver,
      globalping: usable(e.globalping) ? e.globalping : defaults.globalping,
      statusPage: templateProblem(e.statusPage) === null ? e.statusPage : defaults.statusPage,
      archive: templateProblem(e.archive) === null ? e.archive : defaults.archive,
      providerStatusPages: { ...defaults.providerStatusPages, ...Object.fromEntries(providers) },
    },
  };
}

/**
 * A stored value of the same shape as the default, or undefined to keep the default. Objects merge key by
 * key (typeof null, [] and {} are all 'object': a corrupt captivePortal must never reach the network step).
 */
function mergeValue(value: unknown, fallback: unknown): unknown {
  if (Array.isArray(fallback))
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
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
