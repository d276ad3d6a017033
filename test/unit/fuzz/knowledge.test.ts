// Properties of the classifiers, knowledge tables and verdict: any status, any error string, any incident with
// any subset of steps in any state → a known answer whose i18n keys all exist (title, summary, context, causes,
// fixers, hop, step titles, verdict headline and evidence), a next step not already tried, and a badge that fits.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { badgeFor } from '../../../src/background/badge-text';
import { isServerErrorStatus } from '../../../src/knowledge/classify-navigation';
import { explain, type Explanation } from '../../../src/knowledge/explain';
import { fixerKey, FIXERS, HOPS, hopKey, type KnowledgeEntry } from '../../../src/knowledge/knowledge-entry';
import { classifyNetworkError, errorName as nameOf } from '../../../src/knowledge/network-errors';
import { networkKnowledge } from '../../../src/knowledge/network-knowledge';
import { GENERIC_5XX, GENERIC_HTTP_ERROR, statusKnowledge } from '../../../src/knowledge/status-codes';
import { decideVerdict, VERDICT_KEYS, type VerdictInput } from '../../../src/knowledge/verdict';
import { CHECK_IDS, checkTitleKey } from '../../../src/model/checks';
import { NETWORK_ERROR_KINDS, type Failure } from '../../../src/model/failure';
import type { Incident, TabRecord } from '../../../src/model/incident';
import {
  anyStatus,
  checkStates,
  errorName,
  errorSuffix,
  failure,
  fingerprint,
  networkErrorText,
  NOW,
  randomCase,
  REAL_ERRORS,
} from './arbitraries';
import { must, mustHaveMessage, placeholderCount, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const STEPS: ReadonlySet<string> = new Set(CHECK_IDS);
const KINDS: ReadonlySet<string> = new Set(NETWORK_ERROR_KINDS);

function checkEntry(entry: KnowledgeEntry): void {
  mustHaveMessage(entry.titleKey);
  mustHaveMessage(entry.summaryKey, []);
  for (const key of entry.causeKeys) mustHaveMessage(key, []);
  for (const fixer of entry.fixers) must(FIXERS.includes(fixer), `fixer ${fixer}`);
  must(HOPS.includes(entry.failingHop), `hop ${entry.failingHop}`);
  must(entry.steps.length > 0, 'no steps');
  for (const step of entry.steps) must(STEPS.has(step), `step ${step}`);
}

function checkExplanation(e: Explanation): void {
  mustHaveMessage(e.titleKey);
  mustHaveMessage(e.summaryKey, e.args);
  if (e.contextKey !== null) {
    mustHaveMessage(e.contextKey, e.args);
    // Every $n the sentence uses gets a real name, never an empty hole ("… is running, but …").
    for (let n = 1; n <= placeholderCount(e.contextKey); n++)
      must(e.args[n - 1] !== '', `${e.contextKey}: $${n} is empty`);
  }
  for (const key of e.causeKeys) mustHaveMessage(key, []);
  for (const fixer of e.fixers) mustHaveMessage(fixerKey(fixer));
  mustHaveMessage(hopKey(e.failingHop));
  for (const step of e.steps) {
    must(STEPS.has(step), `step ${step}`);
    mustHaveMessage(checkTitleKey(step));
  }
  must(
    e.args.length === 0 ? e.gatewayName === null : e.args.length === 2 && e.args[0] === e.gatewayName,
    `args ${short(e.args)} vs ${e.gatewayName}`,
  );
}

describe('statusKnowledge / explain for any status', () => {
  it('answers every number (negative, NaN, > 599 …) with an entry whose keys exist; 5xx never gets the non-5xx fallback', () => {
    fc.assert(
      fc.property(anyStatus, (status) => {
        const entry = statusKnowledge(status);
        checkEntry(entry);
        const is5xx = status >= 500 && status <= 599;
        must(is5xx ? entry !== GENERIC_HTTP_ERROR : entry === GENERIC_HTTP_ERROR, `${status} → ${entry.titleKey}`);
        if (is5xx && !Number.isInteger(status)) must(entry === GENERIC_5XX, `${status} → ${entry.titleKey}`);
      }),
      { numRuns: 12000 },
    );
  });

  it('explain on any http failure and fingerprint references only existing keys, with args for every $n', () => {
    fc.assert(
      fc.property(anyStatus, fc.string({ maxLength: 20 }), fingerprint, (status, statusLine, fp) => {
        checkExplanation(explain({ type: 'http', status, statusLine }, fp));
      }),
      { numRuns: 4000 },
    );
  });

  it('isServerErrorStatus is exactly "an integer in 500–599"', () => {
    fc.assert(
      fc.property(anyStatus, (status) => {
        must(
          isServerErrorStatus(status) === (Number.isInteger(status) && status >= 500 && status <= 599),
          String(status),
        );
      }),
      { numRuns: 6000 },
    );
  });
});

describe('classifyNetworkError', () => {
  const known = (c: string): boolean => c === 'ignore' || KINDS.has(c);

  it('never throws on any string and answers a known kind or "ignore"; no error name → "other"', () => {
    fc.assert(
      fc.property(fc.oneof(networkErrorText, fc.string({ unit: 'binary', maxLength: 200 })), (error) => {
        const kind = classifyNetworkError(error);
        must(known(kind), () => `${short(error)} → ${kind}`);
        if (nameOf(error) === null) must(kind === 'other', () => `${short(error)} → ${kind} without an error name`);
      }),
      { numRuns: 8000 },
    );
  });

  it('families: SEC_ERROR_/SSL_ERROR_/MOZILLA_PKIX_ERROR_/ERR_CERT_/ERR_SSL_ → tls, ERR_DNS_ → dns, proxies → unreachable, HTTP/2 & QUIC → protocol', () => {
    const FAMILIES: [string, string][] = [
      ['SEC_ERROR_', 'tls'],
      ['SSL_ERROR_', 'tls'],
      ['MOZILLA_PKIX_ERROR_', 'tls'],
      ['ERR_CERT_', 'tls'],
      ['ERR_SSL_', 'tls'],
      ['ERR_DNS_', 'dns'],
      ['ERR_PROXY_', 'unreachable'],
      ['ERR_SOCKS_', 'unreachable'],
      ['NS_ERROR_PROXY_', 'unreachable'],
      ['ERR_HTTP2_', 'protocol'],
      ['ERR_QUIC_', 'protocol'],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        errorSuffix,
        fc.constantFrom('', 'net::', 'Error code: '),
        ([family, kind], suffix, prefix) => {
          must(classifyNetworkError(`${prefix}${family}${suffix}`) === kind, `${family}${suffix}`);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('ignores case, the "net::" prefix and text around the name', () => {
    fc.assert(
      fc.property(
        fc.oneof(errorName, fc.constantFrom(...REAL_ERRORS.map((e) => e.replace('net::', '')))),
        randomCase(fc.constant('net::')),
        (name, net) => {
          const kind = classifyNetworkError(name);
          for (const variant of [
            `${net}${name}`,
            name.toLowerCase(),
            `Error: ${name.toLowerCase()} (0x80004005)`,
            `${name}\n`,
          ]) {
            must(
              classifyNetworkError(variant) === kind,
              `${variant} → ${classifyNetworkError(variant)}, ${name} → ${kind}`,
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every kind it emits has an explanation whose keys exist (with and without a known edge)', () => {
    fc.assert(
      fc.property(networkErrorText, fingerprint, (error, fp) => {
        const kind = classifyNetworkError(error);
        if (kind === 'ignore') return;
        checkEntry(networkKnowledge(kind, error));
        const explanation = explain({ type: 'network', kind, error }, fp);
        checkExplanation(explanation);
        // A known edge that refuses/resets/times out is the gateway hop, never "you".
        if (fp.edge !== null && (kind === 'refused' || kind === 'reset' || kind === 'timeout'))
          must(explanation.failingHop !== 'you', 'edge → you');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('badgeFor', () => {
  const record = (f: Failure, back: boolean): TabRecord => {
    const incident: Incident = {
      id: 'i1',
      url: 'https://example.com/',
      failure: f,
      at: NOW,
      lastSeenAt: NOW,
      occurrences: 1,
      headers: {},
      fingerprint: { edge: null, server: null, traceIds: [] },
      incognito: false,
      checks: {},
    };
    return {
      tabId: 1,
      incident,
      ...(back
        ? {
            watch: {
              id: 'w',
              incidentId: 'i1',
              url: incident.url,
              status: 'back' as const,
              startedAt: NOW,
              tries: 1,
              nextTryAt: NOW,
              reload: false,
              endedAt: NOW + 1,
            },
          }
        : {}),
    };
  };

  const checkBadge = (f: Failure, back: boolean): void => {
    const look = badgeFor(record(f, back))!;
    must(look.text.length >= 1 && look.text.length <= 4, `${short(f)} → badge ${short(look.text)}`);
    must(/^#[0-9a-f]{6}$/i.test(look.color), `colour ${look.color}`);
    mustHaveMessage(look.titleKey, [look.text]);
    if (back) must(look.text === 'OK', 'back but not OK');
  };

  it('fits in 4 characters, has a colour and an existing title for every failure the detector records', () => {
    fc.assert(fc.property(failure, fc.boolean(), checkBadge), { numRuns: 4000 });
  });

  it('fits for any three-digit status, and no record means no badge', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999, max: 9999 }), (status) =>
        checkBadge({ type: 'http', status, statusLine: '' }, false),
      ),
      { numRuns: 3000 },
    );
    expect(badgeFor(undefined)).toBeNull();
    expect(badgeFor({ tabId: 1 })).toBeNull();
  });

  it('any status at all fits the badge', () => {
    fc.assert(
      fc.property(anyStatus, (status) => {
        const look = badgeFor(record({ type: 'http', status, statusLine: '' }, false))!;
        must(look.text.length <= 4 && look.text.length > 0, `${status} → ${look.text}`);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- decideVerdict ----

const SIDES = ['fixed', 'site', 'hosting', 'network', 'dns', 'browser-data', 'extension', 'unknown'];
const CONFIDENCES = ['strong', 'likely', 'unsure'];
const LISTED: ReadonlySet<string> = new Set(VERDICT_KEYS);

const incident: fc.Arbitrary<VerdictInput> = fc.record(
  {
    id: fc.constant('i'),
    url: fc.constantFrom(
      'https://example.com/a?b=1',
      'http://[2001:db8::1]:8080/',
      'https://bücher.example/',
      'not a url',
      '',
    ),
    failure,
    at: fc.integer({ min: NOW - 3_600_000, max: NOW }),
    lastSeenAt: fc.integer({ min: NOW - 20 * 60_000, max: NOW }),
    occurrences: fc.integer({ min: 1, max: 5 }),
    ip: fc.constantFrom('203.0.113.7', '2001:db8::2'),
    headers: fc.constant({}),
    fingerprint,
    incognito: fc.boolean(),
    checks: checkStates(NOW),
    endedAt: fc.integer({ min: NOW - 60_000, max: NOW }),
    recoveredStatus: fc.oneof(fc.integer({ min: 100, max: 599 }), fc.constantFrom(200, 304, 0, -1, Number.NaN)),
  },
  {
    requiredKeys: [
      'id',
      'url',
      'failure',
      'at',
      'lastSeenAt',
      'occurrences',
      'headers',
      'fingerprint',
      'incognito',
      'checks',
    ],
  },
);

describe('decideVerdict', () => {
  it('never throws; its keys exist and are listed; evidence has an arg for every $n; next step known and not tried yet', () => {
    const headlines = new Set<string>();
    fc.assert(
      fc.property(incident, fc.integer({ min: NOW - 60_000, max: NOW + 30 * 60_000 }), (input, now) => {
        const v = decideVerdict(input, now);
        must(SIDES.includes(v.side) && CONFIDENCES.includes(v.confidence), () => `${v.side}/${v.confidence}`);
        for (const key of [v.headlineKey, ...(v.detailKey ? [v.detailKey] : [])]) {
          mustHaveMessage(key, []);
          must(LISTED.has(key), `${key} not in VERDICT_KEYS`);
        }
        for (const { key, args } of v.evidence) {
          mustHaveMessage(key, args);
          must(LISTED.has(key), `${key} not in VERDICT_KEYS`);
          must(
            args.every((a) => typeof a === 'string'),
            () => `args ${short(args)}`,
          );
        }
        for (const fixer of v.fixers) must(FIXERS.includes(fixer), `fixer ${fixer}`);
        must(v.nextStep === null || STEPS.has(v.nextStep), `next ${v.nextStep}`);
        // Only one repeat is meant: clearing the cache alone did not help, so clearing the cookies is next.
        if (v.nextStep !== null && v.nextStep in input.checks) {
          must(
            v.nextStep === 'clear-site-data' && v.side === 'browser-data',
            () => `suggests ${v.nextStep} again: ${short(v)}`,
          );
        }
        if (v.side === 'fixed') must(v.nextStep === null && v.confidence === 'strong', 'fixed with a next step');
        const recovered = input.recoveredStatus;
        if (recovered !== undefined && recovered >= 200 && recovered < 400)
          must(v.side === 'fixed', `recovered ${recovered} → ${v.headlineKey}`);
        headlines.add(v.headlineKey);
      }),
      { numRuns: 2500 },
    );
    // Not vacuous: the generated step results reach most branches of the decision.
    expect(headlines.size).toBeGreaterThanOrEqual(14);
  });

  it('is a pure function: same answer for a deep copy, and the incident is not changed', () => {
    fc.assert(
      fc.property(incident, (input) => {
        const before = structuredClone(input);
        const v = decideVerdict(input, NOW);
        expect(input).toEqual(before);
        expect(decideVerdict(before, NOW)).toEqual(v);
      }),
      { numRuns: 600 },
    );
  });

  it('without any step result, it asks for the first helpful step and stays unsure', () => {
    fc.assert(
      fc.property(incident, (input) => {
        const { recoveredStatus: _r, ...rest } = input;
        void _r;
        const v = decideVerdict({ ...rest, checks: {} }, NOW);
        must(v.side === 'unknown' && v.confidence === 'unsure' && v.nextStep !== null, () => short(v));
      }),
      { numRuns: 800 },
    );
  });
});
