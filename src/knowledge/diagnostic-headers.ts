// Keeps the few response headers worth storing with an incident. Runs on every failing navigation, so it
// is one pass over the headers with Set look-ups; an allow-list means cookies and credentials never pass.
import { registry, type Registry } from './infrastructure/registry';
import { TRACE_ID_HEADERS } from './trace-ids';

/** The headers the infrastructure entries read (the registry's), so the engine sees in the extension what it sees in tests. */
export type EntryHeaders = Pick<Registry, 'headerNames' | 'headerPrefixes'>;
/** Only the standard and well-known headers below: enough to tell a bot challenge (cf-mitigated, x-vercel-mitigated). */
export const NO_ENTRY_HEADERS: EntryHeaders = { headerNames: new Set(), headerPrefixes: [] };

const KEEP = new Set<string>([
  'server',
  'via',
  'date',
  'age',
  'content-type',
  'retry-after',
  'x-powered-by',
  'cache-status',
  'proxy-status',
  'x-trace-id',
  'x-correlation-id',
  'request-id',
  'traceparent',
  'cf-ray',
  'cf-cache-status',
  'cf-mitigated',
  'x-cache',
  'x-cache-hits',
  'x-served-by',
  'x-timer',
  'x-fastly-request-id',
  'fastly-debug-digest',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'x-amzn-trace-id',
  'x-amzn-requestid',
  'x-amzn-errortype',
  'x-vercel-id',
  'x-vercel-error',
  'x-vercel-mitigated',
  'x-vercel-cache',
  'x-nf-request-id',
  'akamai-grn',
  'akamai-cache-status',
  'x-azure-ref',
  'x-msedge-ref',
  'x-fd-healthprobe',
  'x-varnish',
  'x-envoy-upstream-service-time',
  'x-envoy-overloaded',
  'x-envoy-ratelimited',
  'x-cloud-trace-context',
  'x-litespeed-cache',
  ...TRACE_ID_HEADERS,
]);
/** Families kept by prefix (Akamai's debug headers carry the reference a support desk needs). */
const KEEP_PREFIXES = ['x-akamai-'];
/** Never kept, even if a future allow-list entry or prefix would match. */
const NEVER = new Set([
  'cookie',
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
]);

export const MAX_HEADERS = 24;
export const MAX_VALUE_LENGTH = 256;
export const MAX_TOTAL_LENGTH = 4096;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]+/g;

function isKept(name: string, entries: EntryHeaders): boolean {
  if (NEVER.has(name)) return false;
  if (KEEP.has(name) || entries.headerNames.has(name)) return true;
  return (
    KEEP_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    entries.headerPrefixes.some((prefix) => name.startsWith(prefix))
  );
}

/** `entries`: the installed registry's headers unless told otherwise (throws if none is installed). */
export function pickDiagnosticHeaders(
  headers: { name: string; value?: string }[],
  entries: EntryHeaders = registry(),
): Record<string, string> {
  const picked = new Map<string, string>();
  for (const { name: rawName, value: rawValue } of headers) {
    if (rawValue === undefined) continue;
    const name = rawName.toLowerCase();
    if (!isKept(name, entries)) continue;
    const value = rawValue.replace(CONTROL_CHARS, ' ').trim();
    const previous = picked.get(name);
    if (previous !== undefined) {
      if (value && previous.length < MAX_VALUE_LENGTH) picked.set(name, previous ? `${previous}, ${value}` : value);
    } else if (picked.size < MAX_HEADERS) {
      picked.set(name, value);
    }
  }
  const result: Record<string, string> = {};
  let total = 0;
  for (const [name, value] of picked) {
    // Trimmed after the cut too, so the output is stable under a second pass.
    const kept = value.slice(0, MAX_VALUE_LENGTH).trimEnd();
    // A header that does not fit is skipped, so a long one cannot push out the short ones after it.
    if (total + name.length + kept.length > MAX_TOTAL_LENGTH) continue;
    total += name.length + kept.length;
    result[name] = kept;
  }
  return result;
}
