// "Never anything from a private window": a tab that cannot be read counts as private, and a private
// window's site never appears in a notification.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import type { TabRecord } from '../../../src/model/incident';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { isIncognito } = await import('../../../src/background/detector');
const { backNotificationBody } = await import('../../../src/background/watch-notify');

describe('isIncognito fails closed', () => {
  beforeEach(() => fakeBrowser.reset());
  it('Firefox\'s own flag on the request decides', async () => {
    expect(await isIncognito({ tabId: 1, incognito: false })).toBe(false);
    expect(await isIncognito({ tabId: 1, incognito: true })).toBe(true);
  });
  it('a tab that cannot be read (tabs.get fails) is taken as private', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 9'));
    expect(await isIncognito({ tabId: 9 })).toBe(true);
  });
  it('a readable normal tab is not private', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValueOnce({ incognito: false } as never);
    expect(await isIncognito({ tabId: 9 })).toBe(false);
  });
});

describe('the "it\'s back" notification', () => {
  const watch = { url: 'https://secret-clinic.example/appointments', lastTry: { at: 1, status: 200 } } as never;
  const record = (incognito: boolean): TabRecord => ({
    tabId: 1,
    lastError: {
      id: 'i', url: 'https://secret-clinic.example/appointments', failure: { type: 'http', status: 502, statusLine: '' }, at: 1, lastSeenAt: 1,
      occurrences: 1, headers: {}, fingerprint: { edge: null, server: null, traceIds: [] }, incognito, checks: {}, endedAt: 2,
    },
  });
  it('names the site for a normal window', () => {
    expect(backNotificationBody(watch, record(false))).toEqual({ key: 'watchBackNotificationBody', args: ['secret-clinic.example', '200'] });
  });
  it.each([['a private window', record(true)], ['an unknown record', undefined]])('never names the site for %s', (_, r) => {
    const body = backNotificationBody(watch, r);
    expect(body.key).toBe('watchBackNotificationBodyPrivate');
    expect(body.args.join(' ')).not.toContain('secret-clinic');
  });
});
