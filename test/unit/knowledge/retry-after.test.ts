import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../src/knowledge/retry-after';

const NOW = Date.UTC(2024, 2, 10, 12, 0, 0); // Sun, 10 Mar 2024 12:00:00 GMT

describe('parseRetryAfter: delta-seconds', () => {
  it.each([
    ['0', NOW],
    ['120', NOW + 120_000],
    [' 120 ', NOW + 120_000],
    ['86400', NOW + 86_400_000],
  ])('%j → now + delta', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each(['-1', '1.5', 'abc', '', '   ', '12abc', '+5', '0x10', '1e3', '86401', '99999999999999999999999'])(
    'rejects %j',
    (value) => expect(parseRetryAfter(value, NOW)).toBeNull(),
  );

  it('absent → null', () => expect(parseRetryAfter(undefined, NOW)).toBeNull());
});

describe('parseRetryAfter: HTTP-date', () => {
  const IN_5_MIN = NOW + 5 * 60_000; // 12:05:00

  it('IMF-fixdate', () => expect(parseRetryAfter('Sun, 10 Mar 2024 12:05:00 GMT', NOW)).toBe(IN_5_MIN));
  it('RFC 850 (two-digit year)', () => expect(parseRetryAfter('Sunday, 10-Mar-24 12:05:00 GMT', NOW)).toBe(IN_5_MIN));
  it('asctime with a space-padded day', () => {
    expect(parseRetryAfter('Sat Mar  9 12:00:00 2024', NOW - 2 * 86_400_000)).toBe(Date.UTC(2024, 2, 9, 12));
  });
  it('asctime with a two-digit day', () => expect(parseRetryAfter('Sun Mar 10 12:05:00 2024', NOW)).toBe(IN_5_MIN));
  it('case-insensitive names', () => expect(parseRetryAfter('sun, 10 MAR 2024 12:05:00 GMT', NOW)).toBe(IN_5_MIN));

  it('a date in the past → now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(NOW);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(NOW);
    expect(parseRetryAfter('Sun, 10 Mar 2024 12:00:00 GMT', NOW)).toBe(NOW);
  });

  it('more than a day ahead → null', () => {
    expect(parseRetryAfter('Tue, 12 Mar 2024 12:00:00 GMT', NOW)).toBeNull();
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', NOW)).toBeNull();
    expect(parseRetryAfter('Mon, 11 Mar 2024 12:00:00 GMT', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
  });

  it.each([
    'Sun, 31 Feb 2024 12:05:00 GMT', // no such day
    'Sun, 10 Mar 2024 25:00:00 GMT', // no such hour
    'Sun, 10 Mar 2024 12:60:00 GMT',
    'Sun, 10 Foo 2024 12:05:00 GMT',
    'Sun, 10 Mar 2024 12:05:00 PST', // only GMT is allowed
    'Sun, 10 Mar 2024 12:05 GMT',
    '2024-03-10T12:05:00Z', // ISO 8601 is not an HTTP-date
    'Sunday, 10 Mar 2024 12:05:00 GMT',
    'tomorrow',
  ])('rejects the invalid date %j', (value) => expect(parseRetryAfter(value, NOW)).toBeNull());

  it('accepts 29 February in a leap year only', () => {
    const feb28 = Date.UTC(2024, 1, 28, 12);
    expect(parseRetryAfter('Thu, 29 Feb 2024 08:00:00 GMT', feb28)).toBe(Date.UTC(2024, 1, 29, 8));
    expect(parseRetryAfter('Thu, 29 Feb 2023 08:00:00 GMT', Date.UTC(2023, 1, 28, 12))).toBeNull();
  });

  it('RFC 850 years more than 50 years ahead are in the past century', () => {
    // In 2024, "-94" is 1994 (2094 would be 70 years ahead), so it is in the past → now.
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(NOW);
    // Near the turn of a century "-00" is the coming year, not 1900.
    const dec2099 = Date.UTC(2099, 11, 31, 23, 0, 0);
    expect(parseRetryAfter('Friday, 01-Jan-00 00:30:00 GMT', dec2099)).toBe(Date.UTC(2100, 0, 1, 0, 30));
  });
});
