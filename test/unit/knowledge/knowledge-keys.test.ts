import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/knowledge/explain';
import { analyseResponse } from '../../../src/knowledge/infrastructure/analyse-response';
import { HEADER_SETS } from '../support/header-sets';
import { FIXERS, fixerKey, HOPS, hopKey } from '../../../src/knowledge/knowledge-entry';
import { KNOWLEDGE_ENTRIES, KNOWLEDGE_KEYS } from '../../../src/knowledge/knowledge-keys';
import { NETWORK_KNOWLEDGE } from '../../../src/knowledge/network-knowledge';
import { GENERIC_5XX, GENERIC_HTTP_ERROR, STATUS_CODES, statusKnowledge } from '../../../src/knowledge/status-codes';
import { CHECK_IDS } from '../../../src/model/checks';
import { NETWORK_ERROR_KINDS, type Failure } from '../../../src/model/failure';
import type { Fingerprint } from '../../../src/model/fingerprint';

const messages = JSON.parse(
  readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, { message?: unknown }>;

const REQUIRED_CODES = [
  500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 520, 521, 522, 523, 524, 525, 526, 527, 530, 598, 599,
];
const FINGERPRINTS: Fingerprint[] = Object.values(HEADER_SETS).flatMap((set) =>
  [502, 503, set.status].map((status) =>
    analyseResponse(Object.fromEntries(set.headers.map(({ name, value }) => [name.toLowerCase(), value])), status),
  ),
);
const STATUSES = [...REQUIRED_CODES, 555, 404, 200];

describe('knowledge tables', () => {
  it('cover every listed status code and every network error kind', () => {
    expect([...STATUS_CODES.keys()].sort()).toEqual([...REQUIRED_CODES].sort());
    for (const kind of NETWORK_ERROR_KINDS) expect(NETWORK_KNOWLEDGE[kind], kind).toBeDefined();
  });

  it('fall back to a generic entry for other statuses', () => {
    expect(statusKnowledge(555)).toBe(GENERIC_5XX);
    expect(statusKnowledge(599)).not.toBe(GENERIC_5XX);
    expect(statusKnowledge(404)).toBe(GENERIC_HTTP_ERROR);
    expect(statusKnowledge(600)).toBe(GENERIC_HTTP_ERROR);
  });

  describe.each(KNOWLEDGE_ENTRIES.map(({ id, entry }) => [id, entry] as const))('%s', (id, entry) => {
    it('has every field filled with valid values', () => {
      expect(entry.titleKey).toMatch(/_title$/);
      expect(entry.summaryKey).toMatch(/_summary$/);
      expect(entry.causeKeys.length).toBeGreaterThan(0);
      expect(entry.fixers.length).toBeGreaterThan(0);
      expect(entry.steps.length).toBeGreaterThan(0);
      for (const fixer of entry.fixers) expect(FIXERS).toContain(fixer);
      for (const step of entry.steps) expect(CHECK_IDS).toContain(step);
      expect(HOPS).toContain(entry.failingHop);
      expect(new Set(entry.steps).size, `${id}: duplicate steps`).toBe(entry.steps.length);
      expect(new Set(entry.fixers).size, `${id}: duplicate fixers`).toBe(entry.fixers.length);
    });
  });

  it('give each status and kind its own title and summary', () => {
    const titles = KNOWLEDGE_ENTRIES.map(({ entry }) => entry.titleKey);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('i18n keys', () => {
  it('every key the knowledge can return exists with a non-empty message', () => {
    const missing = KNOWLEDGE_KEYS.filter(
      (key) => typeof messages[key]?.message !== 'string' || (messages[key]!.message as string).trim() === '',
    );
    expect(missing).toEqual([]);
  });

  it('key names follow Chrome’s rule (letters, digits, underscore)', () => {
    for (const key of KNOWLEDGE_KEYS) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('includes hop and fixer names', () => {
    expect(KNOWLEDGE_KEYS).toEqual(expect.arrayContaining([...HOPS.map(hopKey), ...FIXERS.map(fixerKey)]));
    expect(fixerKey('site-owner')).toBe('fixer_site_owner');
    expect(messages['hop_origin']?.message).toBe("The site's server");
  });

  it('every explanation uses known keys, and its substitutions are filled when a message needs them', () => {
    const failures: Failure[] = [
      ...STATUSES.map((status): Failure => ({ type: 'http', status, statusLine: '' })),
      ...NETWORK_ERROR_KINDS.map((kind): Failure => ({ type: 'network', kind, error: '' })),
      { type: 'network', kind: 'protocol', error: 'net::ERR_TOO_MANY_REDIRECTS' },
      { type: 'network', kind: 'unreachable', error: 'NS_ERROR_PROXY_CONNECTION_REFUSED' },
      { type: 'network', kind: 'tls', error: 'net::ERR_CERT_DATE_INVALID' },
    ];
    const known = new Set(KNOWLEDGE_KEYS);
    for (const failure of failures) {
      for (const fp of FINGERPRINTS) {
        const e = explain(failure, fp);
        const keys = [e.titleKey, e.summaryKey, ...e.causeKeys, ...(e.contextKey ? [e.contextKey] : [])];
        for (const key of keys) expect(known.has(key), key).toBe(true);
        for (const key of [e.summaryKey, e.contextKey ?? e.summaryKey]) {
          const text = messages[key]!.message as string;
          for (const [, n] of text.matchAll(/\$(\d)/g)) {
            expect(e.args[Number(n) - 1], `${key} needs $${n} (${JSON.stringify(fp)})`).toBeTruthy();
          }
        }
      }
    }
  });
});
