import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { appendToHistory } from '../../../src/background/history-store';
import { HISTORY_KEY } from '../../../src/model/history';
import { SETTINGS_KEY, DEFAULT_SETTINGS } from '../../../src/model/settings';
import type { Incident } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const incident = (url: string, overrides: Partial<Incident> = {}): Incident => ({
  id: 'i1',
  url,
  failure: { type: 'http', status: 502, statusLine: 'HTTP/1.1 502 Bad Gateway' },
  at: Date.now(),
  lastSeenAt: Date.now(),
  occurrences: 1,
  headers: { server: 'nginx' },
  fingerprint: { traceIds: [] } as unknown as Incident['fingerprint'],
  incognito: false,
  checks: {},
  ...overrides,
});

const stored = async () => (await fakeBrowser.storage.local.get(HISTORY_KEY))[HISTORY_KEY] as unknown[] | undefined;

describe('appendToHistory', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the site, the failure and the time to storage.local', async () => {
    await appendToHistory(incident('https://example.com/a?b=c'));
    expect(await stored()).toEqual([
      { site: 'https://example.com', at: expect.any(Number), failure: { type: 'http', status: 502 } },
    ]);
  });

  it('never writes anything for a private window', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await appendToHistory(incident('https://example.com/', { incognito: true }));
    expect(set).not.toHaveBeenCalled();
    expect(await stored()).toBeUndefined();
  });

  it('writes nothing when history is turned off', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, historyEnabled: false } });
    await appendToHistory(incident('https://example.com/'));
    expect(await stored()).toBeUndefined();
  });

  it('keeps both of two failures recorded at the same moment in different tabs', async () => {
    await Promise.all([appendToHistory(incident('https://a.test/')), appendToHistory(incident('https://b.test/'))]);
    expect(await stored()).toHaveLength(2);
  });
});
