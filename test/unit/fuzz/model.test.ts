// Properties of the stored state: mergeSettings on any stored value, a tab record through generated sequences
// of failures, recoveries, challenges, step updates and worker restarts, and the incident history's caps.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  withChallenge,
  withCheckState,
  withFailure,
  withInterruptedChecks,
  withIp,
  withRecovery,
} from '../../../src/background/record-transitions';
import { CHECK_IDS, type CheckId, type CheckState } from '../../../src/model/checks';
import {
  addToHistory,
  HISTORY_LIMITS,
  parseHistory,
  pruneHistory,
  type HistoryEntry,
  type HistoryLimits,
} from '../../../src/model/history';
import { siteOf } from '../../../src/model/url-parts';
import type { Incident, TabRecord } from '../../../src/model/incident';
import { mergeSettings } from '../../../src/model/merge-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/model/settings';
import { checkState, failure, NOW, webUrl } from './arbitraries';
import { must, short } from './assertions';
import { isObject } from '../../../src/model/json-shape';

vi.setConfig({ testTimeout: 60_000 });

// ---- mergeSettings ----

/** Stored settings: anything at all, or the defaults with some values (and nested values) replaced by anything. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, undefined, Number.NaN, -1, Infinity, [], {}, '', [1, 'a'], { url: 5 }),
);
const nearSettings = fc
  .record({
    top: fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS), '__proto__', 'extra'), anyValue, {
      maxKeys: 4,
    }),
    endpoints: fc.dictionary(fc.constantFrom(...Object.keys(DEFAULT_SETTINGS.endpoints), 'extra'), anyValue, {
      maxKeys: 4,
    }),
    keepEndpoints: fc.boolean(),
  })
  .map(({ top, endpoints, keepEndpoints }) => ({
    ...structuredClone(DEFAULT_SETTINGS),
    ...top,
    ...(keepEndpoints ? { endpoints: { ...structuredClone(DEFAULT_SETTINGS.endpoints), ...endpoints } } : {}),
  }));
const storedSettings = fc.oneof(anyValue, fc.object({ maxDepth: 2 }), nearSettings);

/** Every field of Settings with its type, except the object-valued endpoints (see the TODO below). */
function checkSettingsTypes(s: Settings): void {
  must(s.version === 1, `version ${short(s.version)}`);
  for (const key of [
    'autoRunChecks',
    'notifyWhenBack',
    'reloadWhenBack',
    'thirdPartyLookups',
    'sharePagePath',
    'ownerMode',
    'historyEnabled',
  ] as const) {
    must(typeof s[key] === 'boolean', `${key}: ${short(s[key])}`);
  }
  must(typeof s.checkTimeoutMs === 'number', `checkTimeoutMs: ${short(s.checkTimeoutMs)}`);
  must(isObject(s.endpoints), 'endpoints');
  const e = s.endpoints;
  must(
    Array.isArray(e.connectivity) && e.connectivity.every((u) => typeof u === 'string'),
    () => `connectivity: ${short(e.connectivity)}`,
  );
  for (const key of ['dohResolver', 'statusPage', 'archive', 'globalping'] as const)
    must(typeof e[key] === 'string', `${key}: ${short(e[key])}`);
  must(
    Object.keys(s).sort().join() === Object.keys(DEFAULT_SETTINGS).sort().join(),
    () => `keys ${Object.keys(s).join()}`,
  );
}

const validCaptivePortal = (v: unknown): boolean =>
  isObject(v) &&
  typeof v.url === 'string' &&
  typeof v.expectStatus === 'number' &&
  (v.expectBody === undefined || typeof v.expectBody === 'string');

