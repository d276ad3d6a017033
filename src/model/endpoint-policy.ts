// Pure: which addresses the extension may contact for its checks. One rule, applied where settings are
// read (mergeSettings, so every step gets only usable addresses) and where they are typed (the options page).
//
// - Every endpoint is a third party: https: only, so what is sent cannot be read or changed on the way;
//   http: only for this computer (127.0.0.0/8, [::1], localhost), which the tests need.
// - The captive-portal address is the one exception: it must be plain http: to be intercepted at all.
// - Never data:, javascript:, blob:, file:, an extension's own scheme, or an address with a user name
//   or password (a data: "connectivity" address answers locally: it would always say "your connection works").

export type EndpointKind = 'third-party' | 'captive-portal';
export type EndpointProblem = 'invalid' | 'scheme' | 'needs-https';

const LOOPBACK_V4 = /^127(\.\d{1,3}){3}$/;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || LOOPBACK_V4.test(host);
}

/** null when `address` may be contacted, else what is wrong with it. */
export function endpointProblem(address: string, kind: EndpointKind = 'third-party'): EndpointProblem | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.hostname === '' || url.username !== '' || url.password !== '') return 'invalid';
  if (url.protocol === 'http:' && kind === 'third-party' && !isLoopbackHost(url.hostname)) return 'needs-https';
  return null;
}

/** Sample values a template's placeholder stands for, so the template can be checked as a real URL. */
export const PLACEHOLDER_SAMPLES: Record<string, string> = {
  '{domain}': 'example.com',
  '{url}': encodeURIComponent('https://example.com/page'),
};

/** The same rule for an address with placeholders (`{domain}`, `{url}`) filled in with samples. */
export function templateProblem(template: string): EndpointProblem | null {
  let filled = template;
  for (const [placeholder, sample] of Object.entries(PLACEHOLDER_SAMPLES))
    filled = filled.split(placeholder).join(sample);
  return endpointProblem(filled);
}

/** A step's time limit, in ms: whole seconds from 1 to 60 (the options page offers the same range). */
export const CHECK_TIMEOUT_MS = { min: 1000, max: 60_000 };

/** Any number → a usable time limit; not a number at all → null (keep the default). */
export function clampCheckTimeout(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(CHECK_TIMEOUT_MS.max, Math.max(CHECK_TIMEOUT_MS.min, Math.round(value)));
}
