// Parses Retry-After (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
// Recipients must accept all three date formats (§5.6.7): IMF-fixdate, obsolete RFC 850 and asctime.

/**
 * Hints further away than this are ignored (null), not clamped: a page that asks to come back tomorrow
 * is not something a person waits for, and a wildly far value is more likely a misconfiguration.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';

// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`, 'i');
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`, 'i');
// Sun Nov  6 08:49:37 1994
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`, 'i');

function toEpoch(year: number, month: string, day: number, h: number, m: number, s: number): number | null {
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  // 60 allows a leap second; Date.UTC then rolls it into the next minute, which is close enough.
  if (monthIndex < 0 || h > 23 || m > 59 || s > 60 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return Date.UTC(year, monthIndex, day, h, m, s);
}

/**
 * RFC 9110: a two-digit year more than 50 years in the future is the most recent past year with those
 * digits; so it is the latest year ending in those digits that is at most 50 years ahead.
 */
function fullYear(twoDigits: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + twoDigits;
  if (year > thisYear + 50) year -= 100;
  else if (year + 100 <= thisYear + 50) year += 100;
  return year;
}

function parseHttpDate(value: string, now: number): number | null {
  let m = IMF_FIXDATE.exec(value);
  if (m) return toEpoch(Number(m[3]), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC_850.exec(value);
  if (m) return toEpoch(fullYear(Number(m[3]), now), m[2]!, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = ASCTIME.exec(value);
  if (m) return toEpoch(Number(m[6]), m[1]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]));
  return null;
}

/**
 * When to retry, as epoch ms; `now` for a date in the past; null when absent, malformed or more than
 * MAX_RETRY_AFTER_MS ahead.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return seconds * 1000 > MAX_RETRY_AFTER_MS ? null : now + seconds * 1000;
  }
  const at = parseHttpDate(trimmed, now);
  if (at === null) return null;
  if (at <= now) return now;
  return at - now > MAX_RETRY_AFTER_MS ? null : at;
}
