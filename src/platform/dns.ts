// The browser's own resolver: Firefox exposes it as dns.resolve (with the "dns" permission, added to the
// Firefox manifest only); Chrome gives extensions no way to ask it.
import browser from 'webextension-polyfill';

export type BrowserLookup =
  { supported: false } | { supported: true; addresses: string[] } | { supported: true; error: string };

export async function resolveWithBrowser(host: string, signal: AbortSignal, timeoutMs: number): Promise<BrowserLookup> {
  const dns = (browser as { dns?: { resolve(host: string, flags?: string[]): Promise<{ addresses: string[] }> } }).dns;
  if (typeof dns?.resolve !== 'function') return { supported: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stop = () => {};
  const giveUp = new Promise<BrowserLookup>((resolve) => {
    stop = () => resolve({ supported: true, error: 'timeout' });
    timer = setTimeout(stop, timeoutMs);
    signal.addEventListener('abort', stop, { once: true });
  });
  try {
    // No bypass_cache: we want what the browser itself would use for the page.
    const lookup = dns.resolve(host).then(
      (record): BrowserLookup => ({ supported: true, addresses: record.addresses }),
      (error: unknown): BrowserLookup => ({
        supported: true,
        error: error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200),
      }),
    );
    return await Promise.race([lookup, giveUp]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}
