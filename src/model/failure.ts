// What went wrong with a top-level navigation, as plain data.

/** Network-level failures, one set for Chrome's net::ERR_* and Firefox's NS_ERROR_* names. */
export const NETWORK_ERROR_KINDS = [
  'dns', // the name did not resolve
  'refused', // nothing listens on that address/port
  'reset', // the connection was cut
  'timeout', // no answer in time
  'tls', // certificate or TLS handshake failure
  'offline', // this device has no network
  'unreachable', // no route to the address
  'protocol', // the server answered with something that is not valid HTTP
  'blocked', // blocked by this browser (an extension, policy or filter)
  'other',
] as const;
export type NetworkErrorKind = (typeof NETWORK_ERROR_KINDS)[number];

export type Failure =
  { type: 'http'; status: number; statusLine: string } | { type: 'network'; kind: NetworkErrorKind; error: string };

/** A short key for knowledge tables: 'http502', 'net-dns' … */
export function failureKey(failure: Failure): string {
  return failure.type === 'http' ? `http${failure.status}` : `net-${failure.kind}`;
}
