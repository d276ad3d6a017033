// Pure: a host's SiteScope from the Public Suffix List, its private (shared-hosting) section included, via
// tldts. ~50 KB gzip of list data: imported on demand (by the popup, when a step needs it), never eagerly.
import { parse } from 'tldts';
import { normalHost, type SiteScope } from '../model/site-scope';

export function siteScopeOf(hostname: string): SiteScope {
  const host = normalHost(hostname);
  const bare = host.replace(/^\[|\]$/g, '');
  const psl = parse(bare, { allowPrivateDomains: true });
  // A suffix the list does not know (.test, .internal, a typo) is only the list's default rule: no guess.
  const listed = psl.isIcann === true || psl.isPrivate === true;
  const hostIsSuffix = !psl.isIp && psl.publicSuffix === bare && listed;
  return {
    host,
    domain: psl.isIp || !listed ? null : psl.domain,
    sharedSuffix: psl.isPrivate === true,
    hostIsSuffix,
  };
}
