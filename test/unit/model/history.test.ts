import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HISTORY_LIMITS,
  addToHistory,
  groupBySite,
  parseHistory,
  pruneHistory,
  startOfLocalDay,
  summarizeSite,
  type HistoryEntry,
} from '../../../src/model/history';
import type { Failure } from '../../../src/model/failure';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const http = (status: number): Failure => ({ type: 'http', status, statusLine: `HTTP/1.1 ${status}` });
const incident = (url: string, at: number, failure: Failure = http(502), incognito = false) => ({
  url,
  failure,
  incognito,
  lastSeenAt: at,
});
const entry = (site: string, at: number, status = 502): HistoryEntry => ({
  site,
  at,
  failure: { type: 'http', status },
});

describe('addToHistory', () => {
  const now = Date.UTC(2024, 4, 10, 12);
  it('stores the origin, the status or network kind, and the time — nothing else', () => {
    const next = addToHistory(
      undefined,
      { ...incident('https://example.com/private/path?token=secret', now), ...{ headers: { a: 'b' } } },
      now,
    );
    expect(next).toEqual([{ site: 'https://example.com', at: now, failure: { type: 'http', status: 502 } }]);
    const network = addToHistory(
      next,
      incident('https://example.com/', now + 5000, {
        type: 'network',
        kind: 'dns',
        error: 'net::ERR_NAME_NOT_RESOLVED',
      }),
      now,
    );
    expect(network?.[1]).toEqual({
      site: 'https://example.com',
      at: now + 5000,
      failure: { type: 'network', kind: 'dns' },
    });
    expect(JSON.stringify(network)).not.toMatch(/token|secret|private|ERR_NAME/);
  });
  it('never records a private window', () => {
    expect(addToHistory([], incident('https://example.com/', now, http(503), true), now)).toBeNull();
  });
  it('never records pages that are not web sites', () => {
    expect(addToHistory([], incident('file:///x.html', now), now)).toBeNull();
  });
  it('counts the same failure reported twice within moments once', () => {
    const once = addToHistory([], incident('https://a.test/', now), now);
    expect(addToHistory(once, incident('https://a.test/other', now + 500), now + 500)).toBeNull();
    expect(addToHistory(once, incident('https://a.test/', now + 500, http(503)), now + 500)).toHaveLength(2);
    expect(addToHistory(once, incident('https://a.test/', now + 5000), now + 5000)).toHaveLength(2);
  });
  it('survives a corrupt stored value', () => {
    expect(addToHistory('garbage', incident('https://a.test/', now), now)).toHaveLength(1);
    expect(
      addToHistory([{ site: 'https://a.test/path', at: 1 }, null, 5], incident('https://b.test/', now), now),
    ).toHaveLength(1);
  });
});

describe('pruneHistory', () => {
  const now = Date.UTC(2024, 4, 10, 12);
  it('drops entries older than the age limit', () => {
    const kept = pruneHistory([entry('https://a.test', now - 8 * DAY), entry('https://a.test', now - 6 * DAY)], now);
    expect(kept.map((e) => e.at)).toEqual([now - 6 * DAY]);
  });
  it('keeps the newest per site', () => {
    const many = Array.from({ length: 30 }, (_, i) => entry('https://a.test', now - i * 1000));
    const kept = pruneHistory([...many, entry('https://b.test', now - DAY)], now);
    expect(kept.filter((e) => e.site === 'https://a.test')).toHaveLength(HISTORY_LIMITS.perSite);
    expect(Math.min(...kept.filter((e) => e.site === 'https://a.test').map((e) => e.at))).toBe(now - 19_000);
    expect(kept.some((e) => e.site === 'https://b.test')).toBe(true);
  });
  it('keeps the newest in total, oldest first', () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`https://s${i % 50}.test`, now - i * 60_000));
    const kept = pruneHistory(many, now);
    expect(kept).toHaveLength(HISTORY_LIMITS.total);
    expect(kept.at(-1)?.at).toBe(now);
    expect(kept[0]?.at).toBe(now - 199 * 60_000);
  });
  it('caps a history that keeps growing through addToHistory', () => {
    let stored: HistoryEntry[] | null = [];
    for (let i = 0; i < 500; i++)
      stored = addToHistory(stored, incident(`https://s${i % 40}.test/`, now + i * 10_000), now + i * 10_000) ?? stored;
    expect(stored).toHaveLength(HISTORY_LIMITS.total);
  });
});

