// Pure: RFC 9209 Proxy-Status — which proxy reports an error and what it hit. The list runs from the
// intermediary closest to the origin to the one closest to the person; the member carrying `error` is
// the one that generated the response.
import type { Fixer, Hop, ProxyStatusSeen } from '../model/infrastructure';
import { parseList } from './structured-field';

/** RFC 9209 §2.3 error types, grouped by what the person is told. */
const GROUPS: Record<string, string[]> = {
  dns: ['dns_timeout', 'dns_error', 'destination_not_found'],
  unreachable: ['destination_unavailable', 'destination_ip_prohibited', 'destination_ip_unroutable'],
  refused: ['connection_refused', 'connection_limit_reached'],
  terminated: ['connection_terminated', 'http_response_incomplete'],
  timeout: ['connection_timeout', 'connection_read_timeout', 'connection_write_timeout', 'http_response_timeout'],
  tls: ['tls_protocol_error', 'tls_certificate_error', 'tls_alert_received'],
  response: [
    'http_response_header_section_size',
    'http_response_header_size',
    'http_response_body_size',
    'http_response_trailer_section_size',
    'http_response_trailer_size',
    'http_response_transfer_coding',
    'http_response_content_coding',
    'http_upgrade_failed',
    'http_protocol_error',
  ],
  request: ['http_request_error', 'http_request_denied'],
  proxy: ['proxy_internal_response', 'proxy_internal_error', 'proxy_configuration_error', 'proxy_loop_detected'],
};
const GROUP_OF = new Map(
  Object.entries(GROUPS).flatMap(([group, types]) => types.map((type) => [type, group] as const)),
);

export const PROXY_ERROR_KEYS: readonly string[] = [
  ...Object.keys(GROUPS).map((g) => `proxyError_${g}`),
  'proxyError_other',
];

export function parseProxyStatus(value: string | undefined): ProxyStatusSeen | null {
  const members = parseList(value);
  const failing = members.find((m) => typeof m.params.error === 'string');
  if (!failing) return null;
  const details = failing.params.details;
  return {
    proxy: failing.name.slice(0, 100),
    error: String(failing.params.error).toLowerCase().slice(0, 60),
    details: typeof details === 'string' ? details.slice(0, 200) : null,
  };
}

/** The plain-words meaning of a proxy's error type ($2 = the proxy's name). */
export function proxyErrorMeaning(error: string | null): { meaningKey: string; fixer: Fixer; hop: Hop } {
  const group = error === null ? undefined : GROUP_OF.get(error);
  const hop: Hop = group === 'proxy' || group === 'request' ? 'gateway' : 'origin';
  return { meaningKey: group ? `proxyError_${group}` : 'proxyError_other', fixer: 'site-owner', hop };
}
