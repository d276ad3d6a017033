// The parts of a URL shown to people; an unparsable URL is shown as it is.

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
