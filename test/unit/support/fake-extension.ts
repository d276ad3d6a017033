// The bits of the browser the steps use that @webext-core/fake-browser does not implement: webRequest
// events, tabs.reload, browsingData, cookies, windows.create with incognito, extension.*.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';

export interface FakeEvent<T extends unknown[]> {
  addListener(l: (...args: T) => void): void;
  removeListener(l: (...args: T) => void): void;
  hasListeners(): boolean;
  trigger(...args: T): void;
}

export function fakeEvent<T extends unknown[]>(): FakeEvent<T> {
  const listeners = new Set<(...args: T) => void>();
  return {
    addListener: (l) => void listeners.add(l),
    removeListener: (l) => void listeners.delete(l),
    hasListeners: () => listeners.size > 0,
    trigger: (...args) => listeners.forEach((l) => l(...args)),
  };
}

export type Completed = { tabId: number; frameId: number; type: string; url: string; statusCode: number };

export function installFakes() {
  fakeBrowser.reset();
  const onCompleted = fakeEvent<[Completed]>();
  const extra = {
    webRequest: { onCompleted },
    browsingData: { remove: vi.fn(async () => undefined) },
    cookies: {
      getAllCookieStores: vi.fn(async () => [{ id: '0', tabIds: [7] }]),
      getAll: vi.fn(async (_q: unknown) => [] as unknown[]),
      remove: vi.fn(async () => ({})),
    },
    extension: { isAllowedIncognitoAccess: vi.fn(async () => true) },
  };
  Object.assign(fakeBrowser, extra);
  const tabsReload = vi.fn(async (_tabId: number, _opts?: unknown) => undefined);
  Object.assign(fakeBrowser.tabs, { reload: tabsReload });
  const windowsCreate = vi.fn(async (_opts: unknown) => ({ id: 99, tabs: [{ id: 42 }] }) as unknown);
  Object.assign(fakeBrowser.windows, { create: windowsCreate });
  return { ...extra, onCompleted, tabsReload, windowsCreate };
}

export const completion = (tabId: number, statusCode: number, url = 'https://site.example/'): Completed => ({
  tabId,
  frameId: 0,
  type: 'main_frame',
  url,
  statusCode,
});
