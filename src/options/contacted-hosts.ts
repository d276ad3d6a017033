// Pure: every host the extension can contact, derived from the current endpoints (the privacy list).
import type { Settings } from '../model/settings';
import { isStatuspageApi } from '../knowledge/statuspage';
import { PLACEHOLDER_SAMPLES } from './validation';

export type HostPurpose =
  'site' | 'connectivity' | 'captive' | 'doh' | 'statusPage' | 'providerStatusPage' | 'archive' | 'globalping';
export type HostWhen = 'step' | 'thirdPartyOn' | 'thirdPartyOff';

export interface ContactedHost {
  /** A host name, `status.{domain}` for a template, or null for "the failing site itself". */
  host: string | null;
  purposes: HostPurpose[];
  when: HostWhen;
}

const TOKEN = 'placeholder-token';

/** The host of an address or template; a placeholder in the host stays visible (`status.{domain}`). */
export function hostOfEndpoint(endpoint: string): string | null {
  let text = endpoint;
  const placeholders = Object.keys(PLACEHOLDER_SAMPLES);
  placeholders.forEach((p, i) => (text = text.split(p).join(`${TOKEN}${i}`)));
  try {
    let host = new URL(text).host;
    placeholders.forEach((p, i) => (host = host.split(`${TOKEN}${i}`).join(p)));
    return host || null;
  } catch {
    return null;
  }
}

export function contactedHosts(settings: Pick<Settings, 'endpoints' | 'thirdPartyLookups'>): ContactedHost[] {
  const e = settings.endpoints;
  const thirdParty: HostWhen = settings.thirdPartyLookups ? 'thirdPartyOn' : 'thirdPartyOff';
  const uses: [string, HostPurpose, HostWhen][] = [
    ...e.connectivity.map((url): [string, HostPurpose, HostWhen] => [url, 'connectivity', 'step']),
    [e.captivePortal.url, 'captive', 'step'],
    [e.dohResolver, 'doh', 'step'],
    [e.statusPage, 'statusPage', thirdParty],
    // Only Statuspage APIs are read; any other provider page is just offered as a link to open.
    ...Object.values(e.providerStatusPages ?? {})
      .filter((url): url is string => typeof url === 'string' && isStatuspageApi(url))
      .map((url): [string, HostPurpose, HostWhen] => [url, 'providerStatusPage', thirdParty]),
    [e.archive, 'archive', thirdParty],
    [e.globalping, 'globalping', thirdParty],
  ];
  const byHost = new Map<string, ContactedHost>();
  for (const [url, purpose, when] of uses) {
    const host = hostOfEndpoint(url);
    if (!host) continue;
    const key = `${host} ${when}`;
    const existing = byHost.get(key);
    if (!existing) byHost.set(key, { host, purposes: [purpose], when });
    else if (!existing.purposes.includes(purpose)) existing.purposes.push(purpose);
  }
  return [{ host: null, purposes: ['site'], when: 'step' }, ...byHost.values()];
}
