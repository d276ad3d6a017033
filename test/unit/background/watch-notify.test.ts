// "Never anything from a private window": a private window's site never appears in a notification.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { backNotificationBody } = await import('../../../src/background/watch-notify');

describe('the "it\'s back" notification', () => {
  const watch = { url: 'https://secret-clinic.example/appointments', lastTry: { at: 1, status: 200 } } as never;
  const record = (incognito: boolean): TabRecord => ({
    tabId: 1,
    lastError: {
      id: 'i',
      url: 'https://secret-clinic.example/appointments',
      failure: { type: 'http', status: 502, statusLine: '' },
      at: 1,
      lastSeenAt: 1,
      occurrences: 1,
      headers: {},
      fingerprint: { edge: null, server: null, traceIds: [] },
      incognito,
      checks: {},
      endedAt: 2,
    },
  });
  it('names the site for a normal window', () => {
    expect(backNotificationBody(watch, record(false))).toEqual({
      key: 'watchBackNotificationBody',
      args: ['secret-clinic.example', '200'],
    });
  });
  it.each([
    ['a private window', record(true)],
    ['an unknown record', undefined],
  ])('never names the site for %s', (_, r) => {
    const body = backNotificationBody(watch, r);
    expect(body.key).toBe('watchBackNotificationBodyPrivate');
    expect(body.args.join(' ')).not.toContain('secret-clinic');
  });
});
