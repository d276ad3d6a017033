// Properties over URLs of every kind a tab can show (IDN, IPv6 with ports, data:, blob:, file:, browser and
// extension pages, userinfo, long queries, fragments): pageKind, isTopLevelNavigation, siteScopeOf (the Public Suffix List), and
// what buildReport may (never) show of them.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isTopLevelNavigation } from '../../../src/knowledge/classify-navigation';
import { pickDiagnosticHeaders } from '../../../src/knowledge/diagnostic-headers';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';

const fingerprintResponse = (headers: Record<string, string>, status = 502) => analyseResponse(headers, status);
import { pageKind, type PageKind } from '../../../src/knowledge/page-kind';
import { siteScopeOf } from '../../../src/knowledge/site-scope';

const registrableDomain = (host: string): string | null => siteScopeOf(host).domain;
import { buildReport, type ReportEnv } from '../../../src/knowledge/report';
import { TRACE_ID_HEADERS } from '../../../src/knowledge/trace-ids';
import type { CheckStates } from '../../../src/model/checks';
import type { Failure } from '../../../src/model/failure';
import type { Incident } from '../../../src/model/incident';
import { getMessage } from '../support/locale-messages';
import {
  checkState,
  domainName,
  host,
  marker,
  NOW,
  otherSchemeUrl,
  rawHeaders,
  SENSITIVE_HEADERS,
  webUrl,
} from './arbitraries';
import { must, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const anyUrl = fc.oneof(
  { weight: 3, arbitrary: webUrl.map((u) => u.url) },
  { weight: 3, arbitrary: otherSchemeUrl },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'http://',
      'https://[::1',
      'https://exa mple.com/',
      'http://user:pass@/',
      '//example.com/',
    ),
  },
);

