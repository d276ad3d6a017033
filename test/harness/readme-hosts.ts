// The README's "hosts contacted" table (its Privacy section), parsed: the e2e test of every request the
// extension makes and the options page's list are held to it, so the code, the page and the README cannot drift.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../../src/model/settings';

export interface HostRow {
  /** The host cell's names: a host (`cloudflare-dns.com`), a host with a path (`www.google.com/generate_204`, path dropped), or a template. */
  hosts: string[];
  /** "the failing site itself". */
  site: boolean;
  /** Contacted only with third-party look-ups on. */
  thirdParty: boolean;
  /** The steps named in the "when" cell. */
  when: string;
}

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
/** How the table writes the site's registrable domain in a template. */
export const DOMAIN_PLACEHOLDER = "<the site's domain>";

export function readmeHostRows(text = readFileSync(README, 'utf8')): HostRow[] {
  const privacy = text.split(/^## /m).find((section) => section.startsWith('Privacy'));
  if (!privacy) throw new Error('README has no "## Privacy" section');
  const lines = privacy.split('\n').filter((l) => l.startsWith('|'));
  const [header, , ...rows] = lines;
  if (!header || !/^\|\s*host\s*\|\s*when\s*\|\s*why\s*\|$/.test(header.trim()))
    throw new Error(`unexpected hosts table header: ${header}`);
  return rows.map((row) => {
    const [hostCell = '', when = ''] = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const hosts = [...hostCell.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').split('/')[0] ?? '');
    return {
      hosts,
      site: /failing site itself/.test(hostCell),
      thirdParty: /only with third-party look-ups on/.test(when),
      when,
    };
  });
}

/** The host names a row stands for, with the site's host and registrable domain filled in. */
export function rowHosts(row: HostRow, site: { host: string; domain: string }): string[] {
  return [...(row.site ? [site.host] : []), ...row.hosts.map((h) => h.split(DOMAIN_PLACEHOLDER).join(site.domain))];
}

/**
 * The hosts a full run of every step should contact, by the README's table: with look-ups off, the rows not
 * marked "only with third-party look-ups on"; with them on, every row except the status pages of CDNs that
 * are not in front of this site (Cloudflare is, in both hosts tests), which are listed and rightly not contacted.
 */
export function expectedHosts(
  rows: HostRow[],
  site: { host: string; domain: string },
  thirdPartyLookups: boolean,
): string[] {
  const hostsOf = (which: HostRow[]) => new Set(which.flatMap((row) => rowHosts(row, site)));
  if (!thirdPartyLookups) return [...hostsOf(rows.filter((r) => !r.thirdParty))].sort();
  const providers = Object.entries(DEFAULT_SETTINGS.endpoints.providerStatusPages ?? {});
  const notInFront = new Set(
    providers.filter(([id]) => id !== 'cloudflare').map(([, url]) => new URL(url ?? '').hostname),
  );
  return [...hostsOf(rows)].filter((h) => !notInFront.has(h)).sort();
}
