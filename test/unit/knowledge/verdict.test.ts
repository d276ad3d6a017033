import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  beyondBrowserWorks,
  decideVerdict,
  hopOfVerdict,
  VERDICT_KEYS,
  type Verdict,
} from '../../../src/knowledge/verdict';
import { RESULT_TTL_MS } from '../../../src/knowledge/verdict-facts';
import type { CheckId } from '../../../src/model/checks';
import {
  cancelled,
  cleanOk,
  cleanStatus,
  cleanUnreachable,
  cleared,
  dnsState,
  elsewhere,
  junk,
  statusProblem,
  http,
  incident,
  net,
  networkFacts,
  NOW,
  privateLoaded,
  reloadFixed,
  reloadSame,
} from '../support/verdict-fixtures';

const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;

interface Row {
  name: string;
  input: ReturnType<typeof incident>;
  side: Verdict['side'];
  confidence: Verdict['confidence'];
  next: CheckId | null;
  headline?: string;
  /** Evidence keys that must be among the reasons given. */
  because?: string[];
}

const ROWS: Row[] = [
  {
    name: 'nothing run yet on a 502',
    input: incident(http(502)),
    side: 'unknown',
    confidence: 'unsure',
    next: 'reload',
    headline: 'verdictUnknown',
  },
  {
    name: 'nothing run yet on a DNS failure: the DNS step first',
    input: incident(net('dns')),
    side: 'unknown',
    confidence: 'unsure',
    next: 'dns',
  },
  {
    name: 'the incident ended with a 200',
    input: incident(http(503), {}, { recoveredStatus: 200 }),
    side: 'fixed',
    confidence: 'strong',
    next: null,
    headline: 'verdictFixed',
    because: ['verdictEvRecovered'],
  },
  {
    name: 'reload fixed it',
    input: incident(http(502), { reload: reloadFixed }),
    side: 'fixed',
    confidence: 'strong',
    next: null,
    headline: 'verdictFixedByReload',
  },
  // In the browser a fix always ends the incident: the step that fixed it still names the cause.
  {
    name: 'reload fixed it and the incident ended',
    input: incident(http(502), { reload: reloadFixed }, { recoveredStatus: 200 }),
    side: 'fixed',
    confidence: 'strong',
    next: null,
    headline: 'verdictFixedByReload',
  },
  {
    name: 'clearing fixed it and the incident ended',
    input: incident(http(502), { 'clear-site-data': cleared('fixed', true) }, { recoveredStatus: 200 }),
    side: 'fixed',
    confidence: 'strong',
    next: null,
    headline: 'verdictFixedByClearing',
  },
  {
    name: 'a "fixed" reload older than the latest failure does not count',
    input: incident(http(502), { reload: reloadFixed }, { lastSeenAt: NOW - 100 }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'clean-request',
  },
  {
    name: 'clearing site data fixed it',
    input: incident(http(502), { reload: reloadSame('502'), 'clear-site-data': cleared('fixed', false) }),
    side: 'fixed',
    confidence: 'strong',
    next: null,
    headline: 'verdictFixedByClearing',
  },
  {
    name: 'clean request OK while the tab fails → stored data (reload first: it may have been passing)',
    input: incident(http(502), { 'clean-request': cleanOk }),
    side: 'browser-data',
    confidence: 'likely',
    next: 'reload',
    because: ['verdictEvCleanOk'],
  },
  {
    name: 'clean request OK + reload still failing → stored data, strong',
    input: incident(http(502), { reload: reloadSame('502'), 'clean-request': cleanOk }),
    side: 'browser-data',
    confidence: 'strong',
    next: 'clear-site-data',
    because: ['verdictEvReloadStillFailing', 'verdictEvCleanOk'],
  },
  {
    name: 'cache cleared without cookies did not help: clear again with cookies',
    input: incident(http(502), {
      reload: reloadSame('502'),
      'clean-request': cleanOk,
      'clear-site-data': cleared('still-failing', false),
    }),
    side: 'browser-data',
    confidence: 'strong',
    next: 'clear-site-data',
    because: ['verdictEvCacheClearedNoHelp'],
  },
  {
    name: 'everything cleared, still failing, clean request OK → extension, try private window',
    input: incident(http(502), { 'clean-request': cleanOk, 'clear-site-data': cleared('still-failing', true) }),
    side: 'extension',
    confidence: 'likely',
    next: 'private-window',
    because: ['verdictEvClearedNoHelp'],
  },
  {
    name: 'private window loads → stored data first',
    input: incident(http(500), { reload: reloadSame('500'), 'private-window': privateLoaded(true) }),
    side: 'browser-data',
    confidence: 'strong',
    next: 'clear-site-data',
    because: ['verdictEvPrivateLoaded'],
  },
  {
    name: 'private window loads, nothing else run → reload first',
    input: incident(http(500), { 'private-window': privateLoaded(true) }),
    side: 'browser-data',
    confidence: 'likely',
    next: 'reload',
  },
  {
    name: 'clean OK + private window loads → stored data, strong',
    input: incident(http(500), {
      'clean-request': cleanOk,
      'private-window': privateLoaded(true),
      reload: reloadSame('500'),
    }),
    side: 'browser-data',
    confidence: 'strong',
    next: 'clear-site-data',
  },
  {
    name: 'private window loads, all data cleared → extension',
    input: incident(http(500), {
      'private-window': privateLoaded(true),
      'clear-site-data': cleared('still-failing', true),
    }),
    side: 'extension',
    confidence: 'likely',
    next: null,
  },
  {
    name: 'blocked by the browser, private window loads → extension',
    input: incident(net('blocked', 'net::ERR_BLOCKED_BY_CLIENT'), { 'private-window': privateLoaded(true) }),
    side: 'extension',
    confidence: 'likely',
    next: null,
    because: ['verdictEvBlocked'],
  },
  {
    name: 'captive portal wins over everything but "fixed"',
    input: incident(http(511), { network: networkFacts('partial', true), 'clean-request': cleanOk }),
    side: 'network',
    confidence: 'strong',
    next: null,
    headline: 'verdictCaptivePortal',
  },
  {
    name: 'no connectivity',
    input: incident(net('timeout'), { network: networkFacts('none', false, false) }),
    side: 'network',
    confidence: 'strong',
    next: null,
    headline: 'verdictOffline',
    because: ['verdictEvNoInternet'],
  },
  {
    name: 'device offline',
    input: incident(net('offline'), { network: networkFacts('none', false, false, false) }),
    side: 'network',
    confidence: 'strong',
    next: null,
    because: ['verdictEvOffline'],
  },
  {
    name: 'DoH says NXDOMAIN',
    input: incident(net('dns'), { dns: dnsState('nxdomain') }),
    side: 'dns',
    confidence: 'strong',
    next: null,
    headline: 'verdictDnsNoSuchName',
  },
  {
    name: 'stale DNS on a refused connection',
    input: incident(net('refused'), { dns: dnsState('stale') }, { ip: '203.0.113.9' }),
    side: 'dns',
    confidence: 'strong',
    next: null,
    headline: 'verdictDnsStale',
  },
  {
    name: 'stale DNS on an HTTP error is only likely',
    input: incident(http(502), { dns: dnsState('stale') }, { ip: '203.0.113.9' }),
    side: 'dns',
    confidence: 'likely',
    next: null,
  },
  {
    name: 'your DNS fails, public DNS resolves',
    input: incident(net('dns'), { dns: dnsState('local-fails'), network: networkFacts('ok') }),
    side: 'dns',
    confidence: 'strong',
    next: null,
    headline: 'verdictDnsLocal',
  },
  {
    name: 'same 5xx without cookies + connection OK → site',
    input: incident(http(502), { 'clean-request': cleanStatus(502), network: networkFacts('ok') }),
    side: 'site',
    confidence: 'strong',
    next: null,
    headline: 'verdictSiteError',
    because: ['verdictEvConnectivityOk', 'verdictEvCleanServerError'],
  },
  {
    name: 'Cloudflare 522 without cookies too → still the site, not hosting',
    input: incident(
      http(522),
      { 'clean-request': cleanStatus(522), network: networkFacts('ok') },
      { edge: 'cloudflare' },
    ),
    side: 'site',
    confidence: 'strong',
    next: null,
  },
  {
    name: 'same 5xx without cookies, connectivity unknown → site, likely',
    input: incident(http(503), { 'clean-request': cleanStatus(503) }),
    side: 'site',
    confidence: 'likely',
    next: null,
  },
  {
    name: 'refused + connection OK → site unreachable',
    input: incident(net('refused'), { 'clean-request': cleanUnreachable, network: networkFacts('ok', false, false) }),
    side: 'site',
    confidence: 'strong',
    next: null,
    headline: 'verdictSiteUnreachable',
  },
  {
    name: 'refused, connectivity not tested → site unreachable, unsure, test network',
    input: incident(net('refused'), { 'clean-request': cleanUnreachable }),
    side: 'site',
    confidence: 'unsure',
    next: 'network',
  },
  {
    name: 'CDN edge refuses while internet works → hosting',
    input: incident(
      net('timeout'),
      { 'clean-request': cleanUnreachable, network: networkFacts('ok', false, false) },
      { edge: 'cloudflare' },
    ),
    side: 'hosting',
    confidence: 'likely',
    next: null,
    because: ['verdictEvEdgeSilent'],
  },
  {
    name: 'private window fails too + connection OK → site, likely',
    input: incident(http(500), { 'private-window': privateLoaded(false), network: networkFacts('ok') }),
    side: 'site',
    confidence: 'likely',
    next: 'clean-request',
    headline: 'verdictSiteNotBrowser',
  },
  {
    name: 'reload still failing on a 5xx only → probably the site, check without cookies next',
    input: incident(http(504), { reload: reloadSame('504') }),
    side: 'site',
    confidence: 'unsure',
    next: 'clean-request',
    headline: 'verdictProbablySite',
  },
  {
    name: 'probes elsewhere all fail too → down for everyone, strong',
    input: incident(http(502), { 'other-locations': elsewhere('down', 3, 0) }),
    side: 'site',
    confidence: 'strong',
    next: null,
    headline: 'verdictDownForEveryone',
    because: ['verdictEvElsewhereDown'],
  },
  {
    name: 'probes elsewhere fail, the clean request got the same 5xx → still "everyone"',
    input: incident(http(502), {
      'clean-request': cleanStatus(502),
      network: networkFacts('ok'),
      'other-locations': elsewhere('down', 3, 0),
    }),
    side: 'site',
    confidence: 'strong',
    next: null,
    headline: 'verdictDownForEveryone',
    because: ['verdictEvConnectivityOk', 'verdictEvElsewhereDown'],
  },
  {
    name: 'offline wins over probes elsewhere',
    input: incident(net('timeout'), {
      network: networkFacts('none', false, false),
      'other-locations': elsewhere('down', 3, 0),
    }),
    side: 'network',
    confidence: 'strong',
    next: null,
    headline: 'verdictOffline',
  },
  {
    name: 'refused here, probes elsewhere get the page → the path from here (network), DNS next',
    input: incident(net('refused'), {
      'clean-request': cleanUnreachable,
      network: networkFacts('ok', false, false),
      'other-locations': elsewhere('up', 3, 3),
    }),
    side: 'network',
    confidence: 'likely',
    next: 'dns',
    headline: 'verdictOnlyFromHere',
    because: ['verdictEvElsewhereUp'],
  },
  {
    name: 'a 5xx here even without cookies, probes elsewhere get the page → the edge serving this region',
    input: incident(
      http(502),
      { 'clean-request': cleanStatus(502), 'other-locations': elsewhere('up', 3, 3) },
      { edge: 'cloudflare' },
    ),
    side: 'hosting',
    confidence: 'likely',
    next: 'private-window',
    headline: 'verdictOnlyFromHereHttp',
    because: ['verdictEvElsewhereUp', 'verdictEvCleanServerError'],
  },
  {
    name: 'a 5xx here, probes elsewhere get the page, nothing else known → check without cookies next',
    input: incident(http(503), { 'other-locations': elsewhere('up', 2, 2) }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'clean-request',
    headline: 'verdictWorksElsewhere',
  },
  {
    name: 'the clean request works and probes elsewhere too → stored data, not "elsewhere"',
    input: incident(http(502), {
      reload: reloadSame('502'),
      'clean-request': cleanOk,
      'other-locations': elsewhere('up', 3, 3),
    }),
    side: 'browser-data',
    confidence: 'strong',
    next: 'clear-site-data',
  },
  {
    name: 'some probes get the page: evidence only, the site verdict stands',
    input: incident(http(502), {
      'clean-request': cleanStatus(502),
      network: networkFacts('ok'),
      'other-locations': elsewhere('mixed', 3, 1),
    }),
    side: 'site',
    confidence: 'strong',
    next: null,
    headline: 'verdictSiteError',
    because: ['verdictEvElsewhereMixed'],
  },
  {
    name: 'no probe answered: ignored',
    input: incident(http(502), { 'other-locations': elsewhere('unknown', 0, 0) }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'reload',
    headline: 'verdictUnknown',
  },
  {
    name: "the site's own status page reports a problem → known outage, likely",
    input: incident(http(503), { 'status-page': statusProblem('site') }),
    side: 'site',
    confidence: 'likely',
    next: 'clean-request',
    headline: 'verdictKnownOutage',
    because: ['verdictEvOwnStatusProblem'],
  },
  {
    name: "the CDN's status page reports a problem: evidence, no conclusion on its own",
    input: incident(http(502), { 'status-page': statusProblem('provider') }, { edge: 'cloudflare' }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'reload',
    because: ['verdictEvProviderStatusProblem'],
  },
  {
    name: 'a step still running is not suggested again',
    input: incident(http(502), { reload: 'running' }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'clean-request',
  },
  {
    name: 'results older than the TTL are ignored',
    input: incident(http(502), { 'clean-request': cleanOk }, { lastSeenAt: NOW - RESULT_TTL_MS - 10_000 }),
    side: 'unknown',
    confidence: 'unsure',
    next: 'reload',
  },
];

describe('decideVerdict: one row per scenario', () => {
  it.each(ROWS)('$name', (row) => {
    const now = row.name.includes('TTL') ? NOW + RESULT_TTL_MS : NOW;
    const verdict = decideVerdict(row.input, now);
    expect({ side: verdict.side, confidence: verdict.confidence, next: verdict.nextStep }).toEqual({
      side: row.side,
      confidence: row.confidence,
      next: row.next,
    });
    if (row.headline) expect(verdict.headlineKey).toBe(row.headline);
    const keys = verdict.evidence.map((e) => e.key);
    for (const key of row.because ?? []) expect(keys).toContain(key);
  });

  it('has at least 15 scenarios', () => expect(ROWS.length).toBeGreaterThanOrEqual(15));
});

describe('decideVerdict: what it hands the popup', () => {
  it('names the fixers from the knowledge for a site-side verdict, and "you" for browser data', () => {
    expect(
      decideVerdict(incident(http(502), { 'clean-request': cleanStatus(502), network: networkFacts('ok') }), NOW)
        .fixers,
    ).toEqual(['site-owner', 'hosting']);
    expect(decideVerdict(incident(http(502), { 'clean-request': cleanOk }), NOW).fixers).toEqual(['you']);
  });

  it('fills evidence arguments with the facts (status, host, CDN name)', () => {
    const v = decideVerdict(incident(http(502), { 'clean-request': cleanOk }), NOW);
    expect(v.evidence).toContainEqual({ key: 'verdictEvCleanOk', args: ['200'] });
    const dns = decideVerdict(incident(net('dns'), { dns: dnsState('nxdomain') }), NOW);
    expect(dns.evidence).toContainEqual({ key: 'verdictEvDnsNxdomain', args: ['shop.example.com'] });
    const edge = decideVerdict(
      incident(
        net('timeout'),
        { 'clean-request': cleanUnreachable, network: networkFacts('ok', false, false) },
        { edge: 'cloudflare' },
      ),
      NOW,
    );
    expect(edge.evidence).toContainEqual({ key: 'verdictEvEdgeSilent', args: ['Cloudflare'] });
  });

  it('gives only keys that exist in _locales (every row, and the declared list)', () => {
    for (const key of VERDICT_KEYS) expect(messages[key], key).toBeDefined();
    for (const row of ROWS) {
      const v = decideVerdict(row.input, NOW);
      for (const key of [v.headlineKey, v.detailKey, ...v.evidence.map((e) => e.key)])
        if (key) expect(VERDICT_KEYS, key).toContain(key);
    }
  });

  it('ignores a cancelled step and malformed facts instead of throwing', () => {
    const v = decideVerdict(incident(http(502), { reload: cancelled, network: junk, dns: junk }), NOW);
    expect(v.side).toBe('unknown');
  });
});

describe('decideVerdict on a browser that cannot run a step', () => {
  it('never suggests a step left out (Firefox for Android: no private window), in every scenario', () => {
    const suggestsPrivate = ROWS.filter((row) => row.next === 'private-window');
    expect(suggestsPrivate.length).toBeGreaterThan(0);
    for (const row of ROWS) {
      const now = row.name.includes('TTL') ? NOW + RESULT_TTL_MS : NOW;
      const verdict = decideVerdict(row.input, now, ['private-window']);
      expect(verdict.nextStep, row.name).not.toBe('private-window');
      // The conclusion itself does not change, only the step offered next.
      expect(verdict.side, row.name).toBe(row.side);
      if (row.next !== 'private-window') expect(verdict.nextStep, row.name).toBe(row.next);
    }
  });
});

describe('the chain follows the verdict', () => {
  it.each([
    [
      'stored data: the break is in this browser, the rest works',
      incident(http(502), { reload: reloadSame('502'), 'clean-request': cleanOk }),
      'you',
      true,
    ],
    ['your connection', incident(net('timeout'), { network: networkFacts('none', false, false) }), 'network', false],
    [
      'stale DNS is on your side of the chain',
      incident(net('refused'), { dns: dnsState('stale') }, { ip: '203.0.113.9' }),
      'network',
      false,
    ],
    [
      'a silent CDN edge',
      incident(
        net('timeout'),
        { 'clean-request': cleanUnreachable, network: networkFacts('ok', false, false) },
        { edge: 'cloudflare' },
      ),
      'gateway',
      false,
    ],
    [
      'the site',
      incident(http(502), { 'clean-request': cleanStatus(502), network: networkFacts('ok') }),
      'origin',
      false,
    ],
    ['no conclusion yet: the failure keeps its own hop', incident(http(502)), null, false],
  ] as const)('%s', (_name, input, hop, rest) => {
    const { side } = decideVerdict(input, NOW);
    expect(hopOfVerdict(side)).toBe(hop);
    expect(beyondBrowserWorks(side)).toBe(rest);
  });
});
