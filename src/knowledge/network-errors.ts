// Maps the browser's network error names to one set of kinds.
// Chrome reports `net::ERR_*` (net/base/net_error_list.h); Firefox reports `NS_ERROR_*`, `NS_BINDING_*`,
// and for TLS the NSS/PKIX names (`SEC_ERROR_*`, `SSL_ERROR_*`, `MOZILLA_PKIX_ERROR_*`).
import type { NetworkErrorKind } from '../model/failure';

export type NetworkErrorClass = NetworkErrorKind | 'ignore';

const EXACT: Record<string, NetworkErrorClass> = {
  // Not failures the user meets.
  ERR_ABORTED: 'ignore', // user stop, a new navigation, or a navigation that turned into a download (Chrome)
  NS_BINDING_ABORTED: 'ignore',
  NS_ERROR_ABORT: 'ignore',
  NS_BINDING_REDIRECTED: 'ignore', // Firefox: the request was redirected, not failed
  NS_BINDING_RETARGETED: 'ignore', // Firefox: the response went to a download or another handler
  NS_ERROR_PARSED_DATA_CACHED: 'ignore',
  // Chrome's name for a 5xx with an empty body; the real status is recorded from onCompleted.
  ERR_HTTP_RESPONSE_CODE_FAILURE: 'ignore',
  // The site's own deliberate policy (X-Frame-Options, CSP, COEP/CORP, ORB), not an outage or a network
  // fault; our explanations ("the server is down", "try another network") would mislead.
  ERR_BLOCKED_BY_RESPONSE: 'ignore',
  ERR_BLOCKED_BY_CSP: 'ignore',
  ERR_BLOCKED_BY_ORB: 'ignore',
  // "Confirm form resubmission": the browser asks, nothing failed.
  ERR_CACHE_MISS: 'ignore',
  // Links to other apps (mailto:, zoommtg:) and local files are not page loads from a site.
  ERR_UNKNOWN_URL_SCHEME: 'ignore',
  ERR_DISALLOWED_URL_SCHEME: 'ignore',
  NS_ERROR_UNKNOWN_PROTOCOL: 'ignore',
  ERR_FILE_NOT_FOUND: 'ignore',
  NS_ERROR_FILE_NOT_FOUND: 'ignore',
  // Safe Browsing: the browser already shows its own warning, and suggesting a private window or another
  // network to get around it would be harmful.
  NS_ERROR_PHISHING_URI: 'ignore',
  NS_ERROR_MALWARE_URI: 'ignore',
  NS_ERROR_UNWANTED_URI: 'ignore',
  NS_ERROR_HARMFUL_URI: 'ignore',

  ERR_NAME_NOT_RESOLVED: 'dns',
  ERR_NAME_RESOLUTION_FAILED: 'dns',
  ERR_ICANN_NAME_COLLISION: 'dns',
  NS_ERROR_UNKNOWN_HOST: 'dns',

  ERR_CONNECTION_REFUSED: 'refused',
  NS_ERROR_CONNECTION_REFUSED: 'refused',

  ERR_CONNECTION_RESET: 'reset',
  ERR_CONNECTION_CLOSED: 'reset',
  ERR_CONNECTION_ABORTED: 'reset',
  ERR_EMPTY_RESPONSE: 'reset', // the server closed the connection without a byte of answer
  ERR_SOCKET_NOT_CONNECTED: 'reset',
  ERR_CONTENT_LENGTH_MISMATCH: 'reset', // the answer stopped before its announced end
  ERR_INCOMPLETE_CHUNKED_ENCODING: 'reset',
  NS_ERROR_NET_RESET: 'reset',
  NS_ERROR_NET_INTERRUPT: 'reset',
  NS_ERROR_NET_EMPTY_RESPONSE: 'reset',
  NS_ERROR_NET_PARTIAL_TRANSFER: 'reset',

  ERR_CONNECTION_TIMED_OUT: 'timeout',
  ERR_TIMED_OUT: 'timeout',
  NS_ERROR_NET_TIMEOUT: 'timeout',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',

  ERR_INSECURE_RESPONSE: 'tls',
  ERR_BAD_SSL_CLIENT_AUTH_CERT: 'tls',
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: 'tls',
  ERR_ECH_FALLBACK_CERTIFICATE_INVALID: 'tls',
  NS_ERROR_NET_INADEQUATE_SECURITY: 'tls',

  ERR_INTERNET_DISCONNECTED: 'offline',
  // The device's connection changed mid-load (Wi-Fi switch, VPN up/down): about this device, not the site.
  ERR_NETWORK_CHANGED: 'offline',
  ERR_NETWORK_IO_SUSPENDED: 'offline',
  NS_ERROR_OFFLINE: 'offline',

  ERR_ADDRESS_UNREACHABLE: 'unreachable',
  ERR_ADDRESS_INVALID: 'unreachable',
  ERR_CONNECTION_FAILED: 'unreachable', // Chrome's generic "a connection attempt failed"
  // A proxy is a hop of your own network: when it fails the site was never reached.
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'unreachable',
  ERR_TUNNEL_CONNECTION_FAILED: 'unreachable',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'unreachable',

  ERR_INVALID_RESPONSE: 'protocol',
  ERR_INVALID_HTTP_RESPONSE: 'protocol',
  ERR_INVALID_CHUNKED_ENCODING: 'protocol',
  ERR_CONTENT_DECODING_FAILED: 'protocol',
  ERR_RESPONSE_HEADERS_TOO_BIG: 'protocol',
  ERR_RESPONSE_HEADERS_TRUNCATED: 'protocol',
  ERR_UNEXPECTED_PROXY_AUTH: 'protocol',
  NS_ERROR_CORRUPTED_CONTENT: 'protocol',
  NS_ERROR_INVALID_CONTENT_ENCODING: 'protocol',
  NS_ERROR_NET_HTTP3_PROTOCOL_ERROR: 'protocol',
  // A redirect loop is the site's answers not adding up to a page; explain() refines it (cookies help).
  ERR_TOO_MANY_REDIRECTS: 'protocol',
  NS_ERROR_REDIRECT_LOOP: 'protocol',

  ERR_BLOCKED_BY_CLIENT: 'blocked', // an extension such as an ad blocker
  ERR_BLOCKED_BY_ADMINISTRATOR: 'blocked', // enterprise policy
  ERR_NETWORK_ACCESS_DENIED: 'blocked', // a firewall or antivirus on this device
  ERR_UNSAFE_PORT: 'blocked',
  NS_ERROR_PORT_ACCESS_NOT_ALLOWED: 'blocked',
  NS_ERROR_BLOCKED_BY_POLICY: 'blocked',
  NS_ERROR_CONTENT_BLOCKED: 'blocked',
  NS_ERROR_TRACKING_URI: 'blocked',
};

