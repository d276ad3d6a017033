// Where the notice's button opens the steps: the toolbar popup, else the popup's page for that tab in a
// window, else (no `windows` API: Firefox for Android) in a tab.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const fake: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
vi.mock('webextension-polyfill', () => ({ default: fake }));
const { openStepsFor } = await import('../../../src/background/open-steps');

function browserWith({ openPopup, windows }: { openPopup?: 'resolves' | 'rejects'; windows: boolean }) {
  for (const key of Object.keys(fake)) delete fake[key];
  calls.length = 0;
  fake.runtime = { getURL: (path: string) => `ext://id/${path}` };
  fake.action = openPopup
    ? {
        openPopup: async (o: { windowId?: number }) => {
          calls.push(`openPopup ${o.windowId}`);
          if (openPopup === 'rejects') throw new Error('openPopup requires a user gesture');
        },
      }
    : {};
  fake.tabs = { create: async ({ url }: { url: string }) => void calls.push(`tab ${url}`) };
  if (windows)
    fake.windows = {
      create: async ({ url, type }: { url: string; type: string }) => void calls.push(`window ${type} ${url}`),
    };
}

describe('openStepsFor', () => {
  beforeEach(() => browserWith({ windows: true }));

  it('opens the toolbar popup on the window of the active tab where the browser allows it', async () => {
    browserWith({ openPopup: 'resolves', windows: true });
    expect(await openStepsFor({ id: 4, windowId: 9, active: true } as never)).toBe('popup');
    expect(calls).toEqual(['openPopup 9']);
  });
  it('falls back to the popup page bound to the tab in a small window when openPopup is refused (Firefox)', async () => {
    browserWith({ openPopup: 'rejects', windows: true });
    expect(await openStepsFor({ id: 4, windowId: 9, active: true } as never)).toBe('window');
    expect(calls).toEqual(['openPopup 9', 'window popup ext://id/popup.html?tab=4']);
  });
  it('never opens the toolbar popup for a tab in the background: it would show another tab', async () => {
    browserWith({ openPopup: 'resolves', windows: true });
    expect(await openStepsFor({ id: 5, windowId: 9, active: false } as never)).toBe('window');
    expect(calls).toEqual(['window popup ext://id/popup.html?tab=5']);
  });
  it('without openPopup or windows (Firefox for Android) opens the page in a tab', async () => {
    browserWith({ windows: false });
    expect(await openStepsFor({ id: 6, active: true } as never)).toBe('tab');
    expect(calls).toEqual(['tab ext://id/popup.html?tab=6']);
  });
});
