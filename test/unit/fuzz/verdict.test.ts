// Properties of decideVerdict on generated incidents with any subset of steps in any state and any facts
// (right- and wrong-typed): it always answers, with existing keys, a known next step not already tried.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FIXERS } from '../../../src/knowledge/knowledge-entry';
import { decideVerdict, VERDICT_KEYS, type VerdictInput } from '../../../src/knowledge/verdict';
import { CHECK_IDS } from '../../../src/model/checks';
import { checkStates, failure, fingerprint, NOW } from './arbitraries';
import { must, mustHaveMessage, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const SIDES = ['fixed', 'site', 'hosting', 'network', 'dns', 'browser-data', 'extension', 'unknown'];
const CONFIDENCES = ['strong', 'likely', 'unsure'];
const STEPS: ReadonlySet<string> = new Set(CHECK_IDS);
const LISTED: ReadonlySet<string> = new Set(VERDICT_KEYS);

const incident: fc.Arbitrary<VerdictInput> = fc.record({
  id: fc.constant('i'),
  url: fc.constantFrom('https://example.com/a?b=1', 'http://[2001:db8::1]:8080/', 'https://bücher.example/', 'not a url', ''),
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
}, { requiredKeys: ['id', 'url', 'failure', 'at', 'lastSeenAt', 'occurrences', 'headers', 'fingerprint', 'incognito', 'checks'] });

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
          must(args.every((a) => typeof a === 'string'), () => `args ${short(args)}`);
        }
        for (const fixer of v.fixers) must(FIXERS.includes(fixer), `fixer ${fixer}`);
        must(v.nextStep === null || STEPS.has(v.nextStep), `next ${v.nextStep}`);
        // Only one repeat is meant: clearing the cache alone did not help, so clearing the cookies is next.
        if (v.nextStep !== null && v.nextStep in input.checks) {
          must(v.nextStep === 'clear-site-data' && v.side === 'browser-data', () => `suggests ${v.nextStep} again: ${short(v)}`);
        }
        if (v.side === 'fixed') must(v.nextStep === null && v.confidence === 'strong', 'fixed with a next step');
        const recovered = input.recoveredStatus;
        if (recovered !== undefined && recovered >= 200 && recovered < 400) must(v.side === 'fixed', `recovered ${recovered} → ${v.headlineKey}`);
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
