// Properties of what a failing response says about itself: Retry-After (any string → null or a time in
// [now, now + MAX_RETRY_AFTER_MS]; delta-seconds of any length; HTTP-dates in all three RFC 9110 formats round-trip)
// and the error page's body (up to 1 MB read fast; whatever it reads names a registry entry and a known meaning).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { extractBodyReason, pageText } from '../../../src/knowledge/error-body';
import { INFRASTRUCTURE } from '../../../src/knowledge/infrastructure';
import { KNOWLEDGE_KEYS } from '../../../src/knowledge/knowledge-keys';
import {
  BODY_REASON_KEYS,
  bodyReasonFacts,
  bodyReasonFromFacts,
  bodyReasonKey,
} from '../../../src/knowledge/body-reason';
import type { BodyReason } from '../../../src/model/body-reason';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/knowledge/retry-after';
import { retryAfterAt } from '../../../src/knowledge/watch-schedule';
import { DEFAULT_WATCH_TUNING } from '../../../src/knowledge/watch-tuning';
import { NOW, randomCase } from './arbitraries';
import { must, mustHaveMessage, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  h: number;
  m: number;
  s: number;
  weekday: number;
}
const partsOf = (d: Date): Parts => ({
  year: d.getUTCFullYear(),
  month: d.getUTCMonth(),
  day: d.getUTCDate(),
  h: d.getUTCHours(),
  m: d.getUTCMinutes(),
  s: d.getUTCSeconds(),
  weekday: d.getUTCDay(),
});
const time = (p: Parts): string => `${two(p.h)}:${two(p.m)}:${two(p.s)}`;

/** Sun, 06 Nov 1994 08:49:37 GMT */
const imfFixdate = (p: Parts): string =>
  `${DAYS[p.weekday]}, ${two(p.day)} ${MONTHS[p.month]} ${p.year} ${time(p)} GMT`;
/** Sunday, 06-Nov-94 08:49:37 GMT */
const rfc850 = (p: Parts): string =>
  `${LONG_DAYS[p.weekday]}, ${two(p.day)}-${MONTHS[p.month]}-${two(p.year % 100)} ${time(p)} GMT`;
/** Sun Nov  6 08:49:37 1994 */
const asctime = (p: Parts): string =>
  `${DAYS[p.weekday]} ${MONTHS[p.month]} ${String(p.day).padStart(2, ' ')} ${time(p)} ${p.year}`;
const FORMATS = { imfFixdate, rfc850, asctime };

/** What the parser must answer for a date `at` (whole seconds): now for the past, null beyond the cap. */
const expected = (at: number, now: number): number | null =>
  at <= now ? now : at - now > MAX_RETRY_AFTER_MS ? null : at;

const now = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });

function checkBounded(value: string, at: number | null, nowMs: number): void {
  must(
    at === null || (Number.isFinite(at) && at >= nowMs && at <= nowMs + MAX_RETRY_AFTER_MS),
    () => `${JSON.stringify(value)} → ${at} (now ${nowMs})`,
  );
}

