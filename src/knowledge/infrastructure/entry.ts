// The shape of one infrastructure entry: how to recognise it, how to read its error pages, what its codes
// mean, and where that knowledge came from. One entry per file in this folder, listed in ./index.ts.
import type { Fixer, Hop, InfraId, Role } from '../../model/infrastructure';

/**
 * A response header that shows this layer. `value` tests the (trimmed) value; without it the header's
 * presence is enough. `prefix` matches any header whose lower-case name starts with it.
 * `generated`: the signal appears only on responses this layer produced itself (a CDN's `server: CloudFront`
 * on its own error page, where it passes the origin's `server` on otherwise).
 */
export type HeaderSignal = { header: string; value?: RegExp; generated?: true } | { prefix: string; generated?: true };

/** A header only this layer sends, and only when it produced the error; its value is the vendor's code. */
export interface ErrorHeader {
  header: string;
  /** Group 1 (or the whole match) is the code; without a pattern the trimmed value is. */
  value?: RegExp;
  /**
   * Other products send the same header (every AWS service sends x-amzn-ErrorType): it names this layer only
   * when another of its signals shows the layer is there.
   */
  onlyWhenShown?: true;
}

/** One of the vendor's own codes and what it means. */
export interface VendorCode {
  /** As sent or printed: '1016', 'FUNCTION_INVOCATION_TIMEOUT', '502.3', 'ERR_CONNECT_FAIL', 'H12'. */
  code: string;
  /** i18n key of its meaning in plain words (one or two sentences; `$1` is the code). */
  meaningKey: string;
  /** Who fixes it, and which hop of the chain broke. */
  fixer: Fixer;
  hop: Hop;
  /**
   * For pages that print no code: page text that means this code (Akamai's "Access Denied"). The code is
   * then our name for it and is not reported as printed by the page.
   */
  text?: RegExp;
}

/** What this layer means by a status code when it generated it. */
export interface StatusMeaning {
  meaningKey: string;
  fixer: Fixer;
  hop: Hop;
  /** This layer always generates this status itself when it is present (Cloudflare's 52x). */
  owns?: true;
}

/** How to read this layer's own error page (tested against the page's visible text, capped). */
export interface PageSignature {
  /** Any one of these proves this layer generated the page. Keep them specific and linear (no nested quantifiers). */
  proves: RegExp[];
  /** Where the page prints its code: group 1, first pattern that matches. */
  code?: RegExp[];
  /** Where the page prints a reference / request id: group 1. */
  reference?: RegExp[];
}

export interface Infrastructure {
  id: InfraId;
  /** Brand name, never translated. */
  name: string;
  role: Role;
  /** Any one of these shows the layer is present. */
  headers: HeaderSignal[];
  page?: PageSignature;
  errorHeaders?: ErrorHeader[];
  /** Lower-case names of the request / trace id headers worth quoting to its support or in its logs. */
  traceIds?: string[];
  codes?: VendorCode[];
  /** i18n key for a code this entry does not list ($1 = the code). */
  otherCodeKey?: string;
  /** Meaning of a status code when this layer generated it. */
  statuses?: Partial<Record<number, StatusMeaning>>;
  /** More specific entries hide less specific ones they imply (ingress-nginx hides nginx). */
  hides?: InfraId[];
  /** The vendor's public status page. */
  statusPage?: string;
  /** Public addresses this knowledge was taken from. */
  sources: string[];
}
