// The registry as the extension ships it: one compact JSON file beside the code (not in the service
// worker's eager JS), written by the build from the entries in this folder. Patterns travel as
// { re, fl } (source and flags); an entry's `sources` stay in the repository.
import type { Infrastructure } from './entry';

/** Path of the data file inside the built extension. */
export const REGISTRY_DATA_FILE = 'knowledge/infrastructure.json';
/**
 * Chrome: the same data as a classic script (patterns as RegExp literals) that the service worker imports
 * while installing and later takes from the browser's copy with importScripts — no fetch, no JSON to revive
 * (platform/infrastructure-data.ts). It puts the entries on this global.
 */
export const REGISTRY_SCRIPT_FILE = 'knowledge/infrastructure.js';
export const REGISTRY_GLOBAL = '__errorPageExplainerInfrastructure';

interface EncodedPattern {
  re: string;
  fl: string;
}

const isEncodedPattern = (value: unknown): value is EncodedPattern =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EncodedPattern).re === 'string' &&
  typeof (value as EncodedPattern).fl === 'string' &&
  Object.keys(value).length === 2;

export function encodeRegistry(entries: readonly Infrastructure[]): string {
  const shipped = entries.map(({ sources: _sources, ...rest }) => rest);
  return JSON.stringify(shipped, (_key, value: unknown) =>
    value instanceof RegExp ? { re: value.source, fl: value.flags } : value,
  );
}

/** The script form: the shipped entries as one JavaScript literal assigned to REGISTRY_GLOBAL. */
export function encodeRegistryScript(entries: readonly Infrastructure[]): string {
  const patterns: RegExp[] = [];
  const shipped = entries.map(({ sources: _sources, ...rest }) => rest);
  // Each pattern stands in as a numbered marker string, then becomes a literal (`source` escapes every `/`).
  const json = JSON.stringify(shipped, (_key, value: unknown) =>
    value instanceof RegExp ? `\u0000${patterns.push(value) - 1}` : value,
  );
  const literal = json.replace(/"\\u0000(\d+)"/g, (_marker, index: string) => {
    const pattern = patterns[Number(index)]!;
    return `/${pattern.source}/${pattern.flags}`;
  });
  return `globalThis[${JSON.stringify(REGISTRY_GLOBAL)}] = ${literal};\n`;
}

/** Entries as shipped (the data file's or the script's): their `sources` stay in the repository. */
export function shippedEntries(entries: unknown): Infrastructure[] {
  if (!Array.isArray(entries)) throw new Error('infrastructure data is not a list');
  return (entries as Omit<Infrastructure, 'sources'>[]).map((entry) => ({ ...entry, sources: [] }));
}

export function decodeRegistry(text: string): Infrastructure[] {
  return shippedEntries(
    JSON.parse(text, (_key, value: unknown) => (isEncodedPattern(value) ? new RegExp(value.re, value.fl) : value)),
  );
}
