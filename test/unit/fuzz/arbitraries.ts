// Generators shared by the property tests: header lists as webRequest reports them, URLs of every kind the
// browser shows, fingerprints, failures and check states. Markers ("QQuser3fa9c1…") are planted where a value
// must never reach an output: a prefix plus random hex, so one cannot turn up in other generated text by chance.
import fc from 'fast-check';
import {
  CHECK_IDS,
  type CheckId,
  type CheckOutcome,
  type CheckState,
  type CheckStates,
  type Evidence,
} from '../../../src/model/checks';
import { NETWORK_ERROR_KINDS, type Failure } from '../../../src/model/failure';
import { EDGE_IDS, SERVER_IDS, type Fingerprint } from '../../../src/model/fingerprint';
import { TRACE_ID_HEADERS } from '../../../src/knowledge/trace-ids';

export const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);

/** Header names the diagnostic allow-list keeps (copied from diagnostic-headers.ts, so a test notices a change). */
export const KEPT_HEADERS = [
  'server',
  'via',
  'date',
  'age',
  'content-type',
  'retry-after',
  'x-powered-by',
  'cache-status',
  'cf-ray',
  'cf-cache-status',
  'cf-mitigated',
  'x-cache',
  'x-cache-hits',
  'x-served-by',
  'x-timer',
  'x-fastly-request-id',
  'fastly-debug-digest',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amzn-trace-id',
  'x-amzn-requestid',
  'x-amzn-errortype',
  'x-vercel-id',
  'x-vercel-error',
  'x-vercel-mitigated',
  'x-vercel-cache',
  'x-nf-request-id',
  'akamai-grn',
  'akamai-cache-status',
  'x-azure-ref',
  'x-msedge-ref',
  'x-fd-healthprobe',
  'x-varnish',
  'x-envoy-upstream-service-time',
  'x-envoy-overloaded',
  'x-envoy-ratelimited',
  'x-cloud-trace-context',
  'x-litespeed-cache',
  ...TRACE_ID_HEADERS,
];
export const SENSITIVE_HEADERS = [
  'cookie',
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
];
const OTHER_HEADERS = [
  'content-length',
  'connection',
  'cache-control',
  'expires',
  'alt-svc',
  'x-frame-options',
  'strict-transport-security',
  'vary',
];

/** Like fc.mixedCase, at a tenth of the cost (it works on bigints): each letter's case from one random number. */
export const randomCase = (arb: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(arb, fc.nat())
    .map(([text, bits]) => [...text].map((c, i) => ((bits >> (i % 31)) & 1 ? c.toUpperCase() : c)).join(''));

/** A long string without the cost of generating each character: a short piece repeated. */
export const longString = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min, max }))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 6, maxLength: 12 });
/** A value that must never reach an output, recognisable by its prefix. */
export const marker = (kind: string): fc.Arbitrary<string> => hex.map((h) => `QQ${kind}${h}`);

/** 100 KB values, some with control characters and non-ASCII inside (built once: generating them each run is slow). */
const HUGE_VALUES = [
  'a'.repeat(100_000),
  ` ${'b\r\n'.repeat(33_333)} `,
  'é'.repeat(100_000),
  `cloudflare${' '.repeat(100_000)}`,
  `${'cache-x, '.repeat(11_000)}`,
  `S1.5,VS${'9'.repeat(100_000)}`,
];

/** Header text as a server could send it: ASCII, any Unicode (lone surrogates included), control characters, empty, 100 KB. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.constantFrom('\r', '\n', '\t', '\u0000', '\u007f', ' ', 'x', ','), maxLength: 20 }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'cloudflare',
      'nginx/1.25.3',
      'challenge',
      'AkamaiGHost',
      'awselb/2.0',
      '1.1 varnish, 1.1 google',
      'Vercel',
    ),
  },
  { weight: 1, arbitrary: longString(250, 600) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_VALUES) },
);

export const headerName: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: randomCase(fc.constantFrom(...KEPT_HEADERS)) },
  { weight: 2, arbitrary: randomCase(fc.constantFrom(...SENSITIVE_HEADERS)) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHER_HEADERS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }).map((s) => `x-akamai-${s}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'server ',
      ' cookie',
      'cookie\u0000',
      'x-akamai-',
      'Séрвер',
      'İ',
      '\u212Aookie',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

export interface RawHeader {
  name: string;
  value?: string;
}

/** A response's header list: duplicates, empty names and values, a value missing (binary headers), sensitive ones. */
export const rawHeaders = (maxLength = 40, size: fc.SizeForArbitrary = 'small'): fc.Arbitrary<RawHeader[]> =>
  fc.array(
    fc
      .record({ name: headerName, value: fc.option(headerValue, { nil: undefined, freq: 12 }) })
      .map(({ name, value }) => (value === undefined ? { name } : { name, value })),
    { maxLength, size },
  );

