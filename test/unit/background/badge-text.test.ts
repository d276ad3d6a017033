import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { badgeFor, iconPath } from '../../../src/background/badge-text';
import type { TabRecord } from '../../../src/model/incident';
import type { Failure } from '../../../src/model/failure';

const recordWith = (failure: Failure): TabRecord => ({
  tabId: 1,
  incident: {
    id: 'i',
    url: 'https://a.test/',
    failure,
    at: 0,
    lastSeenAt: 0,
    occurrences: 1,
    headers: {},
    fingerprint: { edge: null, server: null, traceIds: [] },
    incognito: false,
    checks: {},
  },
});

describe('badgeFor', () => {
  it('shows the status code of an HTTP failure', () => {
    expect(badgeFor(recordWith({ type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' }))?.text).toBe(
      '502',
    );
  });
  it('colours CDN-edge codes (52x) differently from other 5xx', () => {
    const edge = badgeFor(recordWith({ type: 'http', status: 522, statusLine: '' }));
    const server = badgeFor(recordWith({ type: 'http', status: 503, statusLine: '' }));
    expect(edge?.color).not.toBe(server?.color);
  });
  it('shows a short word for network failures', () => {
    expect(badgeFor(recordWith({ type: 'network', kind: 'dns', error: 'net::ERR_NAME_NOT_RESOLVED' }))?.text).toBe(
      'DNS',
    );
    expect(badgeFor(recordWith({ type: 'network', kind: 'refused', error: 'net::ERR_CONNECTION_REFUSED' }))?.text).toBe(
      'CONN',
    );
    expect(badgeFor(recordWith({ type: 'network', kind: 'offline', error: 'x' }))?.text).toBe('OFF');
  });
  it('shows nothing without a current incident', () => {
    expect(badgeFor(undefined)).toBeNull();
    expect(badgeFor({ tabId: 1 })).toBeNull();
  });
  it('never an alarm for a refusal (403, 429 …), but a green OK once a watched 429 answers again', () => {
    const clientError = {
      id: 'c',
      url: 'https://a.test/',
      failure: { type: 'http' as const, status: 429, statusLine: '' },
      at: 0,
      lastSeenAt: 0,
      headers: {},
      fingerprint: { edge: null, server: null, traceIds: [] },
      incognito: false,
    };
    expect(badgeFor({ tabId: 1, clientError })).toBeNull();
    expect(
      badgeFor({ tabId: 1, clientError: { ...clientError, failure: { ...clientError.failure, status: 403 } } }),
    ).toBeNull();
    const watch = {
      id: 'w',
      incidentId: 'c',
      url: 'https://a.test/',
      status: 'back' as const,
      startedAt: 0,
      tries: 1,
      nextTryAt: 0,
      reload: false,
      endedAt: 10,
    };
    expect(badgeFor({ tabId: 1, clientError, watch })?.text).toBe('OK');
    expect(badgeFor({ tabId: 1, clientError, watch: { ...watch, status: 'watching' as const } })).toBeNull();
  });
  it('turns to a green OK when a watched site answers again, until the tab fails again', () => {
    const base = recordWith({ type: 'http', status: 503, statusLine: '' });
    const watch = {
      id: 'w',
      incidentId: 'i',
      url: 'https://a.test/',
      status: 'back' as const,
      startedAt: 0,
      tries: 2,
      nextTryAt: 0,
      reload: false,
      endedAt: 10,
    };
    const back = badgeFor({ ...base, watch });
    expect(back?.text).toBe('OK');
    expect(back?.titleKey).toBe('badgeTitleBack');
    expect(back?.color).not.toBe(badgeFor(base)?.color);
    expect(badgeFor({ ...base, incident: { ...base.incident!, lastSeenAt: 11 }, watch })?.text).toBe('503');
    expect(badgeFor({ ...base, watch: { ...watch, status: 'watching' } })?.text).toBe('503');
    expect(badgeFor({ ...base, watch: { ...watch, incidentId: 'other' } })?.text).toBe('503');
  });
  it('keeps every badge within four characters', () => {
    for (const kind of [
      'dns',
      'refused',
      'reset',
      'timeout',
      'tls',
      'offline',
      'unreachable',
      'protocol',
      'blocked',
      'other',
    ] as const) {
      expect(badgeFor(recordWith({ type: 'network', kind, error: '' }))!.text.length).toBeLessThanOrEqual(4);
    }
  });
  it('picks the toolbar icon: red dot while an incident exists, green tick once the watched site is back', () => {
    const base = recordWith({ type: 'http', status: 502, statusLine: '' });
    expect(badgeFor(base)?.icon).toBe('error');
    expect(badgeFor(recordWith({ type: 'network', kind: 'dns', error: '' }))?.icon).toBe('error');
    const watch = {
      id: 'w',
      incidentId: 'i',
      url: 'https://a.test/',
      status: 'back' as const,
      startedAt: 0,
      tries: 1,
      nextTryAt: 0,
      reload: false,
      endedAt: 10,
    };
    expect(badgeFor({ ...base, watch })?.icon).toBe('back');
  });
  it('names icon files that exist, by absolute path (Chrome resolves relative ones against the worker script)', () => {
    for (const variant of ['normal', 'error', 'back'] as const) {
      for (const file of Object.values(iconPath(variant))) {
        expect(file.startsWith('/icons/')).toBe(true);
        expect(existsSync(fileURLToPath(new URL(`../../../public${file}`, import.meta.url))), file).toBe(true);
      }
    }
  });
});
