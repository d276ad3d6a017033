import { describe, expect, it } from 'vitest';
import {
  afterLoad,
  withChallenge,
  withCheckState,
  withClientError,
  withFailure,
  withInterruptedChecks,
  withIp,
  withPageReading,
  withRecovery,
  type ObservedFailure,
} from '../../../src/background/record-transitions';
import type { CheckState } from '../../../src/model/checks';

const seen = (over: Partial<ObservedFailure> = {}): ObservedFailure => ({
  url: 'https://shop.test/cart',
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' },
  headers: { server: 'nginx' },
  fingerprint: { edge: null, server: 'nginx', traceIds: [] },
  incognito: false,
  now: 1000,
  newId: 'first',
  ...over,
});
const done: CheckState = {
  state: 'done',
  runId: 'r1',
  startedAt: 1,
  result: { outcome: 'pass', summary: 's', evidence: [], durationMs: 5 },
};

describe('withFailure', () => {
  it('creates an incident for a tab without a record', () => {
    const r = withFailure(undefined, seen(), 7);
    expect(r.tabId).toBe(7);
    expect(r.incident).toMatchObject({
      id: 'first',
      url: 'https://shop.test/cart',
      occurrences: 1,
      at: 1000,
      checks: {},
    });
  });
  it('keeps the id, first time and checks when the same URL fails again', () => {
    const first = withCheckState(withFailure(undefined, seen(), 7), 'first', 'reload', done)!;
    const again = withFailure(
      first,
      seen({ now: 5000, newId: 'second', failure: { type: 'http', status: 503, statusLine: '' } }),
      7,
    );
    expect(again.incident).toMatchObject({ id: 'first', at: 1000, lastSeenAt: 5000, occurrences: 2 });
    expect(again.incident?.failure).toMatchObject({ status: 503 });
    expect(again.incident?.checks.reload).toEqual(done);
  });
  it('starts over for a different URL', () => {
    const first = withCheckState(withFailure(undefined, seen(), 7), 'first', 'reload', done)!;
    const other = withFailure(first, seen({ url: 'https://other.test/', newId: 'second', now: 9 }), 7);
    expect(other.incident).toMatchObject({ id: 'second', occurrences: 1, checks: {} });
  });
  it('drops a challenge: the tab now shows a real failure', () => {
    const r = withFailure({ tabId: 7, challenge: { url: 'x', provider: 'cloudflare', status: 403, at: 1 } }, seen(), 7);
    expect(r.challenge).toBeUndefined();
  });
});

describe('withRecovery', () => {
  it('moves the incident to lastError with the status that loaded', () => {
    const r = withRecovery(withFailure(undefined, seen(), 7), 200, 2000);
    expect(r?.incident).toBeUndefined();
    expect(r?.lastError).toMatchObject({ id: 'first', endedAt: 2000, recoveredStatus: 200 });
  });
  it('changes nothing (no write) for a healthy tab', () => {
    expect(withRecovery(undefined, 200, 1)).toBeUndefined();
    expect(
      withRecovery({ tabId: 7, lastError: withRecovery(withFailure(undefined, seen(), 7), 200, 2)!.lastError }, 200, 3),
    ).toBeUndefined();
  });
});

describe('withIp', () => {
  it('adds the IP to the matching incident only', () => {
    const r = withFailure(undefined, seen(), 7);
    expect(withIp(r, 'https://shop.test/cart', '10.0.0.1')?.incident?.ip).toBe('10.0.0.1');
    expect(withIp(r, 'https://elsewhere.test/', '10.0.0.1')).toBeUndefined();
    expect(withIp(r, 'https://shop.test/cart', undefined)).toBeUndefined();
  });
});

describe('withChallenge', () => {
  it('ends an incident and records the challenge', () => {
    const r = withChallenge(
      withFailure(undefined, seen(), 7),
      { url: 'https://shop.test/', provider: 'cloudflare', status: 403, at: 3 },
      7,
    );
    expect(r.incident).toBeUndefined();
    expect(r.challenge?.provider).toBe('cloudflare');
  });
});