/** A header record as the knowledge modules receive it (lower-case names, but a corrupt store may hold anything). */
export const headerRecord: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEPT_HEADERS, ...SENSITIVE_HEADERS), fc.string({ maxLength: 12 })),
  headerValue,
  { maxKeys: 20 },
);

export const fingerprint: fc.Arbitrary<Fingerprint> = fc.record({
  edge: fc.option(fc.constantFrom(...EDGE_IDS), { nil: null }),
  server: fc.option(fc.constantFrom(...SERVER_IDS), { nil: null }),
  traceIds: fc.array(fc.record({ header: fc.constantFrom(...TRACE_ID_HEADERS), value: fc.string({ maxLength: 30 }) }), {
    maxLength: 4,
  }),
});

/** Any status a corrupt record or a strange server could carry, biased to the interesting ranges. */
export const anyStatus: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 495, max: 605 }),
  fc.integer({ min: 100, max: 999 }),
  fc.integer(),
  fc.constantFrom(0, -1, -500, 99, 600, 1000, 10_000, Number.NaN, Infinity, -Infinity, 502.5, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.double({ min: 495, max: 605, noNaN: true }),
);

const errorFamily = fc.constantFrom(
  'ERR_',
  'ERR_CERT_',
  'ERR_SSL_',
  'ERR_DNS_',
  'ERR_PROXY_',
  'ERR_SOCKS_',
  'ERR_HTTP2_',
  'ERR_QUIC_',
  'ERR_TLS',
  'ERR_ECH_',
  'NS_ERROR_',
  'NS_ERROR_NET_',
  'NS_ERROR_PROXY_',
  'NS_BINDING_',
  'SEC_ERROR_',
  'SSL_ERROR_',
  'MOZILLA_PKIX_ERROR_',
);
/** Names as Chrome and Firefox report them, real ones and made-up members of the same families. */
export const REAL_ERRORS = [
  'net::ERR_NAME_NOT_RESOLVED',
  'net::ERR_CONNECTION_REFUSED',
  'net::ERR_CONNECTION_RESET',
  'net::ERR_CONNECTION_TIMED_OUT',
  'net::ERR_CERT_DATE_INVALID',
  'net::ERR_CERT_AUTHORITY_INVALID',
  'net::ERR_SSL_PROTOCOL_ERROR',
  'net::ERR_INTERNET_DISCONNECTED',
  'net::ERR_ADDRESS_UNREACHABLE',
  'net::ERR_TOO_MANY_REDIRECTS',
  'net::ERR_BLOCKED_BY_CLIENT',
  'net::ERR_ABORTED',
  'net::ERR_PROXY_CONNECTION_FAILED',
  'net::ERR_HTTP2_PROTOCOL_ERROR',
  'net::ERR_QUIC_PROTOCOL_ERROR',
  'net::ERR_EMPTY_RESPONSE',
  'net::ERR_DNS_TIMED_OUT',
  'net::ERR_HTTP_RESPONSE_CODE_FAILURE',
  'NS_ERROR_UNKNOWN_HOST',
  'NS_ERROR_CONNECTION_REFUSED',
  'NS_ERROR_NET_RESET',
  'NS_ERROR_NET_TIMEOUT',
  'NS_ERROR_OFFLINE',
  'NS_ERROR_REDIRECT_LOOP',
  'NS_BINDING_ABORTED',
  'NS_ERROR_PROXY_CONNECTION_REFUSED',
  'SEC_ERROR_UNKNOWN_ISSUER',
  'SEC_ERROR_EXPIRED_CERTIFICATE',
  'SSL_ERROR_BAD_CERT_DOMAIN',
  'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
  'NS_ERROR_FAILURE',
];
export const errorSuffix = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWXYZ0123456789_'),
  minLength: 1,
  maxLength: 24,
});
export const errorName = fc.tuple(errorFamily, errorSuffix).map(([family, suffix]) => `${family}${suffix}`);
export const networkErrorText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...REAL_ERRORS),
  fc
    .tuple(
      fc.constantFrom('net::', '', 'Error: ', 'failed ('),
      randomCase(errorName),
      fc.constantFrom('', ')', ' (0x804b000d)', '\n'),
    )
    .map((p) => p.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const failure: fc.Arbitrary<Failure> = fc.oneof(
  fc.record({
    type: fc.constant('http' as const),
    status: fc.integer({ min: 500, max: 599 }),
    statusLine: fc.string({ maxLength: 30 }),
  }),
  fc.record({
    type: fc.constant('network' as const),
    kind: fc.constantFrom(...NETWORK_ERROR_KINDS),
    error: networkErrorText,
  }),
);

const OUTCOMES: CheckOutcome[] = ['fixed', 'still-failing', 'pass', 'fail', 'inconclusive', 'skipped'];
const factValue = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -1, max: 700 }),
  fc.constantFrom('ok', 'partial', 'none', 'stale', 'nxdomain', 'x'),
);
/** Facts the checks write, each with a right- or wrong-typed value, plus noise. */
const facts = fc.record(
  {
    reachable: fc.oneof(fc.boolean(), factValue),
    status: fc.oneof(fc.constantFrom(200, 204, 301, 404, 500, 502, 503, 522), factValue),
    signOutDataCleared: fc.oneof(fc.boolean(), factValue),
    privateLoaded: fc.oneof(fc.boolean(), factValue),
    connectivity: fc.oneof(fc.constantFrom('ok', 'partial', 'none'), factValue),
    captivePortal: fc.oneof(fc.boolean(), factValue),
    siteReachable: fc.oneof(fc.boolean(), factValue),
    online: fc.oneof(fc.boolean(), factValue),
    dns: fc.oneof(
      fc.constantFrom(
        'ok',
        'nxdomain',
        'no-address',
        'servfail',
        'stale',
        'local-fails',
        'local-only',
        'unknown',
        'skipped',
      ),
      factValue,
    ),
    noise: factValue,
  },
  { requiredKeys: [] },
);

