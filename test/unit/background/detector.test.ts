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

describe('Chrome: a tab is read only when the extension may see private windows', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
    vi.resetModules(); // a fresh instance: the answer is asked once per instance
  });
  const fresh = async (allowed: boolean | Error) => {
    vi.spyOn(fakeBrowser.extension, 'isAllowedIncognitoAccess').mockImplementation(async () => {
      if (allowed instanceof Error) throw allowed;
      return allowed;
    });
    return (await import('../../../src/background/detector')).isIncognito;
  };

  it('not let into private windows: no event comes from one, so no tabs.get (a round trip) is made', async () => {
    const isIncognitoNow = await fresh(false);
    const get = vi.spyOn(fakeBrowser.tabs, 'get');
    expect(await isIncognitoNow({ tabId: 9 })).toBe(false);
    expect(get).not.toHaveBeenCalled();
  });

  it('let in: the tab decides, and a tab that cannot be read still counts as private', async () => {
    const isIncognitoNow = await fresh(true);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValueOnce({ incognito: true } as never);
    expect(await isIncognitoNow({ tabId: 9 })).toBe(true);
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValueOnce(new Error('No tab with id: 9'));
    expect(await isIncognitoNow({ tabId: 9 })).toBe(true);
  });

  it('an unknown answer counts as let in (the tab is read)', async () => {
    const isIncognitoNow = await fresh(new Error('extension API gone'));
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValueOnce({ incognito: true } as never);
    expect(await isIncognitoNow({ tabId: 9 })).toBe(true);
  });
});
