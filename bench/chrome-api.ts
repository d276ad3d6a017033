// The few extension APIs the bench evaluates inside the extension (types only; the code runs in Chromium).

interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys: string | string[] | null): Promise<number>;
}

export interface ChromeApi {
  webRequest: { onCompleted: { hasListeners(): boolean } };
  storage: {
    session: StorageArea;
    local: StorageArea;
    onChanged: { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
  tabs: {
    query(info: { url?: string }): Promise<{ id?: number; url?: string }[]>;
    get(tabId: number): Promise<{ status?: string; url?: string }>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
