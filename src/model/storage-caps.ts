// Pure: the most any one value from a response may take in storage.session. Chrome allows URLs up to
// 2 MiB and storage.session holds 10 MB in all: three tabs with such a URL (kept in the incident, its
// watch and its last error) would fill it, and from then on every write fails. Values are cut where
// they are first seen, so a URL compares equal to itself the next time it fails.

/** Longer than any URL a person reads or a site needs; anything past it is a payload, not an address. */
export const MAX_STORED_URL = 4096;
/** A status line or a browser's network error name. */
export const MAX_STORED_LINE = 200;

/**
 * A URL of at most MAX_STORED_URL characters: as it is when short enough, else without its query and
 * fragment (the page, not its payload), else the origin alone. Never a cut in the middle of a component.
 */
export function capUrl(url: string): string {
  if (url.length <= MAX_STORED_URL) return url;
  try {
    const parsed = new URL(url);
    const page = `${parsed.origin}${parsed.pathname}`;
    if (page.length <= MAX_STORED_URL) return page;
    if (parsed.origin.length + 1 <= MAX_STORED_URL) return `${parsed.origin}/`;
  } catch {
    // Not a URL we can take apart: cut it plainly below.
  }
  return url.slice(0, MAX_STORED_URL);
}

export function capLine(line: string): string {
  return line.length <= MAX_STORED_LINE ? line : line.slice(0, MAX_STORED_LINE);
}