describe('parseRetryAfter', () => {
  it('any string → null or a time between now and now + 24 h', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...'0123456789 :,-+.eE\tGMTSunNovJan'), maxLength: 40 }),
      fc.double().map(String),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(garbage, now, (value, nowMs) => checkBounded(value, parseRetryAfter(value, nowMs), nowMs)),
      { numRuns: 6000 },
    );
  });

  it('digit strings of any length (leading zeros, 400 digits, spaces around): now + n s up to 86 400 s, else null', () => {
    const digits = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 400 }),
      fc.integer({ min: 0, max: 90_000 }).map(String),
      fc.integer({ min: 86_390, max: 86_410 }).map(String), // around the 24 h cap
      fc
        .tuple(fc.string({ unit: fc.constant('0'), maxLength: 30 }), fc.integer({ min: 0, max: 86_400 }))
        .map(([zeros, n]) => `${zeros}${n}`),
    );
    fc.assert(
      fc.property(digits, fc.constantFrom('', ' ', '\t', '  \n'), now, (d, pad, nowMs) => {
        const seconds = Number(d);
        const want = seconds <= 86_400 ? nowMs + seconds * 1000 : null;
        must(
          parseRetryAfter(`${pad}${d}${pad}`, nowMs) === want,
          `${JSON.stringify(d)}: ${parseRetryAfter(`${pad}${d}${pad}`, nowMs)} ≠ ${want}`,
        );
      }),
      { numRuns: 4000 },
    );
  });

  for (const [format, render] of Object.entries(FORMATS)) {
    it(`round-trips ${format} dates from random timestamps (past → now, ≤ 24 h → the date, beyond → null)`, () => {
      fc.assert(
        fc.property(now, fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }), (nowMs, offset) => {
          // RFC 850's two-digit year is only unambiguous within 50 years of now; these dates are days away.
          const at = Math.floor((nowMs + offset) / 1000) * 1000;
          const text = render(partsOf(new Date(at)));
          const got = parseRetryAfter(text, nowMs);
          must(
            got === expected(at, nowMs),
            `${text} (now ${new Date(nowMs).toISOString()}): ${got} ≠ ${expected(at, nowMs)}`,
          );
          // Names in any case, and spaces around the value, change nothing.
          const cased = text.replace(/[a-z]/gi, (c, i: number) =>
            (nowMs >> (i % 31)) & 1 ? c.toUpperCase() : c.toLowerCase(),
          );
          must(parseRetryAfter(` ${cased} `, nowMs) === got, `${cased} parsed differently`);
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('an RFC 850 two-digit year is read as the year within 50 years of now (RFC 9110 §5.6.7)', () => {
    fc.assert(
      fc.property(now, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 364 }), (nowMs, yy, dayOfYear) => {
        const thisYear = new Date(nowMs).getUTCFullYear();
        // The one year ending in yy within (thisYear − 50, thisYear + 50].
        const year = thisYear + 50 - ((((thisYear + 50 - yy) % 100) + 100) % 100);
        const at = Date.UTC(year, 0, 1 + dayOfYear, 6);
        const text = rfc850(partsOf(new Date(at)));
        const got = parseRetryAfter(text, nowMs);
        must(
          got === expected(at, nowMs),
          `${text} (now ${new Date(nowMs).toISOString()}): ${got} ≠ ${expected(at, nowMs)}`,
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('a date the calendar does not have (30 Feb, 24:00, :60 minutes, day 0) is null, never a rolled-over time', () => {
    const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const impossible = fc
      .record({
        year: fc.integer({ min: 2001, max: 2049 }),
        month: fc.integer({ min: 0, max: 11 }),
        weekday: fc.integer({ min: 0, max: 6 }),
        day: fc.integer({ min: 1, max: 28 }),
        h: fc.integer({ min: 0, max: 23 }),
        m: fc.integer({ min: 0, max: 59 }),
        s: fc.integer({ min: 0, max: 59 }),
        broken: fc.constantFrom('day0', 'dayPastMonth', 'hour', 'minute', 'second'),
        over: fc.integer({ min: 0, max: 10 }),
      })
      .map(({ broken, over, ...p }) => {
        if (broken === 'day0') return { ...p, day: 0 };
        if (broken === 'dayPastMonth') return { ...p, day: Math.min(99, daysIn(p.year, p.month) + 1 + over) };
        if (broken === 'hour') return { ...p, h: 24 + over };
        if (broken === 'minute') return { ...p, m: 60 + over };
        return { ...p, s: 61 + over };
      });
    fc.assert(
      fc.property(impossible, fc.constantFrom(...Object.values(FORMATS)), (parts, render) => {
        // "now" an hour before where Date.UTC would roll the date to, so a rolled-over answer would show.
        const nowMs = Date.UTC(parts.year, parts.month, parts.day, parts.h, parts.m, parts.s) - 3_600_000;
        const text = render(parts);
        must(parseRetryAfter(text, nowMs) === null, `${text} → ${parseRetryAfter(text, nowMs)}`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('retryAfterAt (the watch clamp on top of parseRetryAfter)', () => {
  it('null, or no later than now + maxRetryAfterMs; a huge delta still clamps instead of being dropped', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 30 }),
      fc
        .tuple(fc.constantFrom(...Object.values(FORMATS)), fc.integer({ min: -86_400_000, max: 10 * 86_400_000 }))
        .map(([render, offset]) => render(partsOf(new Date(NOW + offset)))),
    );
    fc.assert(
      fc.property(randomCase(value), fc.integer({ min: 0, max: 600_000 }), (v, age) => {
        const at = retryAfterAt(v, NOW - age, NOW, DEFAULT_WATCH_TUNING);
        must(at === null || at <= NOW + DEFAULT_WATCH_TUNING.maxRetryAfterMs, `${JSON.stringify(v)} → ${at}`);
        if (/^\s*\d+\s*$/.test(v)) must(at !== null, `${JSON.stringify(v)} dropped`);
      }),
      { numRuns: 1500 },
    );
  });
});

// ---- extractBodyReason ----

/** Every marker the reader looks for, so a body can claim to be any platform's page. */
const MARKERS = [
  'Error code 1016',
  'Error 1020',
  'Ray ID: 7e8a1b2c3d4e5f60',
  'Cloudflare',
  'Code: FUNCTION_INVOCATION_TIMEOUT',
  'ID: fra1::iad1::abcde-1700000000000-0123456789ab',
  '502: BAD_GATEWAY',
  'Reference #18.6cdd3e17.1700000000.1a2b3c4d',
  'errors.edgesuite.net/18.6cdd3e17.1700000000.1a2b3c4d',
  'Access Denied',
  'Gateway Time-out',
  'Generated by cloudfront (CloudFront)',
  'The request could not be satisfied',
  'Request ID: aBcDeFgHiJkLmNoPqRsTuVwXyZ0123==',
  'Lambda function',
  "wasn't able to connect to the origin",
  'Application error',
  'heroku logs --tail',
  'herokucdn.com/error-pages/application-error.html',
  '502 Bad Gateway',
  'nginx/1.25.3',
  'openresty',
];
/** Pieces that make a naive reader slow: unclosed tags and scripts, long entity runs, digit and space runs. */
const HARD_PIECES = [
  '<',
  '<script',
  '<style>',
  '</script',
  '&#x',
  '&#1234567;',
  '&amp;',
  'Reference #1.',
  '1.',
  'a',
  ' ',
  '\n',
  'Error ',
  'ID: abc1::',
  '::x',
  'Code: A',
  '>',
  '"',
  'Ray ID: ',
];

const body = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .array(fc.constantFrom(...MARKERS, ...HARD_PIECES, '<p>', '</p>', '<title>502 Bad Gateway</title>'), {
      maxLength: 30,
    })
    .map((p) => p.join(' ')),
  fc
    .array(fc.oneof(fc.constantFrom(...MARKERS, ...HARD_PIECES), fc.string({ maxLength: 8 })), { maxLength: 20 })
    .map((p) => p.join('')),
);

/** The headers that prove each platform (as any real response of it has), and noise that proves none. */
const PROOF: Record<string, Record<string, string>[]> = {
  cloudflare: [{ 'cf-ray': '7e8a1b2c3d4e5f60-FRA' }, { server: 'cloudflare' }],
  vercel: [{ 'x-vercel-id': 'fra1::abc' }, { 'x-vercel-error': 'FUNCTION_INVOCATION_FAILED' }, { server: 'Vercel' }],
  akamai: [{ server: 'AkamaiGHost' }, { 'akamai-grn': '0.1.2' }],
  cloudfront: [
    { 'x-amz-cf-id': 'abcdefghijklmnopqrstuvwx==' },
    { via: '1.1 abc.cloudfront.net (CloudFront)' },
    { 'x-cache': 'Error from cloudfront' },
    { server: 'CloudFront' },
  ],
  heroku: [{ via: '1.1 vegur' }, { server: 'Heroku' }],
  nginx: [{ server: 'nginx/1.25.3' }, { server: 'openresty' }],
};
const PLATFORMS = Object.keys(PROOF);
const noise = fc.dictionary(
  fc.constantFrom('content-type', 'date', 'x-noise', 'cache-control', 'x-request-id', 'server', 'via'),
  fc.constantFrom('text/html', 'Apache/2.4', 'gunicorn', '1.1 proxy', 'abc', ''),
  { maxKeys: 4 },
);
const shownBy = fc.subarray(PLATFORMS, { maxLength: 3 });

function headersShowing(platforms: string[], base: Record<string, string>, pick: number): Record<string, string> {
  const headers = { ...base };
  for (const p of platforms) Object.assign(headers, PROOF[p]![pick % PROOF[p]!.length]);
  return headers;
}

function checkReason(reason: BodyReason | null): void {
  if (!reason) return;
  must(reason.code !== '', 'empty code');
  must(
    INFRASTRUCTURE.some((e) => e.id === reason.platform && e.name === reason.name && e.role === reason.role),
    `${reason.platform} is no registry entry`,
  );
  const key = bodyReasonKey(reason);
  must(KNOWLEDGE_KEYS.includes(key) || BODY_REASON_KEYS.includes(key), `${key} is no known key`);
  mustHaveMessage(key, [reason.code ?? '', reason.name]);
  // What is stored in the step's facts comes back the same, and bounded.
  const back = bodyReasonFromFacts(bodyReasonFacts(reason));
  must(
    back !== null &&
      back.platform === reason.platform &&
      (back.code?.length ?? 0) <= 100 &&
      (back.reference?.length ?? 0) <= 200,
    () => `facts round-trip ${short(back)}`,
  );
}

describe('extractBodyReason', () => {
  it('any body: a reason names a registry entry, a known meaning, and survives the stored facts', () => {
    const inputs = fc.tuple(body, shownBy, noise, fc.nat(), fc.integer({ min: 400, max: 599 }));
    const read = ([text, shown, base, pick, status]: [string, string[], Record<string, string>, number, number]) =>
      extractBodyReason(text, headersShowing(shown, base, pick), status);
    fc.assert(
      fc.property(inputs, (input) => checkReason(read(input))),
      { numRuns: 2000 },
    );
    // Not vacuous: the generated pages are read as several vendors' pages. Counted on a fixed-seed sample, as
    // a random run found only 3 platforms once in many; the property above still explores new inputs each run.
    const found = new Set(
      fc
        .sample(inputs, { numRuns: 2000, seed: 20261206 })
        .map((input) => read(input)?.platform)
        .filter(Boolean),
    );
    expect(found.size).toBeGreaterThanOrEqual(4);
  });

  it('below 400 always nothing', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(MARKERS, { minLength: 1 }),
        fc.integer({ min: 100, max: 399 }),
        (markers, status) => {
          expect(extractBodyReason(markers.join(' '), headersShowing(PLATFORMS, {}, status), status)).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('header names in any case give the same answer', () => {
    fc.assert(
      fc.property(body, shownBy, fc.nat(), fc.integer({ min: 400, max: 599 }), (text, shown, pick, status) => {
        const headers = headersShowing(shown, {}, pick);
        const cased = Object.fromEntries(
          Object.entries(headers).map(([k, v], i) => [
            i % 2 ? k.toUpperCase() : k.replace(/^./, (c) => c.toUpperCase()),
            v,
          ]),
        );
        expect(extractBodyReason(text, cased, status)).toEqual(extractBodyReason(text, headers, status));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads 1 MB of crafted text in bounded time (only the first 64 KB are scanned)', () => {
    const huge = fc
      .tuple(
        fc.array(fc.constantFrom(...HARD_PIECES, ...MARKERS), { minLength: 1, maxLength: 6 }),
        randomCase(fc.constantFrom('x', 'script')),
      )
      .map(([pieces, filler]) => {
        const unit = `${pieces.join('')}${filler}`;
        return unit.repeat(Math.ceil(1_048_576 / unit.length));
      });
    const read = (text: string, pick: number) => {
      const started = performance.now();
      const reason = extractBodyReason(text, headersShowing(PLATFORMS, {}, pick), 502);
      pageText(text);
      return { reason, ms: performance.now() - started };
    };
    let slowest = { ms: 0, text: '', pick: 0 };
    fc.assert(
      fc.property(huge, fc.nat(), (text, pick) => {
        const { reason, ms } = read(text, pick);
        if (ms > slowest.ms) slowest = { ms, text, pick };
        checkReason(reason);
      }),
      { numRuns: 8 },
    );
    // Linear work on 64 KB takes a few ms; a backtracking regex takes seconds on every try. The slowest input
    // is timed again and its fastest of three counts, so a busy CI box (a GC or another process) is not blamed.
    const again = Math.min(...[0, 1, 2].map(() => read(slowest.text, slowest.pick).ms));
    expect(again).toBeLessThan(1500);
  });
});
