// Properties of the header pipeline: pickDiagnosticHeaders → fingerprintResponse / findTraceIds / detectChallenge.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { detectChallenge } from '../../../src/knowledge/challenge';
import {
  MAX_HEADERS,
  MAX_TOTAL_LENGTH,
  MAX_VALUE_LENGTH,
  pickDiagnosticHeaders,
} from '../../../src/knowledge/diagnostic-headers';
import { analyseResponse, traceIdNames } from '../../../src/knowledge/infrastructure/analyse-response';
import { INFRA_IDS } from '../../../src/model/infrastructure';
import { INFRASTRUCTURE } from '../../../src/knowledge/infrastructure';
import { entryHeaderNames } from '../../../src/knowledge/infrastructure/entry-parts';

const fingerprintResponse = (headers: Record<string, string>, status = 502) => analyseResponse(headers, status);

import { EDGE_IDS, SERVER_IDS } from '../../../src/model/fingerprint';
import {
  headerRecord,
  headerValue,
  KEPT_HEADERS,
  marker,
  randomCase,
  rawHeaders,
  SENSITIVE_HEADERS,
  type RawHeader,
} from './arbitraries';
import { must, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

// The fixed list, plus every header an infrastructure entry reads (kept so the engine sees them).
const FROM_ENTRIES = INFRASTRUCTURE.map(entryHeaderNames);
const KEPT = new Set([
  ...KEPT_HEADERS,
  'proxy-status',
  'x-trace-id',
  'x-correlation-id',
  'request-id',
  'traceparent',
  ...FROM_ENTRIES.flatMap((e) => e.names),
]);
const PREFIXES = ['x-akamai-', ...FROM_ENTRIES.flatMap((e) => e.prefixes)];
const SENSITIVE = new Set(SENSITIVE_HEADERS);
const isKeptName = (name: string): boolean => KEPT.has(name) || PREFIXES.some((prefix) => name.startsWith(prefix));
// eslint-disable-next-line no-control-regex -- control characters must not survive
const CONTROL = /[\u0000-\u001f\u007f]/;
const toList = (picked: Record<string, string>): RawHeader[] =>
  Object.entries(picked).map(([name, value]) => ({ name, value }));

function checkPicked(headers: RawHeader[], picked: Record<string, string>): void {
  const entries = Object.entries(picked);
  must(entries.length <= MAX_HEADERS, `${entries.length} headers kept`);
  const inputNames = new Set(headers.filter((h) => h.value !== undefined).map((h) => h.name.toLowerCase()));
  let total = 0;
  for (const [name, value] of entries) {
    must(value.length <= MAX_VALUE_LENGTH, `${name}: ${value.length} chars`);
    must(!CONTROL.test(value), `${name}: control character in ${short(value)}`);
    must(name === name.toLowerCase() && isKeptName(name) && !SENSITIVE.has(name), `kept ${short(name)}`);
    must(inputNames.has(name), `${name} was not in the input`);
    total += name.length + value.length;
  }
  must(total <= MAX_TOTAL_LENGTH, `${total} chars in total`);
}

describe('pickDiagnosticHeaders', () => {
  it('never throws; output bounded in count, per value and in total; allow-listed lower-case names only', () => {
    fc.assert(
      fc.property(rawHeaders(16), (headers) => checkPicked(headers, pickDiagnosticHeaders(headers))),
      { numRuns: 3000 },
    );
    // Long lists, so the 24-header and 4 KB caps are reached.
    let full = 0;
    fc.assert(
      fc.property(rawHeaders(80, 'max'), (headers) => {
        const picked = pickDiagnosticHeaders(headers);
        checkPicked(headers, picked);
        if (Object.keys(picked).length === MAX_HEADERS) full++;
      }),
      { numRuns: 200 },
    );
    expect(full).toBeGreaterThan(5);
  });

  it('never lets a cookie or credential through, whatever the casing or how many there are', () => {
    const secret = fc.record({ name: randomCase(fc.constantFrom(...SENSITIVE_HEADERS)), value: marker('cookie') });
    fc.assert(
      fc.property(
        rawHeaders(16),
        fc.array(fc.tuple(secret, fc.nat()), { minLength: 1, maxLength: 5 }),
        (headers, secrets) => {
          const list = [...headers];
          for (const [s, at] of secrets) list.splice(at % (list.length + 1), 0, s);
          const picked = JSON.stringify(pickDiagnosticHeaders(list));
          must(!picked.includes('QQcookie'), () => `leaked: ${short(picked)}`);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('keeps every allow-listed header verbatim while under the caps', () => {
    const value = fc.string({ unit: fc.constantFrom(...'abcXYZ019 ;=/.-'), maxLength: 40 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom(...KEPT_HEADERS), value), {
          selector: ([name]) => name,
          maxLength: MAX_HEADERS,
        }),
        (pairs) => {
          const picked = pickDiagnosticHeaders(pairs.map(([name, v]) => ({ name: name.toUpperCase(), value: v })));
          expect(picked).toEqual(Object.fromEntries(pairs.map(([name, v]) => [name, v.trim()])));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('repeated names are joined in order, then cut at the per-value cap', () => {
    const value = fc.string({ unit: fc.constantFrom(...'abc019'), minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        randomCase(fc.constantFrom(...KEPT_HEADERS)),
        fc.array(value, { minLength: 2, maxLength: 16 }),
        (name, values) => {
          const picked = pickDiagnosticHeaders(values.map((v) => ({ name, value: v })));
          expect(picked).toEqual({ [name.toLowerCase()]: values.join(', ').slice(0, MAX_VALUE_LENGTH) });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(rawHeaders(16), (headers) => {
        const once = pickDiagnosticHeaders(headers);
        const twice = pickDiagnosticHeaders(toList(once));
        expect(twice).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });
});

function checkFingerprint(headers: Record<string, string>): void {
  const fp = fingerprintResponse(headers);
  must(fp.edge === null || (EDGE_IDS as readonly string[]).includes(fp.edge), `edge ${fp.edge}`);
  must(fp.server === null || (SERVER_IDS as readonly string[]).includes(fp.server), `server ${fp.server}`);
  must(fp.traceIds.length <= 8, `${fp.traceIds.length} trace ids`);
  must(new Set(fp.traceIds.map((t) => t.header)).size === fp.traceIds.length, 'a trace id header twice');
  for (const { header, value } of fp.traceIds) {
    must(traceIdNames().has(header), `trace id header ${header} unknown`);
    must(value.length > 0 && value.length <= 200, `trace id of ${value.length} chars`);
    must(headers[header]!.trim().startsWith(value), `trace id ${short(value)} not taken from ${header}`);
  }
  for (const layer of fp.layers ?? []) must((INFRA_IDS as readonly string[]).includes(layer.id), `layer ${layer.id}`);
  if (
    !Object.keys(headers).some((name) => isKeptName(name) || name.startsWith('fastly-') || name.startsWith('x-envoy-'))
  ) {
    must(
      fp.edge === null && fp.server === null && fp.traceIds.length === 0 && fp.layers?.length === 0,
      `a guess from unknown headers: ${short(fp)}`,
    );
  }
}

describe('fingerprintResponse / findTraceIds', () => {
  it('on picked headers: ids from the known lists or null; trace ids bounded, known, in order, taken from the header', () => {
    fc.assert(
      fc.property(rawHeaders(16), (headers) => checkFingerprint(pickDiagnosticHeaders(headers))),
      { numRuns: 3000 },
    );
  });

  it('never throws on a raw (unpicked, even corrupt) header record', () => {
    fc.assert(
      fc.property(headerRecord, (headers) => checkFingerprint(headers)),
      { numRuns: 2000 },
    );
  });

  it('unknown headers alone give no guess', () => {
    const noise = fc.dictionary(
      fc.string({ maxLength: 8 }).map((s) => `x-noise-${s}`),
      headerValue,
      { maxKeys: 8 },
    );
    fc.assert(
      fc.property(noise, (headers) => {
        expect(fingerprintResponse(headers)).toEqual({
          edge: null,
          server: null,
          traceIds: [],
          layers: [],
          failed: null,
        });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('detectChallenge', () => {
  const cleanToken = fc.oneof(
    fc
      .tuple(fc.constantFrom('', ' ', '  '), randomCase(fc.constant('challenge')), fc.constantFrom('', ' ', '\t'))
      .map((p) => p.join('')),
    fc.constantFrom('managed', 'block', 'js_challenge', 'challenged', 'challenge-x', 'chal lenge', ''),
  );
  const token = fc.oneof(cleanToken, fc.string({ maxLength: 10 }));
  const mitigated = (t: fc.Arbitrary<string>) =>
    fc.array(t, { minLength: 1, maxLength: 4 }).map((tokens) => tokens.join(','));
  const hasToken = (value: string): boolean => value.split(',').some((t) => t.trim().toLowerCase() === 'challenge');

  it('is a challenge exactly when a mitigated header has the "challenge" token; Cloudflare first', () => {
    fc.assert(
      fc.property(
        fc.option(mitigated(token), { nil: undefined }),
        fc.option(mitigated(token), { nil: undefined }),
        headerRecord,
        (cf, vercel, noise) => {
          const headers: Record<string, string> = { ...noise };
          delete headers['cf-mitigated'];
          delete headers['x-vercel-mitigated'];
          if (cf !== undefined) headers['cf-mitigated'] = cf;
          if (vercel !== undefined) headers['x-vercel-mitigated'] = vercel;
          const expected =
            cf !== undefined && hasToken(cf)
              ? 'cloudflare'
              : vercel !== undefined && hasToken(vercel)
                ? 'vercel'
                : null;
          must(detectChallenge(headers) === expected, () => `${short(headers)} → ${detectChallenge(headers)}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('survives pickDiagnosticHeaders: the picked headers show the same challenge as the raw ones', () => {
    // Clean tokens only: picking rewrites control characters, which no browser passes on.
    fc.assert(
      fc.property(
        fc.option(mitigated(cleanToken), { nil: undefined }),
        fc.option(mitigated(cleanToken), { nil: undefined }),
        randomCase(fc.constant('cf-mitigated')),
        (cf, vercel, cfName) => {
          const list: RawHeader[] = [{ name: 'Server', value: 'cloudflare' }];
          if (cf !== undefined) list.push({ name: cfName, value: cf });
          if (vercel !== undefined) list.push({ name: 'X-Vercel-Mitigated', value: vercel });
          const raw = Object.fromEntries(list.map((h) => [h.name.toLowerCase(), h.value!]));
          expect(detectChallenge(pickDiagnosticHeaders(list))).toBe(detectChallenge(raw));
        },
      ),
      { numRuns: 1500 },
    );
  });
});
