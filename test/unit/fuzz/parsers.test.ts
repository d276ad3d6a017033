// Properties of the remaining parsers: Statuspage and Globalping JSON (any JSON → bounded, safe readings),
// the Globalping request (never the query), the owner checklist's keys, and the watch schedule's bounds.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  buildMeasurement,
  describeRow,
  isReachableFromElsewhere,
  parseApiError,
  parseCreated,
  parseMeasurement,
  summarizeElsewhere,
} from '../../../src/knowledge/globalping';
import { OWNER_TOPICS, ownerChecklist } from '../../../src/knowledge/owner-checklist';
import {
  hasProblem,
  humanPageOf,
  parseStatuspage,
  providerStatusUrl,
  STATUS_INDICATORS,
  summaryUrlOf,
} from '../../../src/knowledge/statuspage';
import { afterTry, claimTry, startWatchState } from '../../../src/knowledge/watch-schedule';
import { mergeWatchTuning, type WatchTuning } from '../../../src/knowledge/watch-tuning';
import type { WatchState } from '../../../src/model/watch';
import { EDGE_IDS } from '../../../src/model/fingerprint';
import type { Incident } from '../../../src/model/incident';
import { failure, fingerprint, NOW, webUrl } from './arbitraries';
import { must, mustHaveMessage, short } from './assertions';

vi.setConfig({ testTimeout: 60_000 });

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    '   ',
    'x'.repeat(1000),
    'resolved',
    'investigating',
    'javascript:alert(1)',
    'https://status.example.com/incidents/1',
  ),
);
const link = fc.oneof(
  fc.constantFrom(
    'https://stspg.io/x',
    'http://a.example/',
    'javascript:alert(1)',
    'data:text/html,x',
    'ftp://x',
    `https://a.example/${'p'.repeat(800)}`,
    '',
  ),
  fc.webUrl(),
  fc.jsonValue({ maxDepth: 0 }),
);
const junk = fc.jsonValue({ maxDepth: 2 });
const statuspageJson = fc.oneof(
  junk,
  fc.record(
    {
      page: fc.oneof(junk, fc.record({ name: text, url: link }, { requiredKeys: [] })),
      status: fc.oneof(
        junk,
        fc.record(
          {
            indicator: fc.oneof(fc.constantFrom(...STATUS_INDICATORS, 'bad', ''), junk),
            description: fc.oneof(text, junk),
          },
          { requiredKeys: [] },
        ),
      ),
      incidents: fc.oneof(
        junk,
        fc.array(
          fc.oneof(
            junk,
            fc.record(
              { name: text, status: text, impact: text, shortlink: link, updated_at: text },
              { requiredKeys: [] },
            ),
          ),
          { maxLength: 12 },
        ),
      ),
    },
    { requiredKeys: [] },
  ),
);

const isHttp = (u: string): boolean => /^https?:\/\//.test(u);