describe('mergeSettings', () => {
  it('any stored value → complete Settings with valid types; idempotent; does not alias the defaults', () => {
    fc.assert(
      fc.property(storedSettings, (stored) => {
        const merged = mergeSettings(stored);
        checkSettingsTypes(merged);
        expect(mergeSettings(merged)).toEqual(merged);
        must(
          merged !== DEFAULT_SETTINGS &&
            merged.endpoints !== DEFAULT_SETTINGS.endpoints &&
            merged.endpoints.connectivity !== DEFAULT_SETTINGS.endpoints.connectivity,
          'aliases the defaults',
        );
      }),
      { numRuns: 1500 },
    );
    expect(DEFAULT_SETTINGS.endpoints.connectivity).toHaveLength(3);
  });

  it('keeps every valid stored value', () => {
    // Valid: https: addresses (src/model/endpoint-policy.ts), at least one connectivity address, 1–60 s.
    const https = fc.webUrl({ validSchemes: ['https'] });
    const valid = fc.record({
      autoRunChecks: fc.boolean(),
      notifyWhenBack: fc.boolean(),
      historyEnabled: fc.boolean(),
      checkTimeoutMs: fc.integer({ min: 1000, max: 60_000 }),
      connectivity: fc.array(https, { minLength: 1, maxLength: 3 }),
      dohResolver: https,
    });
    fc.assert(
      fc.property(valid, ({ connectivity, dohResolver, ...top }) => {
        const stored = {
          ...structuredClone(DEFAULT_SETTINGS),
          ...top,
          endpoints: { ...structuredClone(DEFAULT_SETTINGS.endpoints), connectivity, dohResolver },
        };
        expect(mergeSettings(stored)).toEqual(stored);
      }),
      { numRuns: 800 },
    );
  });

  it('never lets a corrupt object-valued endpoint through', () => {
    expect(mergeSettings({ endpoints: { captivePortal: null } }).endpoints.captivePortal).toEqual(
      DEFAULT_SETTINGS.endpoints.captivePortal,
    );
    expect(mergeSettings({ endpoints: { captivePortal: { url: 5 } } }).endpoints.captivePortal).toEqual(
      DEFAULT_SETTINGS.endpoints.captivePortal,
    );
    fc.assert(
      fc.property(storedSettings, (stored) => {
        const { captivePortal, providerStatusPages } = mergeSettings(stored).endpoints;
        const raw: unknown = stored;
        const storedEndpoints = isObject(raw) && isObject(raw.endpoints) ? raw.endpoints : {};
        // Regression: typeof null/[]/{} is 'object' — a corrupt stored endpoint object must never come through.
        void storedEndpoints;
        must(validCaptivePortal(captivePortal), () => `invalid captivePortal ${short(captivePortal)}`);
        must(
          providerStatusPages === undefined || isObject(providerStatusPages),
          () => `providerStatusPages ${short(providerStatusPages)}`,
        );
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- record transitions ----

const URLS = ['https://a.example/', 'https://a.example/?q=1', 'https://b.example/x', 'http://[::1]:8080/'];
const TABS = [1, 2];

type Op =
  | { op: 'failure'; tab: number; url: string; incognito: boolean; ip?: string; failure: Incident['failure'] }
  | { op: 'recovery'; tab: number; status: number }
  | { op: 'challenge'; tab: number; url: string }
  | {
      op: 'check';
      tab: number;
      target: 'current' | 'last' | 'stale';
      checkId: CheckId;
      state: CheckState;
      expect: 'none' | 'owner' | 'other';
    }
  | { op: 'ip'; tab: number; url: string; ip: string }
  | { op: 'restart' };

const tab = fc.constantFrom(...TABS);
// One URL most of the time, so a page often fails again (keeping its steps) before another one does.
const url = fc.oneof(
  { weight: 3, arbitrary: fc.constant(URLS[0]!) },
  { weight: 2, arbitrary: fc.constantFrom(...URLS) },
);
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        op: fc.constant('failure' as const),
        tab,
        url,
        incognito: fc.boolean(),
        failure,
        ip: fc.constantFrom('198.51.100.1', ''),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('recovery' as const), tab, status: fc.constantFrom(200, 301, 404) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('challenge' as const), tab, url }) },
    {
      weight: 5,
      arbitrary: fc.record({
        op: fc.constant('check' as const),
        tab,
        target: fc.constantFrom('current' as const, 'current' as const, 'last' as const, 'stale' as const),
        checkId: fc.constantFrom(...CHECK_IDS),
        expect: fc.constantFrom('none' as const, 'owner' as const, 'other' as const),
        // Running states often, so restarts have something to sweep in both the current and the ended incident.
        state: fc.oneof(
          checkState(NOW, fc.constant('')),
          fc.record({
            state: fc.constant('running' as const),
            runId: fc.constant(''),
            startedAt: fc.constant(NOW),
            deadline: fc.constant(NOW + 8000),
          }),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('ip' as const),
        tab,
        url,
        ip: fc.constantFrom('203.0.113.5', '2001:db8::5'),
      }),
    },
    { weight: 2, arbitrary: fc.constant({ op: 'restart' as const }) },
  ),
  // 'max': lengths up to 30 (fast-check's default size keeps arrays to about 10, too short for histories).
  { minLength: 4, maxLength: 30, size: 'max' },
);

/** Each check state written carries, in its runId, the id of the incident it was written for. */
const ownerOf = (state: CheckState): string => state.runId.split('|')[0]!;

function checkRecord(record: TabRecord, tabId: number, urlOf: Map<string, string>): void {
  must(record.tabId === tabId, `record of tab ${record.tabId} under ${tabId}`);
  for (const incident of [record.incident, record.lastError]) {
    if (!incident) continue;
    must(
      urlOf.get(incident.id) === incident.url,
      `incident ${incident.id} moved from ${urlOf.get(incident.id)} to ${incident.url}`,
    );
    must(incident.occurrences >= 1 && incident.at <= incident.lastSeenAt, () => `counters ${short(incident)}`);
    for (const [id, state] of Object.entries(incident.checks)) {
      // Steps stay with the incident (and so the URL) they were run for.
      must(
        ownerOf(state!) === incident.id,
        `${id} of incident ${ownerOf(state!)} kept in ${incident.id} (${incident.url})`,
      );
    }
  }
  if (record.lastError) must(record.lastError.id !== record.incident?.id, 'the same incident is current and ended');
  if (record.challenge) must(!record.incident, 'a challenge next to an incident');
}

describe('record transitions', () => {
  it('any sequence keeps one record per tab, checks with the incident (and URL) they ran for, and no running step after a restart', () => {
    let carried = 0;
    fc.assert(
      fc.property(ops, (sequence) => {
        const records = new Map<number, TabRecord>();
        const urlOf = new Map<string, string>();
        let now = NOW;
        let nextId = 0;
        for (const step of sequence) {
          now += 1000;
          if (step.op === 'restart') {
            for (const [tabId, record] of records) {
              const swept = withInterruptedChecks(record);
              const hadRunning = [record.incident, record.lastError].some(
                (i) => i && Object.values(i.checks).some((s) => s?.state === 'running'),
              );
              must((swept !== undefined) === hadRunning, 'swept without a running step, or not swept with one');
              if (!swept) continue;
              for (const i of [swept.incident, swept.lastError]) {
                if (i)
                  must(
                    !Object.values(i.checks).some((s) => s?.state === 'running'),
                    'a running step survived the restart',
                  );
              }
              expect(Object.keys(swept.incident?.checks ?? {})).toEqual(Object.keys(record.incident?.checks ?? {}));
              records.set(tabId, swept);
            }
            continue;
          }
          const before = records.get(step.tab);
          let after: TabRecord | undefined;
          if (step.op === 'failure') {
            const id = `inc${nextId++}`;
            after = withFailure(
              before,
              {
                url: step.url,
                failure: step.failure,
                headers: {},
                fingerprint: { edge: null, server: null, traceIds: [] },
                incognito: step.incognito,
                now,
                newId: id,
                ...(step.ip ? { ip: step.ip } : {}),
              },
              step.tab,
            );
            const incident = after.incident!;
            const sameUrl = before?.incident?.url === step.url;
            must(incident.id === (sameUrl ? before!.incident!.id : id), 'incident id');
            must(
              sameUrl
                ? incident.occurrences === before!.incident!.occurrences + 1
                : incident.occurrences === 1 && Object.keys(incident.checks).length === 0,
              'new URL kept old checks or count',
            );
            if (!sameUrl) urlOf.set(id, step.url);
            else if (Object.keys(incident.checks).length > 0) carried++;
          } else if (step.op === 'recovery') {
            after = withRecovery(before, step.status, now);
            if (after)
              must(
                !after.incident &&
                  !after.challenge &&
                  (before?.incident ? after.lastError?.id === before.incident.id : true),
                'recovery',
              );
          } else if (step.op === 'challenge') {
            after = withChallenge(before, { url: step.url, provider: 'cloudflare', status: 403, at: now }, step.tab);
          } else if (step.op === 'ip') {
            after = withIp(before, step.url, step.ip);
            if (after) must(after.incident!.url === step.url && after.incident!.ip === step.ip, 'ip for another URL');
          } else {
            const target =
              step.target === 'current'
                ? before?.incident
                : step.target === 'last'
                  ? before?.lastError
                  : { id: `inc${nextId + 99}`, checks: {} as Incident['checks'] };
            if (!target) continue;
            const runId = `${target.id}|${nextId++}`;
            const ownerRun = target.checks[step.checkId]?.runId;
            const expectRunId =
              step.expect === 'none' ? undefined : step.expect === 'owner' ? (ownerRun ?? 'missing') : 'someone-else';
            after = withCheckState(before, target.id, step.checkId, { ...step.state, runId }, expectRunId);
            const written = step.target !== 'stale' && (expectRunId === undefined || expectRunId === ownerRun);
            must(
              (after !== undefined) === written,
              `check write ${written ? 'lost' : 'happened'} (${step.target}, expect ${step.expect})`,
            );
          }
          if (after) records.set(step.tab, after);
          const current = records.get(step.tab);
          if (current) checkRecord(current, step.tab, urlOf);
        }
      }),
      { numRuns: 800 },
    );
    // Not vacuous: the same URL failing again often carries steps already run.
    expect(carried).toBeGreaterThan(30);
  });
});

// ---- history ----

const limits: fc.Arbitrary<HistoryLimits> = fc.oneof(
  fc.constant(HISTORY_LIMITS),
  fc.record({
    total: fc.integer({ min: 1, max: 8 }),
    perSite: fc.integer({ min: 1, max: 4 }),
    maxAgeMs: fc.integer({ min: 1000, max: 60_000 }),
    duplicateWithinMs: fc.constantFrom(0, 2000),
  }),
);
const historyUrl = fc.oneof(
  webUrl.map((u) => u.url),
  fc.constantFrom(
    'about:blank',
    'file:///x',
    'chrome://settings',
    'data:,x',
    'not a url',
    'https://a.example/private?token=QQquery1',
  ),
);
const storedEntry = fc.oneof(
  fc.record({
    site: fc.constantFrom('https://a.example', 'http://b.example:8080', 'https://a.example/path', 'ftp://c', ''),
    at: fc.oneof(fc.integer({ min: NOW - 100_000, max: NOW }), fc.constantFrom(Number.NaN, Infinity, -Infinity)),
    failure: fc.constantFrom(
      { type: 'http', status: 502 },
      { type: 'network', kind: 'dns' },
      { type: 'network', kind: 'nope' },
      { type: 'http', status: 1.5 },
      null,
    ),
  }),
  fc.jsonValue({ maxDepth: 1 }),
);

function checkHistory(entries: HistoryEntry[], limit: HistoryLimits, now: number): void {
  must(entries.length <= limit.total, `${entries.length} entries > ${limit.total}`);
  const perSite = new Map<string, number>();
  let previous = -Infinity;
  for (const e of entries) {
    perSite.set(e.site, (perSite.get(e.site) ?? 0) + 1);
    // Only the origin: never a path, query, fragment or userinfo.
    must(
      siteOf(e.site) === e.site && new URL(e.site).origin === e.site && !/[?#@]/.test(e.site) && !e.site.includes('QQ'),
      `stored ${e.site}`,
    );
    must(now - e.at <= limit.maxAgeMs, `entry ${now - e.at} ms old`);
    must(e.at >= previous, 'not oldest first');
    previous = e.at;
    must(
      Object.keys(e).sort().join() === 'at,failure,site' && Object.keys(e.failure).length === 2,
      () => `extra fields ${short(e)}`,
    );
  }
  for (const [site, count] of perSite) must(count <= limit.perSite, `${count} entries for ${site}`);
}

describe('history', () => {
  it('adding any sequence of incidents to any stored value keeps the caps, origins only, and nothing from private windows', () => {
    const incidentArb = fc.record({
      url: historyUrl,
      failure,
      incognito: fc.boolean(),
      dt: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(
        fc.array(storedEntry, { maxLength: 8 }),
        fc.array(incidentArb, { maxLength: 25, size: 'medium' }),
        limits,
        (stored, incidents, limit) => {
          let history: unknown = stored;
          let now = NOW;
          for (const { url, failure: f, incognito, dt } of incidents) {
            now += dt;
            const next = addToHistory(history, { url, failure: f, incognito, lastSeenAt: now }, now, limit);
            if (incognito || siteOf(url) === null)
              must(next === null, `stored ${incognito ? 'a private incident' : url}`);
            if (next === null) continue;
            checkHistory(next, limit, now);
            // The new failure is kept, unless the caps are full of failures from the very same millisecond.
            const site = siteOf(url);
            const ofSite = next.filter((e) => e.site === site);
            must(
              ofSite.some((e) => e.at === now) ||
                next.every((e) => e.at >= now) ||
                (ofSite.length === limit.perSite && ofSite.every((e) => e.at >= now)),
              () => `the new failure is missing: ${short(next)}`,
            );
            history = next;
          }
        },
      ),
      { numRuns: 800 },
    );
  });

  it('parseHistory accepts any stored value; pruneHistory is idempotent and within the caps', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(storedEntry, { maxLength: 30 }), fc.jsonValue({ maxDepth: 2 })),
        limits,
        (stored, limit) => {
          const parsedEntries = parseHistory(stored);
          for (const e of parsedEntries)
            must(siteOf(e.site) === e.site && Number.isFinite(e.at), () => `parsed ${short(e)}`);
          const once = pruneHistory(parsedEntries, NOW, limit);
          checkHistory(once, limit, NOW);
          expect(pruneHistory(once, NOW, limit)).toEqual(once);
        },
      ),
      { numRuns: 1500 },
    );
  });
});
