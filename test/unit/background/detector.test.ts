// "Never anything from a private window": a tab that cannot be read counts as private.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { isIncognito } = await import('../../../src/background/detector');

describe('isIncognito fails closed', () => {
  beforeEach(() => fakeBrowser.reset());
  it("Firefox's own flag on the request decides", async () => {
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
