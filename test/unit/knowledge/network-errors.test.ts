import { describe, expect, it } from 'vitest';
import { classifyNetworkError, errorName } from '../../../src/knowledge/network-errors';

describe('classifyNetworkError: Chrome', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'dns'],
    ['net::ERR_DNS_TIMED_OUT', 'dns'],
    ['net::ERR_CONNECTION_REFUSED', 'refused'],
    ['net::ERR_CONNECTION_RESET', 'reset'],
    ['net::ERR_CONNECTION_CLOSED', 'reset'],
    ['net::ERR_EMPTY_RESPONSE', 'reset'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['net::ERR_TIMED_OUT', 'timeout'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
    ['net::ERR_NETWORK_CHANGED', 'offline'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'unreachable'],
    ['net::ERR_CONNECTION_FAILED', 'unreachable'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'unreachable'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'unreachable'],
    ['net::ERR_INVALID_HTTP_RESPONSE', 'protocol'],
    ['net::ERR_INVALID_RESPONSE', 'protocol'],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'protocol'],
    ['net::ERR_TOO_MANY_REDIRECTS', 'protocol'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked'],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'blocked'],
    ['net::ERR_UNSAFE_PORT', 'blocked'],
  ])('%s → %s', (error, kind) => expect(classifyNetworkError(error)).toBe(kind));
});

describe('classifyNetworkError: Firefox', () => {
  it.each([
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused'],
    ['NS_ERROR_NET_RESET', 'reset'],
    ['NS_ERROR_NET_INTERRUPT', 'reset'],
    ['NS_ERROR_NET_EMPTY_RESPONSE', 'reset'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['NS_ERROR_OFFLINE', 'offline'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'unreachable'],
    ['NS_ERROR_UNKNOWN_PROXY_HOST', 'unreachable'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls'],
    ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls'],
    ['SSL_ERROR_NO_CYPHER_OVERLAP', 'tls'],
    ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls'],
    ['NS_ERROR_CORRUPTED_CONTENT', 'protocol'],
    ['NS_ERROR_REDIRECT_LOOP', 'protocol'],
    ['NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'blocked'],
  ])('%s → %s', (error, kind) => expect(classifyNetworkError(error)).toBe(kind));
});

describe('classifyNetworkError: not failures the user meets', () => {
  it.each([
    'net::ERR_ABORTED', // user stop, new navigation, or a download
    'NS_BINDING_ABORTED',
    'NS_ERROR_ABORT',
    'NS_BINDING_RETARGETED', // became a download
    'NS_BINDING_REDIRECTED',
    'net::ERR_HTTP_RESPONSE_CODE_FAILURE', // a 5xx with an empty body: the status is recorded elsewhere
    'net::ERR_BLOCKED_BY_RESPONSE',
    'net::ERR_CACHE_MISS',
    'net::ERR_UNKNOWN_URL_SCHEME',
    'NS_ERROR_PHISHING_URI', // the browser's own warning must not be explained away
    'NS_ERROR_MALWARE_URI',
  ])('%s → ignore', (error) => expect(classifyNetworkError(error)).toBe('ignore'));
});

describe('classifyNetworkError: robustness', () => {
  it('unknown names and junk → other', () => {
    expect(classifyNetworkError('net::ERR_SOMETHING_NEW')).toBe('other');
    expect(classifyNetworkError('NS_ERROR_SOMETHING_NEW')).toBe('other');
    expect(classifyNetworkError('')).toBe('other');
    expect(classifyNetworkError('something broke')).toBe('other');
  });
  it('accepts the name with or without net::, in any case, inside a longer text', () => {
    expect(classifyNetworkError('ERR_CONNECTION_REFUSED')).toBe('refused');
    expect(classifyNetworkError('net::err_connection_refused')).toBe('refused');
    expect(classifyNetworkError('Error code: SSL_ERROR_BAD_CERT_DOMAIN')).toBe('tls');
  });
  it('does not find names inside other words', () => {
    expect(errorName('TRANSFER_ERR_X')).toBeNull();
    expect(errorName('net::ERR_FOO')).toBe('ERR_FOO');
  });
});