/** Families recognised by prefix, checked in order after the exact names. */
const PREFIXES: [string, NetworkErrorKind][] = [
  ['ERR_PROXY_', 'unreachable'],
  ['ERR_SOCKS_', 'unreachable'],
  ['NS_ERROR_PROXY_', 'unreachable'],
  ['ERR_DNS_', 'dns'],
  ['ERR_CERT_', 'tls'],
  ['ERR_SSL_', 'tls'],
  ['ERR_TLS', 'tls'],
  ['ERR_ECH_', 'tls'],
  ['SEC_ERROR_', 'tls'],
  ['SSL_ERROR_', 'tls'],
  ['MOZILLA_PKIX_ERROR_', 'tls'],
  ['ERR_HTTP2_', 'protocol'],
  ['ERR_QUIC_', 'protocol'],
  ['ERR_RESPONSE_HEADERS_', 'protocol'],
];

const ERROR_NAME = /\b(?:ERR|NS|SEC_ERROR|SSL_ERROR|MOZILLA_PKIX_ERROR)_[A-Z0-9_]+/;

/** The bare error name: 'net::ERR_FOO' → 'ERR_FOO'; tolerates extra text around it. */
export function errorName(error: string): string | null {
  return ERROR_NAME.exec(error.toUpperCase())?.[0] ?? null;
}

export function classifyNetworkError(error: string): NetworkErrorClass {
  const name = errorName(error);
  if (name === null) return 'other';
  const exact = EXACT[name];
  if (exact !== undefined) return exact;
  for (const [prefix, kind] of PREFIXES) if (name.startsWith(prefix)) return kind;
  return 'other';
}
