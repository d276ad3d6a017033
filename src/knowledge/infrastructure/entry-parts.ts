// Walks an entry's parts, so tests and the header allow-list need not know its shape.
import type { Infrastructure } from './entry';

/** Every i18n key an entry can hand out. */
export function entryKeys(entry: Infrastructure): string[] {
  return [
    ...(entry.codes ?? []).map((c) => c.meaningKey),
    ...(entry.otherCodeKey ? [entry.otherCodeKey] : []),
    ...Object.values(entry.statuses ?? {}).flatMap((s) => (s ? [s.meaningKey] : [])),
  ];
}

/** Every pattern an entry runs on response headers or page text. */
export function entryPatterns(entry: Infrastructure): RegExp[] {
  const page = entry.page;
  return [
    ...entry.headers.flatMap((s) => ('value' in s && s.value ? [s.value] : [])),
    ...(entry.errorHeaders ?? []).flatMap((h) => (h.value ? [h.value] : [])),
    ...(page ? [...page.proves, ...(page.code ?? []), ...(page.reference ?? [])] : []),
    ...(entry.codes ?? []).flatMap((c) => (c.text ? [c.text] : [])),
  ];
}

/** Lower-case header names an entry reads (for the allow-list of headers kept with an incident). */
export function entryHeaderNames(entry: Infrastructure): { names: string[]; prefixes: string[] } {
  return {
    names: [
      ...entry.headers.flatMap((s) => ('header' in s ? [s.header] : [])),
      ...(entry.errorHeaders ?? []).map((h) => h.header),
      ...(entry.traceIds ?? []),
    ],
    prefixes: entry.headers.flatMap((s) => ('prefix' in s ? [s.prefix] : [])),
  };
}