export const checkState = (
  now: number,
  runId: fc.Arbitrary<string> = fc.string({ maxLength: 6 }),
): fc.Arbitrary<CheckState> => {
  const startedAt = fc.integer({ min: now - 30 * 60_000, max: now + 1000 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        state: fc.constant('done' as const),
        runId,
        startedAt,
        result: fc.record(
          {
            outcome: fc.constantFrom(...OUTCOMES),
            summary: fc.constantFrom(
              'checkCancelled',
              'reloadFixed',
              'cleanRequestOk',
              'dnsStale',
              'networkOkSiteAnswers',
              'nonexistentKey',
            ),
            summaryArgs: fc.option(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), { nil: undefined }),
            evidence: fc.constant(null).map((): Evidence[] => []),
            durationMs: fc.integer({ min: 0, max: 60_000 }),
            facts: fc.option(facts, { nil: undefined }),
          },
          { requiredKeys: ['outcome', 'summary', 'evidence', 'durationMs'] },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        state: fc.constant('running' as const),
        runId,
        startedAt,
        deadline: fc.integer({ min: now - 60_000, max: now + 60_000 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        state: fc.constant('waiting-for-user' as const),
        runId,
        startedAt,
        prompt: fc.constant('privateWindowPrompt'),
        durationMs: fc.nat(9999),
      }),
    },
    { weight: 1, arbitrary: fc.record({ state: fc.constant('interrupted' as const), runId, startedAt }) },
  );
};

/** Any subset of the steps, each in any state. */
export const checkStates = (now: number): fc.Arbitrary<CheckStates> =>
  fc.record(
    Object.fromEntries(CHECK_IDS.map((id) => [id, checkState(now)])) as Record<CheckId, fc.Arbitrary<CheckState>>,
    { requiredKeys: [] },
  );

// ---- URLs ----

const pathChar = fc.constantFrom(...'abcdefxyz0129-._~/%!$&()*+,;=:@'.split(''));
const label = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopxyz0123456789-'), minLength: 1, maxLength: 10 })
  .filter((l) => !l.startsWith('-') && !l.endsWith('-'));
