// Pure: which infrastructure generated an error page, from the page's visible text, and what its own words
// say (code, reference, meaning). Linear in the capped text: each entry's patterns are bounded (the registry
// test runs them on hostile input) and the text is cut to PAGE_TEXT_LIMIT before any of them runs.
// A page can only vouch for itself: the worst an imitation gets is its own words quoted back.
import type { InfraId } from '../../model/infrastructure';
import type { BodyReason } from '../../model/body-reason';
import type { Infrastructure, StatusMeaning, VendorCode } from './entry';
import { registry } from './registry';
import { defaultMeaning } from './role-defaults';

/** Characters of visible text read; error pages say what they are near the top. */
export const PAGE_TEXT_LIMIT = 32 * 1024;

/** Spaces collapsed to one, so patterns need no `\s+` (which a crafted page could make backtrack). */
export function normalisePageText(text: string): string {
  return text.slice(0, PAGE_TEXT_LIMIT).replace(/\s+/g, ' ').trim();
}

const firstGroup = (patterns: RegExp[] | undefined, text: string): string | null => {
  for (const pattern of patterns ?? []) {
    const found = pattern.exec(text);
    if (found) return (found[1] ?? found[0]).trim();
  }
  return null;
};

type Meaning = Pick<VendorCode, 'meaningKey' | 'fixer' | 'hop'>;

/** The meaning of a code the page printed, else of what its words say, else of the status. */
export function meaningFor(
  entry: Infrastructure,
  printed: string | null,
  text: string,
  status: number,
): Meaning | null {
  const byCode = printed === null ? undefined : entry.codes?.find((c) => c.code === printed && !c.text);
  if (byCode) return byCode;
  const printedStatus: StatusMeaning | undefined =
    printed !== null && /^\d{3}$/.test(printed) ? entry.statuses?.[Number(printed)] : undefined;
  if (printedStatus) return printedStatus;
  const byText = entry.codes?.find((c) => c.text?.test(text));
  if (byText) return byText;
  const other = entry.otherCodeKey ? { ...defaultMeaning(entry.role), meaningKey: entry.otherCodeKey } : null;
  // A code we do not know is still the vendor's own word: its generic line names it.
  if (printed !== null && other) return other;
  // Else what the status means from this layer; the generic line last, if the vendor's pages never print a code.
  return entry.statuses?.[status] ?? (entry.page?.code ? null : other);
}

export function readPageWith(entry: Infrastructure, text: string, status: number): BodyReason {
  // Only a code the page prints is reported as its code; a code named from its words only picks the meaning.
  const code = firstGroup(entry.page?.code, text);
  const reference = firstGroup(entry.page?.reference, text);
  const { meaningKey, fixer, hop } = meaningFor(entry, code, text, status) ?? defaultMeaning(entry.role);
  return {
    platform: entry.id,
    name: entry.name,
    role: entry.role,
    code: code === null ? null : code.slice(0, 100),
    ...(reference ? { reference: reference.slice(0, 200) } : {}),
    meaningKey,
    fixer,
    hop,
  };
}

/**
 * What an error page (its visible text) says about itself, or null for a page we do not recognise.
 * `shown`: the layers the response headers showed. One of them that implies the page's product (Google's
 * load balancer runs on Envoy) is the one named.
 */
export function readPage(visibleText: string, status: number, shown: readonly InfraId[] = []): BodyReason | null {
  if (status < 400) return null;
  const text = normalisePageText(visibleText);
  if (text === '') return null;
  // Registry order: the more specific entry first (Fastly's page also looks like Varnish's).
  const { entries } = registry();
  const entry = entries.find((e) => e.page?.proves.some((pattern) => pattern.test(text)));
  if (!entry) return null;
  const reading = readPageWith(entry, text, status);
  const host = entries.find((e) => shown.includes(e.id) && e.hides?.includes(entry.id));
  return host ? { ...reading, platform: host.id, name: host.name, role: host.role } : reading;
}
