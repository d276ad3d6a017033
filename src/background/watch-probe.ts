// One clean request to the watched URL: no cookies, no cache, a short time limit.
import type { WatchTryResult } from '../model/watch';

export async function probeUrl(url: string, timeoutMs: number, signal?: AbortSignal): Promise<WatchTryResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const stop = () => controller.abort();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // Extension pages with host permission get the real status (no CORS); redirects are followed, so a
    // redirect to a maintenance page that itself fails still counts as failing.
    const response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    // Only the status matters: let the body go without reading it.
    response.body?.cancel().catch(() => undefined);
    const retryAfter = response.headers.get('retry-after') ?? undefined;
    return { status: response.status, ...(retryAfter !== undefined ? { retryAfter } : {}) };
  } catch {
    return { error: controller.signal.aborted ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}
