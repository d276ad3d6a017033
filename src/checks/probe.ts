// One network probe: a fetch with its own short time limit under the step's signal, that never throws.

/** Each probe's own limit, well under the step cap (settings.checkTimeoutMs, 8 s by default). */
export const PROBE_TIMEOUT_MS = 4000;

export type ProbeResult =
  | { answered: true; status: number; ms: number; response: Response }
  | { answered: false; timedOut: boolean; cancelled: boolean; error: string; ms: number };

/**
 * Fetches `url`; any HTTP answer counts as answered (even a 5xx). A TypeError (DNS, refused, TLS,
 * redirect loop) or the probe's own timeout is "not answered". A cancelled step is reported as such.
 */
export async function probe(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(Math.max(1, timeoutMs));
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
    return { answered: true, status: response.status, ms: ms(), response };
  } catch (error) {
    return {
      answered: false,
      timedOut: timeout.aborted && !signal.aborted,
      cancelled: signal.aborted,
      error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : String(error).slice(0, 200),
      ms: ms(),
    };
  }
}

/** Reads at most `maxBytes` of a body as text, then cancels the rest (a huge or endless body ends quickly). */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', bytes: 0, truncated: false };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - bytes;
      chunks.push(value.length > room ? value.subarray(0, room) : value);
      bytes += Math.min(value.length, room);
      if (value.length >= room) {
        truncated = value.length > room;
        break;
      }
    }
  } catch {
    // A body cut off mid-way is still a body: keep what arrived.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const joined = new Uint8Array(bytes);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return { text: new TextDecoder().decode(joined), bytes, truncated };
}

/** Drops a body we do not need, so the connection is released at once. */
export function discardBody(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}