describe('Statuspage JSON', () => {
  it('any JSON → null or a reading with a known indicator, text ≤ 200, ≤ 5 open incidents, only http(s) links ≤ 500', () => {
    fc.assert(
      fc.property(statuspageJson, (json) => {
        const r = parseStatuspage(json);
        if (r === null) return;
        must(
          (STATUS_INDICATORS as readonly string[]).includes(r.indicator) &&
            r.description.length <= 200 &&
            r.description.trim() !== '',
          () => short(r),
        );
        if (r.pageName !== undefined) must(r.pageName.length <= 200, 'pageName');
        if (r.pageUrl !== undefined) must(isHttp(r.pageUrl) && r.pageUrl.length <= 500, `pageUrl ${short(r.pageUrl)}`);
        for (const i of r.incidents ?? []) {
          must(
            i.name.length <= 200 &&
              i.status.length <= 200 &&
              !['resolved', 'postmortem', 'completed'].includes(i.status),
            () => short(i),
          );
          if (i.shortlink !== undefined)
            must(isHttp(i.shortlink) && i.shortlink.length <= 500, `shortlink ${short(i.shortlink)}`);
        }
        must((r.incidents?.length ?? 0) <= 5, 'more than 5 incidents');
        must(hasProblem(r) === (r.indicator !== 'none' || (r.incidents?.length ?? 0) > 0), 'hasProblem');
      }),
      { numRuns: 1500 },
    );
  });

  it('addresses: a provider status page is http(s) or null; summary/human pages never throw and stay http(s)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDGE_IDS, 'github' as const),
        fc.oneof(junk, fc.dictionary(fc.constantFrom(...EDGE_IDS, 'github'), link, { maxKeys: 3 })),
        link,
        (provider, configured, address) => {
          const url = providerStatusUrl(provider, configured);
          must(url === null || isHttp(url), `${provider} → ${url}`);
          const a = typeof address === 'string' ? address : '';
          const summary = summaryUrlOf(a);
          must(summary === null || (isHttp(summary) && summary.endsWith('/summary.json')), `summary ${summary}`);
          const human = humanPageOf(a);
          must(human === a || isHttp(human), `human ${human}`);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('Globalping', () => {
  it('the measurement asks for the path only — never the query, fragment or userinfo — and never for a private address', () => {
    fc.assert(
      fc.property(webUrl, (u) => {
        const m = buildMeasurement(u.url);
        if (m === null) return;
        const sent = JSON.stringify(m);
        must(!sent.includes('QQ'), () => `leaks a marker: ${short(sent)}`);
        must(isReachableFromElsewhere(m.target) && !m.target.startsWith('['), `target ${m.target}`);
        must(
          Number.isInteger(m.measurementOptions.port) &&
            m.measurementOptions.port > 0 &&
            m.measurementOptions.port < 65536,
          'port',
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('private, loopback and link-local addresses are never measured', () => {
    const privateHost = fc.oneof(
      fc
        .tuple(
          fc.constantFrom('10', '127', '192.168', '172.16', '172.31', '169.254', '100.64'),
          fc.nat(255),
          fc.nat(255),
        )
        .map(([a, b, c]) => `${a}.${b}.${c}${a.includes('.') ? '' : '.1'}`),
      fc.constantFrom(
        '[::1]',
        '[fd00::1]',
        '[fe80::1]',
        'localhost',
        'printer.local',
        'nas.lan',
        'intranet',
        'router.home.arpa',
      ),
    );
    fc.assert(
      fc.property(privateHost, fc.constantFrom('http', 'https'), (h, scheme) => {
        expect(buildMeasurement(`${scheme}://${h}/x`)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('any JSON → readings with bounded text, verdicts consistent with status codes, and a summary that adds up', () => {
    const probe = fc.record({ city: text, country: text, network: text }, { requiredKeys: [] });
    const result = fc.record(
      {
        status: fc.constantFrom('finished', 'in-progress', 'offline', 'failed', 7),
        statusCode: fc.oneof(fc.integer({ min: 100, max: 599 }), junk),
        rawOutput: fc.oneof(text, junk),
      },
      { requiredKeys: [] },
    );
    const measurement = fc.oneof(
      junk,
      fc.record(
        {
          status: fc.oneof(fc.constantFrom('finished', 'in-progress'), junk),
          results: fc.oneof(
            junk,
            fc.array(fc.oneof(junk, fc.record({ probe, result }, { requiredKeys: [] })), { maxLength: 6 }),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(measurement, junk, (json, other) => {
        const reading = parseMeasurement(json);
        if (reading !== null) {
          for (const row of reading.rows) {
            must(
              row.place.length > 0 &&
                row.place.length <= 85 &&
                (row.network?.length ?? 0) <= 80 &&
                (row.error?.length ?? 0) <= 160,
              () => short(row),
            );
            if (row.statusCode !== undefined)
              must(row.verdict === (row.statusCode >= 500 ? 'down' : 'up'), () => short(row));
            must(describeRow(row).length <= 85 + 80 + 180, 'row text');
          }
          const sum = summarizeElsewhere(reading.rows);
          must(sum.up <= sum.answered && sum.answered <= reading.rows.length, () => short(sum));
        }
        const id = parseCreated(other);
        must(id === null || /^[A-Za-z0-9_-]{1,100}$/.test(id), `id ${id}`);
        const error = parseApiError(other);
        must(error === null || (error.length > 0 && error.length <= 200), `error ${error}`);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('ownerChecklist', () => {
  it('any failure and fingerprint → unique items whose keys exist, general items included', () => {
    const body = fc.option(
      fc.record({
        platform: fc.constantFrom('cloudflare' as const, 'vercel' as const, 'akamai' as const),
        name: fc.constant('x'),
        role: fc.constant('cdn' as const),
        code: fc.constantFrom('1016', '1033', 'FUNCTION_INVOCATION_TIMEOUT', 'x', null),
      }),
      { nil: null },
    );
    const anyFailure = fc.oneof(
      failure,
      fc.integer({ min: -1, max: 1000 }).map((status) => ({ type: 'http' as const, status, statusLine: '' })),
    );
    fc.assert(
      fc.property(anyFailure, fingerprint, body, (f, fp, b) => {
        const items = ownerChecklist(f, fp, b);
        const keys = items.map((i) => i.key);
        must(new Set(keys).size === keys.length, 'duplicate items');
        for (const item of items) {
          must((OWNER_TOPICS as readonly string[]).includes(item.key.replace(/^owner_/, '')), item.key);
          mustHaveMessage(item.key);
          mustHaveMessage(item.whereKey);
        }
        must(keys.includes('owner_general_logs'), 'general items missing');
      }),
      { numRuns: 1500 },
    );
  });
});

describe('watch schedule', () => {
  const storedTuning = fc.oneof(
    fc.jsonValue({ maxDepth: 1 }),
    fc.record(
      {
        firstDelayMs: fc.double(),
        maxDelayMs: fc.double(),
        factor: fc.double(),
        maxTries: fc.double(),
        maxDurationMs: fc.double(),
        timeoutMs: fc.double(),
        maxRetryAfterMs: fc.double(),
      },
      { requiredKeys: [] },
    ),
  );
  const BOUNDS: Record<keyof WatchTuning, [number, number]> = {
    firstDelayMs: [500, 600_000],
    maxDelayMs: [500, 1_800_000],
    factor: [1, 4],
    maxTries: [1, 100],
    maxDurationMs: [5000, 21_600_000],
    timeoutMs: [500, 60_000],
    maxRetryAfterMs: [1000, 3_600_000],
  };
  const tryResult = fc.record(
    {
      status: fc.option(fc.constantFrom(200, 302, 404, 500, 502, 503, 0), { nil: undefined }),
      error: fc.option(fc.constantFrom('network' as const, 'timeout' as const), { nil: undefined }),
      retryAfter: fc.option(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('120', '999999', '0', 'Sun, 15 Jun 2025 12:30:00 GMT')),
        { nil: undefined },
      ),
    },
    { requiredKeys: [] },
  );

  it('any stored tuning is within bounds; a watch never tries more than maxTries nor past maxDurationMs, and ends when back', () => {
    fc.assert(
      fc.property(
        storedTuning,
        fc.array(tryResult, { maxLength: 25 }),
        fc.option(fc.constantFrom('30', '86400', 'soon'), { nil: undefined }),
        (stored, results, retryAfter) => {
          const tuning = mergeWatchTuning(stored);
          for (const [key, [min, max]] of Object.entries(BOUNDS) as [keyof WatchTuning, [number, number]][]) {
            must(Number.isFinite(tuning[key]) && tuning[key] >= min && tuning[key] <= max, `${key} = ${tuning[key]}`);
          }
          must(tuning.maxDelayMs >= tuning.firstDelayMs, 'maxDelay < firstDelay');
          const incident = {
            id: 'i',
            url: 'https://a.example/',
            lastSeenAt: NOW,
            headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
          } as unknown as Incident;
          let state: WatchState = startWatchState(incident, NOW, tuning, false, 'w');
          const firstBound = NOW + tuning.maxDurationMs;
          must(state.nextTryAt > NOW && state.nextTryAt <= firstBound, `first try at +${state.nextTryAt - NOW}`);
          let now = NOW;
          for (const result of results) {
            if (state.status !== 'watching') break;
            now = Math.max(now, state.nextTryAt);
            const claimed = claimTry(state, now, tuning);
            must(claimed !== null, 'a due try was not claimed');
            must(claimed.tries <= tuning.maxTries, `${claimed.tries} tries`);
            must(claimTry(claimed, now, tuning) === null, 'the same try claimed twice');
            now += 100;
            state = afterTry(claimed, result, now, tuning);
            if (result.status !== undefined && result.status >= 200 && result.status <= 399)
              must(state.status === 'back', 'back not noticed');
            if (state.status === 'watching') {
              must(
                state.nextTryAt > now - 1 && state.nextTryAt <= state.startedAt + tuning.maxDurationMs,
                `next try at +${state.nextTryAt - state.startedAt}`,
              );
            }
          }
        },
      ),
      { numRuns: 700 },
    );
  });
});
