// Request / trace ids a site owner can look up in their logs or give to their provider's support.
import type { TraceId } from '../model/fingerprint';

/** Most useful first: provider-issued ids a support desk asks for, then generic application ids. */
export const TRACE_ID_HEADERS = [
  'cf-ray',
  'x-amz-cf-id',
  'x-amzn-trace-id',
  'x-amzn-requestid',
  'x-vercel-id',
  'x-nf-request-id',
  'x-akamai-request-id',
  'akamai-grn',
  'x-azure-ref',
  'x-msedge-ref',
  'x-fastly-request-id',
  'x-served-by',
  'x-cloud-trace-context',
  'x-request-id',
  'x-trace-id',
  'x-correlation-id',
  'x-ms-request-id',
  'request-id',
] as const;

const MAX_TRACE_IDS = 8;
const MAX_VALUE_LENGTH = 200;

export function findTraceIds(headers: Record<string, string>): TraceId[] {
  const found: TraceId[] = [];
  for (const header of TRACE_ID_HEADERS) {
    const value = headers[header]?.trim();
    if (!value) continue;
    found.push({ header, value: value.slice(0, MAX_VALUE_LENGTH) });
    if (found.length === MAX_TRACE_IDS) break;
  }
  return found;
}