const BROWSER_SCHEMES = new Set([
  'chrome',
  'about',
  'edge',
  'brave',
  'view-source',
  'chrome-extension',
  'moz-extension',
  'resource',
  'chrome-search',
  'devtools',
]);
const STORES = new Set([
  'chromewebstore.google.com',
  'chrome.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

describe('pageKind', () => {
  it('never throws, and classifies by scheme: http(s) → web (or a store), file → local, browser schemes → browser-page', () => {
    fc.assert(
      fc.property(anyUrl, (url) => {
        const kind: PageKind = pageKind(url);
        const u = parsed(url);
        const scheme = u?.protocol.slice(0, -1);
        const want: PageKind[] =
          !u || scheme === undefined
            ? ['other']
            : scheme === 'http' || scheme === 'https'
              ? ['web', 'extension-store']
              : scheme === 'file'
                ? ['local-file']
                : BROWSER_SCHEMES.has(scheme)
                  ? ['browser-page']
                  : ['other'];
        must(want.includes(kind), `${short(url)} → ${kind}, want ${want.join('|')}`);
        if (kind === 'extension-store') must(STORES.has(u!.hostname), `${url} is not a store`);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('isTopLevelNavigation', () => {
  const details = fc.record({
    type: fc.constantFrom('main_frame', 'main_frame', 'sub_frame', 'xmlhttprequest', undefined),
    tabId: fc.constantFrom(-1, 0, 7),
    frameId: fc.constantFrom(0, 0, 3),
    frameType: fc.constantFrom(undefined, 'outermost_frame', 'fenced_frame', 'sub_frame'),
    documentLifecycle: fc.constantFrom(undefined, 'active', 'prerender', 'cached'),
    url: anyUrl,
  });

  it("accepts exactly the tab's own outermost http(s)/ws(s) document — never data:, blob:, file:, browser or extension pages", () => {
    fc.assert(
      fc.property(details, (d) => {
        const webScheme = /^(https?|wss?):/i.test(d.url);
        const topLevel =
          d.type === 'main_frame' &&
          d.tabId >= 0 &&
          d.frameId === 0 &&
          (d.frameType === undefined || d.frameType === 'outermost_frame') &&
          d.documentLifecycle !== 'prerender';
        must(isTopLevelNavigation(d) === (webScheme && topLevel), `${short(d)} → ${isTopLevelNavigation(d)}`);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('siteScopeOf(host).domain', () => {
  const hostLike = fc.oneof(
    { weight: 4, arbitrary: host },
    { weight: 2, arbitrary: webUrl.map((u) => parsed(u.url)?.hostname ?? '') },
    {
      weight: 1,
      arbitrary: fc.tuple(domainName, fc.constantFrom('.', ' ', '')).map(([d, end]) => `${d.toUpperCase()}${end}`),
    },
    { weight: 1, arbitrary: fc.ipV6() },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const normal = (h: string): string => h.trim().toLowerCase().replace(/\.$/, '');

  it('never throws; null for IP addresses; else a suffix of the host with at least two labels, and a fixed point', () => {
    fc.assert(
      fc.property(hostLike, (h) => {
        const r = registrableDomain(h);
        const n = normal(h);
        if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n) || n.includes(':') || n.startsWith('['))
          must(r === null, `IP ${h} → ${r}`);
        if (r === null) return;
        must(n === r || n.endsWith(`.${r}`), `${h} → ${r} is not its suffix`);
        must(r.split('.').length >= 2, `${h} → ${r}`);
        must(registrableDomain(r) === r, `${h} → ${r} → ${registrableDomain(r)}`);
      }),
      { numRuns: 4000 },
    );
  });

  it('a sub-domain of a longer host has the same registrable domain', () => {
    const sub = fc
      .string({ unit: fc.constantFrom(...'abcxyz019-'), minLength: 1, maxLength: 8 })
      .filter((l) => !l.startsWith('-') && !l.endsWith('-'));
    fc.assert(
      fc.property(domainName, sub, (h, label) => {
        const r = registrableDomain(h);
        if (r === null || r === h) return;
        must(
          registrableDomain(`${label}.${h}`) === r,
          `${label}.${h} → ${registrableDomain(`${label}.${h}`)}, ${h} → ${r}`,
        );
      }),
      { numRuns: 3000 },
    );
  });
});

// ---- buildReport ----

const INJECT = '\r\nQQinject: x';
const maybeInjected = (arb: fc.Arbitrary<string>) =>
  fc.tuple(arb, fc.boolean()).map(([s, inject]) => (inject ? `${s}${INJECT} ` : s));
const ENV: fc.Arbitrary<ReportEnv> = fc.record(
  {
    browserName: maybeInjected(fc.constantFrom('Chrome', 'Firefox', '')),
    browserVersion: maybeInjected(fc.constantFrom('126.0', '')),
    os: fc.constantFrom('linux', 'win', 'mac', 'android', 'haiku', ''),
    arch: fc.option(maybeInjected(fc.constantFrom('x86-64', 'arm')), { nil: undefined }),
  },
  { requiredKeys: ['browserName', 'browserVersion', 'os'] },
);

/** URLs the detector can record but `new URL` cannot parse (reportUrl cuts them by hand). */
const unparseable = fc
  .tuple(marker('user'), marker('query'), marker('frag'), fc.constantFrom('[bad', 'exa mple.com', 'a<b', '[::1'))
  .map(([user, query, fragment, badHost]) => ({
    url: `https://${user}:pw@${badHost}/p?k=${query}#${fragment}`,
    user,
    password: 'QQnone',
    query,
    fragment,
    hasUserinfo: true,
    hasQuery: true,
    hasFragment: true,
  }));

const reportCase = fc.record({
  u: fc.oneof({ weight: 6, arbitrary: webUrl }, { weight: 1, arbitrary: unparseable }),
  failure: fc.oneof(
    fc.record({
      type: fc.constant('http' as const),
      status: fc.integer({ min: 500, max: 599 }),
      statusLine: maybeInjected(fc.constantFrom('', 'HTTP/1.1 502 Bad Gateway')),
    }),
    fc.record({
      type: fc.constant('network' as const),
      kind: fc.constant('dns' as const),
      error: maybeInjected(fc.constantFrom('net::ERR_NAME_NOT_RESOLVED', '')),
    }),
  ) as fc.Arbitrary<Failure>,
  headers: rawHeaders(12),
  cookie: marker('cookie'),
  injectedTraceIds: fc.array(
    fc.record({ header: fc.constantFrom(...TRACE_ID_HEADERS), value: maybeInjected(fc.string({ maxLength: 10 })) }),
    { maxLength: 2 },
  ),
  ip: fc.option(maybeInjected(fc.constantFrom('203.0.113.9', '2001:db8::1', '')), { nil: undefined }),
  occurrences: fc.integer({ min: 1, max: 4 }),
  age: fc.integer({ min: 0, max: 86_400_000 }),
  checks: fc.array(
    fc.tuple(
      fc.constantFrom('reload', 'clean-request', 'dns', 'network', 'status-page'),
      checkState(NOW),
      fc.boolean(),
    ),
    { maxLength: 4 },
  ),
  env: ENV,
  keepQuery: fc.boolean(),
});

function incidentOf(c: ReportCase): Incident {
  const withCookies = [...c.headers, ...SENSITIVE_HEADERS.map((name) => ({ name, value: `${name}=${c.cookie}` }))];
  const picked = pickDiagnosticHeaders(withCookies);
  const fp = fingerprintResponse(picked);
  // As the browser reports it (webRequest URLs are always serialized); an unparseable one is never quoted.
  const serialized = parsed(c.u.url)?.href;
  const checks: CheckStates = {};
  for (const [id, state, mentionUrl] of c.checks) {
    // A step's summary may quote the page's address (with its query and userinfo) and arbitrary text.
    checks[id] =
      state.state === 'done' && mentionUrl && serialized !== undefined
        ? {
            ...state,
            result: { ...state.result, summary: 'dnsStale', summaryArgs: [serialized, `see ${serialized}${INJECT}`] },
          }
        : state;
  }
  return {
    id: 'i',
    url: c.u.url,
    failure: c.failure,
    at: NOW - c.age,
    lastSeenAt: NOW,
    occurrences: c.occurrences,
    // Headers are never shown; the planted cookies prove it even if picking had let them through.
    headers: { ...picked, cookie: c.cookie, 'set-cookie': c.cookie, authorization: `Bearer ${c.cookie}` },
    fingerprint: { ...fp, traceIds: [...fp.traceIds, ...c.injectedTraceIds] },
    incognito: false,
    checks,
    ...(c.ip === undefined ? {} : { ip: c.ip }),
  };
}
type ReportCase = typeof reportCase extends fc.Arbitrary<infer T> ? T : never;

describe('buildReport', () => {
  it('never shows the userinfo, the fragment, a cookie, or the query unless asked to keep it', () => {
    let keptQueries = 0;
    fc.assert(
      fc.property(reportCase, (c) => {
        const { text, markdown } = buildReport(incidentOf(c), c.env, {
          keepQuery: c.keepQuery,
          translate: getMessage,
          locale: 'en',
        });
        for (const out of [text, markdown]) {
          must(!out.includes('QQcookie'), () => `cookie in ${short(out)}`);
          if (c.u.hasUserinfo)
            must(!out.includes(c.u.user) && !out.includes(c.u.password), () => `userinfo in ${short(out)}`);
          if (c.u.hasFragment) must(!out.includes(c.u.fragment), () => `fragment in ${short(out)}`);
          if (c.u.hasQuery && !c.keepQuery) must(!out.includes(c.u.query), () => `query in ${short(out)}`);
          // Kept when asked, for a URL the browser can parse.
          if (c.u.hasQuery && c.keepQuery && parsed(c.u.url))
            must(out.includes(c.u.query), () => `query lost from ${short(out)}`);
        }
        if (c.u.hasQuery && c.keepQuery && parsed(c.u.url)) keptQueries++;
      }),
      { numRuns: 700 },
    );
    expect(keptQueries).toBeGreaterThan(50);
  });

  it('one line per field: header values, status lines, ids and names cannot inject lines', () => {
    fc.assert(
      fc.property(reportCase, (c) => {
        const incident = incidentOf(c);
        const { text, markdown } = buildReport(incident, c.env, {
          keepQuery: c.keepQuery,
          translate: getMessage,
          locale: 'en',
        });
        const { edge, server, traceIds } = incident.fingerprint;
        const fields =
          4 +
          (incident.occurrences > 1 ? 1 : 0) +
          (edge ? 1 : 0) +
          (server ? 1 : 0) +
          traceIds.length +
          (incident.ip ? 1 : 0);
        const steps = Math.max(1, Object.keys(incident.checks).length);
        const textLines = text.split('\n');
        const mdLines = markdown.split('\n');
        must(
          textLines.length === 1 + fields + 2 + steps + 1,
          () => `${textLines.length} text lines for ${fields} fields, ${steps} steps:\n${text}`,
        );
        must(
          mdLines.length === 2 + fields + 3 + steps + 1,
          () => `${mdLines.length} markdown lines for ${fields} fields, ${steps} steps:\n${markdown}`,
        );
        for (const line of [...textLines, ...mdLines])
          must(!/^\s*(- )?(\*\*)?QQinject/.test(line), () => `injected line: ${short(line)}`);
        for (const line of mdLines.slice(2, 2 + fields))
          must(line.startsWith('- **'), () => `not a field line: ${short(line)}`);
      }),
      { numRuns: 700 },
    );
  });
});
