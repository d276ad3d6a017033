// Pure: which host names involve DNS at all (an IP literal does not; localhost and local names never go to a
// public resolver).
import { isInternalHost } from './internal-host';

export type HostKind = 'ip' | 'localhost' | 'local-name' | 'public';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** `URL.hostname` keeps IPv6 literals in brackets ("[::1]"). */
export function hostKind(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (IPV4.test(host) || host.startsWith('[') || host.includes(':')) return 'ip';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  // Names only a local network can answer (one list: knowledge/internal-host.ts): never sent to a public resolver.
  if (isInternalHost(host)) return 'local-name';
  return 'public';
}
