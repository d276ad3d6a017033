// The parts of a URL: what is shown to people, and the site (origin) records and settings are kept under.

/** `example.com:8443`: the host with its port, for sentences about the site. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** `example.com`: the host name alone (DNS names, links to a site's status page). */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** `https://example.com:8443`: the site (scheme, host, port) of an http(s) URL, or null for anything else. */
export function siteOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
