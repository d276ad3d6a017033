// Properties of parseRetryAfter (and the watch's clamp on top of it): any string → null or a time in
// [now, now + MAX_RETRY_AFTER_MS]; delta-seconds of any length; HTTP-dates in all three RFC 9110 formats
// generated from random timestamps round-trip to the second.
import fc from 'fast-check';
import { describe, it, vi } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/knowledge/retry-after';
import { DEFAULT_WATCH_TUNING, retryAfterAt } from '../../../src/knowledge/watch-schedule';
import { NOW, randomCase } from './arbitraries';
import { must } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

interface Parts { year: number; month: number; day: number; h: number; m: number; s: number; weekday: number }
const partsOf = (d: Date): Parts => ({
  year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds(), weekday: d.getUTCDay(),
});
const time = (p: Parts): string => `${two(p.h)}:${two(p.m)}:${two(p.s)}`;

/** Sun, 06 Nov 1994 08:49:37 GMT */
const imfFixdate = (p: Parts): string => `${DAYS[p.weekday]}, ${two(p.day)} ${MONTHS[p.month]} ${p.year} ${time(p)} GMT`;
/** Sunday, 06-Nov-94 08:49:37 GMT */
const rfc850 = (p: Parts): string => `${LONG_DAYS[p.weekday]}, ${two(p.day)}-${MONTHS[p.month]}-${two(p.year % 100)} ${time(p)} GMT`;
/** Sun Nov  6 08:49:37 1994 */
const asctime = (p: Parts): string => `${DAYS[p.weekday]} ${MONTHS[p.month]} ${String(p.day).padStart(2, ' ')} ${time(p)} ${p.year}`;
const FORMATS = { imfFixdate, rfc850, asctime };

/** What the parser must answer for a date `at` (whole seconds): now for the past, null beyond the cap. */
const expected = (at: number, now: number): number | null => (at <= now ? now : at - now > MAX_RETRY_AFTER_MS ? null : at);

const now = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) });

function checkBounded(value: string, at: number | null, nowMs: number): void {
  must(at === null || (Number.isFinite(at) && at >= nowMs && at <= nowMs + MAX_RETRY_AFTER_MS), () => `${JSON.stringify(value)} → ${at} (now ${nowMs})`);
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
    fc.assert(fc.property(garbage, now, (value, nowMs) => checkBounded(value, parseRetryAfter(value, nowMs), nowMs)), { numRuns: 6000 });
  });

  it('digit strings of any length (leading zeros, 400 digits, spaces around): now + n s up to 86 400 s, else null', () => {
    const digits = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 6 }),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 400 }),
      fc.integer({ min: 0, max: 90_000 }).map(String),
      fc.integer({ min: 86_390, max: 86_410 }).map(String), // around the 24 h cap
      fc.tuple(fc.string({ unit: fc.constant('0'), maxLength: 30 }), fc.integer({ min: 0, max: 86_400 })).map(([zeros, n]) => `${zeros}${n}`),
    );
    fc.assert(
      fc.property(digits, fc.constantFrom('', ' ', '\t', '  \n'), now, (d, pad, nowMs) => {
        const seconds = Number(d);
        const want = seconds <= 86_400 ? nowMs + seconds * 1000 : null;
        must(parseRetryAfter(`${pad}${d}${pad}`, nowMs) === want, `${JSON.stringify(d)}: ${parseRetryAfter(`${pad}${d}${pad}`, nowMs)} ≠ ${want}`);
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
          must(got === expected(at, nowMs), `${text} (now ${new Date(nowMs).toISOString()}): ${got} ≠ ${expected(at, nowMs)}`);
          // Names in any case, and spaces around the value, change nothing.
          const cased = text.replace(/[a-z]/gi, (c, i: number) => ((nowMs >> i % 31) & 1 ? c.toUpperCase() : c.toLowerCase()));
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
        const year = thisYear + 50 - ((thisYear + 50 - yy) % 100 + 100) % 100;
        const at = Date.UTC(year, 0, 1 + dayOfYear, 6);
        const text = rfc850(partsOf(new Date(at)));
        const got = parseRetryAfter(text, nowMs);
        must(got === expected(at, nowMs), `${text} (now ${new Date(nowMs).toISOString()}): ${got} ≠ ${expected(at, nowMs)}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('a date the calendar does not have (30 Feb, 24:00, :60 minutes, day 0) is null, never a rolled-over time', () => {
    const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const impossible = fc.record({
      year: fc.integer({ min: 2001, max: 2049 }), month: fc.integer({ min: 0, max: 11 }), weekday: fc.integer({ min: 0, max: 6 }),
      day: fc.integer({ min: 1, max: 28 }), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }), s: fc.integer({ min: 0, max: 59 }),
      broken: fc.constantFrom('day0', 'dayPastMonth', 'hour', 'minute', 'second'),
      over: fc.integer({ min: 0, max: 10 }),
    }).map(({ broken, over, ...p }) => {
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
      fc.tuple(fc.constantFrom(...Object.values(FORMATS)), fc.integer({ min: -86_400_000, max: 10 * 86_400_000 })).map(([render, offset]) => render(partsOf(new Date(NOW + offset)))),
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
