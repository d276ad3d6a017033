// The extension APIs the harness, the e2e suites and the bench evaluate inside the browser (a worker, an
// extension page): types only, the code runs in Chromium. Declared once; each module that evaluates
// such code says `declare const chrome: ChromeApi`.

interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys: string | string[] | null): Promise<number>;
}

interface TabInfo {
  id?: number;
  url?: string;
  status?: string;
  incognito?: boolean;
}

export interface ChromeApi {
  webNavigation: {
    onCompleted: { addListener(cb: (d: { tabId: number; frameId: number }) => void): void };
  };
  webRequest: {
    onCompleted: { hasListeners(): boolean };
    onHeadersReceived: {
      addListener(cb: (d: { url: string; timeStamp: number; statusCode: number }) => void, filter: object): void;
    };
  };
  storage: {
    session: StorageArea;
    local: StorageArea;
    onChanged: {
      addListener(
        cb: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void,
      ): void;
    };
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getPopup(details: { tabId: number }): Promise<string>;
    setBadgeText(details: { tabId?: number; text: string | null }): Promise<void>;
    setIcon(details: { tabId?: number; path: Record<string, string> }, callback?: () => void): Promise<void>;
  };
  tabs: {
    query(info: object): Promise<TabInfo[]>;
    get(tabId: number): Promise<TabInfo>;
    create(props: { url: string; active?: boolean }): Promise<{ id?: number }>;
    remove(tabIds: number | number[]): Promise<void>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown>; getManifest(): { version: string } };
  cookies: { getAll(details: object): Promise<{ domain: string; name: string; value: string }[]> };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  windows: { getAll(info: object): Promise<{ id?: number; incognito: boolean }[]> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  i18n: { getUILanguage(): string };
}