describe('summarizeSite', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });
  it('counts this site’s failures since local midnight and gives the latest', () => {
    const now = new Date(2024, 4, 10, 14, 30).getTime();
    const entries = [
      entry('https://a.test', new Date(2024, 4, 9, 23, 59).getTime()),
      entry('https://a.test', new Date(2024, 4, 10, 0, 1).getTime(), 503),
      entry('https://a.test', new Date(2024, 4, 10, 14, 2).getTime(), 502),
      entry('https://b.test', new Date(2024, 4, 10, 14, 10).getTime()),
    ];
    const summary = summarizeSite(entries, 'https://a.test/some/page', now);
    expect(summary.today).toBe(2);
    expect(summary.last?.at).toBe(new Date(2024, 4, 10, 14, 2).getTime());
  });
  it('uses the local day, not the UTC day', () => {
    process.env.TZ = 'Pacific/Auckland'; // UTC+12 in May
    // 2024-05-10 10:00 in Auckland is 2024-05-09 22:00 UTC; an entry at 01:00 Auckland time is "today" there.
    const now = Date.UTC(2024, 4, 9, 22);
    const earlyToday = Date.UTC(2024, 4, 9, 13); // 01:00 local
    const lateYesterday = Date.UTC(2024, 4, 9, 11); // 23:00 local, yet the same UTC day as `now`
    expect(startOfLocalDay(now)).toBe(Date.UTC(2024, 4, 9, 12));
    expect(
      summarizeSite(
        [entry('https://a.test', earlyToday), entry('https://a.test', lateYesterday)],
        'https://a.test',
        now,
      ).today,
    ).toBe(1);
  });
  it('is zero for a site with no failure today, or a page that is not a site', () => {
    const now = new Date(2024, 4, 10, 14).getTime();
    expect(summarizeSite([entry('https://a.test', now - 2 * DAY)], 'https://a.test', now)).toEqual({ today: 0 });
    expect(summarizeSite([entry('https://a.test', now)], 'chrome://newtab', now)).toEqual({ today: 0 });
  });
});

describe('groupBySite and parseHistory', () => {
  it('groups newest first, the most recently failing site first', () => {
    const groups = groupBySite([entry('https://a.test', 1), entry('https://b.test', 2), entry('https://a.test', 3)]);
    expect(groups.map((g) => g.site)).toEqual(['https://a.test', 'https://b.test']);
    expect(groups[0]?.entries.map((e) => e.at)).toEqual([3, 1]);
  });
  it('drops malformed entries and sorts by time', () => {
    const parsed = parseHistory([
      entry('https://b.test', 5),
      { site: 'https://a.test', at: 2, failure: { type: 'network', kind: 'nonsense' } },
      { site: 'https://a.test/path', at: 3, failure: { type: 'http', status: 502 } },
      entry('https://a.test', 1),
    ]);
    expect(parsed.map((e) => e.at)).toEqual([1, 5]);
  });
});

describe('the options page states the limits the code keeps', () => {
  it.each(['en', 'de', 'es', 'fr'])(
    '%s: "kept 7 days, at most 20 per site and 200 in all" are HISTORY_LIMITS',
    (locale) => {
      const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
      const numbers = (messages.option_historyEnabled_hint?.message.match(/\d+/g) ?? []).map(Number);
      expect(numbers).toEqual([HISTORY_LIMITS.maxAgeMs / DAY, HISTORY_LIMITS.perSite, HISTORY_LIMITS.total]);
    },
  );
});
