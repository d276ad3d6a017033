// What "this site" is for a host, by the Public Suffix List: the popup works it out (it can load the list
// on demand; a service worker cannot import(), and the steps the background loads on demand stay small) and
// sends it with the step it starts.

export interface SiteScope {
  /** The host it was worked out for: lower-case, no trailing dot, IPv6 in brackets as in URL.hostname. */
  host: string;
  /** The name someone registered ("example.co.uk", "x.duckdns.org"); null for an IP, a suffix, an unknown suffix. */
  domain: string | null;
  /** The host's suffix is a shared-hosting one (PSL private section): whoever owns status.<domain> is unknown. */
  sharedSuffix: boolean;
  /** The host is a public suffix itself (path-style s3.amazonaws.com): its cookies and storage belong to every tenant. */
  hostIsSuffix: boolean;
}

export const normalHost = (host: string): string => host.trim().toLowerCase().replace(/\.$/, '');

/**
 * Pure: a scope from a message, kept only when it is about the failing URL's host and self-consistent
 * (the domain is the host or one of its parents). Anything else → null, and the steps do the cautious thing.
 */
export function scopeForUrl(scope: unknown, url: string): SiteScope | null {
  let host: string;
  try {
    host = normalHost(new URL(url).hostname);
  } catch {
    return null;
  }
  if (typeof scope !== 'object' || scope === null) return null;
  const s = scope as Record<string, unknown>;
  if (s.host !== host || typeof s.sharedSuffix !== 'boolean' || typeof s.hostIsSuffix !== 'boolean') return null;
  if (
    s.domain !== null &&
    (typeof s.domain !== 'string' || !s.domain.includes('.') || !(host === s.domain || host.endsWith(`.${s.domain}`)))
  )
    return null;
  return { host, domain: s.domain, sharedSuffix: s.sharedSuffix, hostIsSuffix: s.hostIsSuffix };
}

/** The domain whose status.<domain> may be asked: never under a shared suffix, never a guess. */
export const statusDomainOf = (scope: SiteScope | null): string | null =>
  scope && !scope.sharedSuffix && !scope.hostIsSuffix ? scope.domain : null;