export const domainName: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(label, { minLength: 0, maxLength: 3 }),
    fc.constantFrom(
      'com',
      'org',
      'de',
      'co.uk',
      'com.au',
      'github.io',
      'vercel.app',
      'up.railway.app',
      'xn--p1ai',
      'io',
      'localhost',
      'test',
    ),
  )
  .map(([labels, tld]) => [...labels, tld].join('.'));
const idnHost = fc.constantFrom(
  'bücher.example',
  'пример.рф',
  '例え.jp',
  'xn--bcher-kva.example',
  'xn--e1afmkfd.xn--p1ai',
  'straße.de',
  'ÉXAMPLE.com',
);
const ipv6 = fc.constantFrom(
  '[::1]',
  '[2001:db8::8a2e:370:7334]',
  '[::ffff:192.0.2.1]',
  '[fe80::1]',
  '[2001:DB8:0:0:0:0:0:1]',
);
export const host: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: domainName },
  { weight: 1, arbitrary: idnHost },
  { weight: 1, arbitrary: fc.ipV4() },
  { weight: 1, arbitrary: ipv6 },
  { weight: 1, arbitrary: fc.ipV6().map((ip) => `[${ip}]`) },
);

export interface WebUrlParts {
  url: string;
  user: string;
  password: string;
  query: string;
  fragment: string;
  hasUserinfo: boolean;
  hasQuery: boolean;
  hasFragment: boolean;
}

const longQuery = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(`&pad=${'q'.repeat(20_000)}`, `&list=${'a,'.repeat(3000)}`) },
);

/** An http(s)/ws(s) URL as a page load can have it, with userinfo, query and fragment markers (each optional). */
export const webUrl: fc.Arbitrary<WebUrlParts> = fc
  .record({
    scheme: randomCase(fc.constantFrom('http', 'https', 'ws', 'wss')),
    host,
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    path: fc.string({ unit: pathChar, maxLength: 30 }),
    user: marker('user'),
    password: marker('pass'),
    query: marker('query'),
    fragment: marker('frag'),
    long: longQuery,
    hasUserinfo: fc.boolean(),
    hasPassword: fc.boolean(),
    hasQuery: fc.boolean(),
    hasFragment: fc.boolean(),
  })
  .map((p) => {
    const userinfo = p.hasUserinfo ? `${p.user}${p.hasPassword ? `:${p.password}` : ''}@` : '';
    const url =
      `${p.scheme}://${userinfo}${p.host}${p.port === undefined ? '' : `:${p.port}`}/${p.path}` +
      `${p.hasQuery ? `?k=${p.query}${p.long}` : ''}${p.hasFragment ? `#${p.fragment}?not=query` : ''}`;
    return {
      url,
      user: p.user,
      password: p.password,
      query: p.query,
      fragment: p.fragment,
      hasUserinfo: p.hasUserinfo,
      hasQuery: p.hasQuery,
      hasFragment: p.hasFragment,
    };
  });

/** Pages that are not web sites: the scheme decides what they are. */
export const otherSchemeUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'data:text/html,<h1>hi</h1>',
    'data:,',
    'blob:https://example.com/550e8400-e29b-41d4-a716-446655440000',
    'blob:null/abc',
    'file:///home/me/page.html',
    'file://server/share/x.html',
    'chrome://settings',
    'chrome://newtab/',
    'about:blank',
    'about:newtab',
    'about:neterror?e=dnsNotFound&u=https%3A//x.example/',
    'view-source:https://example.com/?a=1',
    'moz-extension://0a1b2c3d-aaaa-bbbb-cccc-0123456789ab/popup.html',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
    'edge://settings',
    'brave://rewards',
    'resource://gre/modules/x.js',
    'chrome-search://local-ntp/',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'mailto:a@example.com',
    'ftp://example.com/file',
    'ws://example.com/socket',
    'wss://example.com/',
    'tel:+123',
    'zoommtg://zoom.us/join',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://chrome.google.com/search',
    'https://addons.mozilla.org/en-US/firefox/',
    'https://microsoftedge.microsoft.com/addons',
  ),
  fc
    .tuple(
      randomCase(
        fc.constantFrom(
          'data',
          'blob',
          'file',
          'chrome',
          'about',
          'view-source',
          'moz-extension',
          'chrome-extension',
          'javascript',
        ),
      ),
      fc.constantFrom(':', '://', ':///'),
      fc.string({ unit: pathChar, maxLength: 20 }),
    )
    .map((p) => p.join('')),
);