describe('withCheckState', () => {
  const base = withFailure(undefined, seen(), 7);
  it('writes into the incident with that id', () => {
    expect(withCheckState(base, 'first', 'dns', done)?.incident?.checks.dns).toEqual(done);
  });
  it('writes into lastError once the incident ended mid-run', () => {
    const ended = withRecovery(base, 200, 5)!;
    expect(withCheckState(ended, 'first', 'dns', done)?.lastError?.checks.dns).toEqual(done);
  });
  it('ignores a stale run and an unknown incident', () => {
    const running = withCheckState(base, 'first', 'dns', {
      state: 'running',
      runId: 'new',
      startedAt: 1,
      deadline: 9,
    })!;
    expect(withCheckState(running, 'first', 'dns', done, 'old')).toBeUndefined();
    expect(withCheckState(running, 'nope', 'dns', done)).toBeUndefined();
  });
});

describe('withInterruptedChecks', () => {
  it('turns running steps into interrupted ones and leaves finished ones', () => {
    let r = withCheckState(withFailure(undefined, seen(), 7), 'first', 'dns', {
      state: 'running',
      runId: 'a',
      startedAt: 1,
      deadline: 9,
    })!;
    r = withCheckState(r, 'first', 'reload', done)!;
    const swept = withInterruptedChecks(r);
    expect(swept?.incident?.checks.dns).toEqual({ state: 'interrupted', runId: 'a', startedAt: 1 });
    expect(swept?.incident?.checks.reload).toEqual(done);
  });
  it('writes nothing when nothing was running', () => {
    expect(withInterruptedChecks(withFailure(undefined, seen(), 7))).toBeUndefined();
  });
});

describe('withPageReading', () => {
  const reason = {
    platform: 'cloudflare' as const,
    name: 'Cloudflare',
    role: 'cdn' as const,
    code: '1016',
    reference: '87d2c9a4e8f1a2b3',
  };
  const failing = withFailure(undefined, seen(), 7);
  const response = { incidentId: 'first', seenAt: 1000 };

  it('stores what the page said with the incident it was read for', () => {
    expect(withPageReading(failing, response, { readAt: 1200, reason })?.incident?.page).toEqual({
      readAt: 1200,
      reason,
    });
  });
  it('keeps "the page names nothing we know" as a reading too (null reason)', () => {
    expect(withPageReading(failing, response, { readAt: 1200, reason: null })?.incident?.page).toEqual({
      readAt: 1200,
      reason: null,
    });
  });
  it('stores nothing once the tab moved on: recovered, another URL, or the same URL failing again', () => {
    expect(withPageReading(withRecovery(failing, 200, 1100), response, { readAt: 1200, reason })).toBeUndefined();
    expect(
      withPageReading(
        withFailure(failing, seen({ url: 'https://other.test/', newId: 'second', now: 1100 }), 7),
        response,
        { readAt: 1200, reason },
      ),
    ).toBeUndefined();
    expect(
      withPageReading(withFailure(failing, seen({ now: 1100 }), 7), response, { readAt: 1200, reason }),
    ).toBeUndefined();
    expect(withPageReading(undefined, response, { readAt: 1200, reason })).toBeUndefined();
  });
  it('caps what the site wrote', () => {
    const long = {
      platform: 'vercel' as const,
      name: 'Vercel',
      role: 'platform' as const,
      code: 'X'.repeat(5000),
      reference: 'r'.repeat(5000),
    };
    const page = withPageReading(failing, response, { readAt: 1, reason: long })?.incident?.page;
    expect(page?.reason?.code).toHaveLength(100);
    expect(page?.reason?.reference).toHaveLength(200);
  });
  it('a new failure of the same URL drops the old reading (its reference was for another response)', () => {
    const read = withPageReading(failing, response, { readAt: 1200, reason })!;
    expect(withFailure(read, seen({ now: 1300 }), 7).incident?.page).toBeUndefined();
  });
});

