// Pure: what an error page's own text says (Vercel's error code, Cloudflare's 1xxx code, Akamai's reference,
// CloudFront's request id, a stock nginx page), read by the infrastructure entries' page signatures
// (./infrastructure/read-page.ts). Only the first 64 KB of HTML are read; the result is plain text, never
// rendered as HTML.
import type { InfraId } from '../model/infrastructure';
import type { BodyReason } from '../model/body-reason';
import { htmlText } from './html-text';
import { detectLayers, normaliseHeaders } from './infrastructure/detect-layers';
import { readPage } from './infrastructure/read-page';

export const BODY_SCAN_LIMIT = 64 * 1024;

/** The visible text of an HTML page, roughly (linear in the first BODY_SCAN_LIMIT characters). */
export const pageText = (html: string): string => htmlText(html, BODY_SCAN_LIMIT);

/** The layers the headers show: one of them may be the product that runs the page's (Google's load balancer on Envoy). */
const shownLayers = (headers: Record<string, string>): InfraId[] =>
  detectLayers(normaliseHeaders(headers)).map(({ entry }) => entry.id);

/** The error page's own explanation, or null when the page is none we recognise. */
export function extractBodyReason(body: string, headers: Record<string, string>, status: number): BodyReason | null {
  return readPage(pageText(body), status, shownLayers(headers));
}

/** The same for text a browser already rendered (the tab's own page: its title and visible text). */
export function extractTextReason(
  visibleText: string,
  headers: Record<string, string>,
  status: number,
): BodyReason | null {
  return readPage(visibleText.slice(0, BODY_SCAN_LIMIT), status, shownLayers(headers));
}