describe('withClientError (a 401/403/407/429/451 the tab shows)', () => {
  const refused = (over: Partial<ObservedFailure> = {}) => {
    const { failure: _f, ip: _ip, ...rest } = seen(over);
    void _f;
    void _ip;
    return {
      ...rest,
      failure: { type: 'http' as const, status: 429, statusLine: 'HTTP/1.1 429 Too Many Requests' },
      headers: { 'retry-after': '30' },
    };
  };

  it('ends the incident (the site answered) and keeps the refusal beside it', () => {
    const r = withClientError(withFailure(undefined, seen(), 7), refused({ now: 2000, newId: 'r1' }), 7);
    expect(r.incident).toBeUndefined();
    expect(r.lastError).toMatchObject({ id: 'first', recoveredStatus: 429, endedAt: 2000 });
    expect(r.clientError).toMatchObject({
      id: 'r1',
      url: 'https://shop.test/cart',
      at: 2000,
      lastSeenAt: 2000,
      failure: { status: 429 },
    });
  });
  it('the same page refused again keeps its id (a watch on it goes on); another page starts over', () => {
    const first = withClientError(undefined, refused({ newId: 'r1' }), 7);
    expect(withClientError(first, refused({ now: 5000, newId: 'r2' }), 7).clientError).toMatchObject({
      id: 'r1',
      at: 1000,
      lastSeenAt: 5000,
    });
    expect(
      withClientError(first, refused({ url: 'https://shop.test/other', now: 5000, newId: 'r2' }), 7).clientError,
    ).toMatchObject({ id: 'r2', at: 5000 });
  });
  it('a 5xx, a challenge or another load ends it', () => {
    const first = withClientError(undefined, refused({ newId: 'r1' }), 7);
    expect(withFailure(first, seen({ now: 3000 }), 7).clientError).toBeUndefined();
    expect(
      withChallenge(first, { url: 'https://shop.test/cart', provider: 'cloudflare', status: 403, at: 3000 }, 7)
        .clientError,
    ).toBeUndefined();
    expect(afterLoad(first, 'https://shop.test/cart', 200, 3000)?.clientError).toBeUndefined();
    expect(afterLoad(first, 'https://shop.test/elsewhere', 429, 3000)?.clientError).toBeUndefined();
  });
  it('its own completion changes nothing, and a load with nothing to end writes nothing', () => {
    const first = withClientError(undefined, refused({ newId: 'r1' }), 7);
    expect(afterLoad(first, 'https://shop.test/cart', 429, 3000)).toBeUndefined();
    expect(afterLoad(undefined, 'https://shop.test/cart', 200, 3000)).toBeUndefined();
    expect(afterLoad({ tabId: 7 }, 'https://shop.test/cart', 200, 3000)).toBeUndefined();
  });
  it("a reading of the refusing page (a WAF's reference) is stored with the refusal, only while it is shown", () => {
    const first = withClientError(undefined, refused({ newId: 'r1' }), 7);
    const reason = {
      platform: 'akamai' as const,
      name: 'Akamai',
      role: 'cdn' as const,
      code: null,
      reference: '18.e3c1202.1744611336.e02832',
    };
    expect(
      withPageReading(first, { incidentId: 'r1', seenAt: 1000 }, { readAt: 1100, reason })?.clientError?.page,
    ).toEqual({ readAt: 1100, reason });
    expect(withPageReading(first, { incidentId: 'r1', seenAt: 999 }, { readAt: 1100, reason })).toBeUndefined();
    expect(
      withPageReading(
        afterLoad(first, 'https://shop.test/', 200, 1050),
        { incidentId: 'r1', seenAt: 1000 },
        { readAt: 1100, reason },
      ),
    ).toBeUndefined();
  });
});
