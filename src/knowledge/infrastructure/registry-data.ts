// The registry as the extension ships it: one compact JSON file beside the code (not in the service
// worker's eager JS), written by the build from the entries in this folder. Patterns travel as
// { re, fl } (source and flags); an entry's `sources` stay in the repository.
import type { Infrastructure } from './entry';

/** Path of the data file inside the built extension. */
export const REGISTRY_DATA_FILE = 'knowledge/infrastructure.json';

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

export function decodeRegistry(text: string): Infrastructure[] {
  const entries = JSON.parse(text, (_key, value: unknown) =>
    isEncodedPattern(value) ? new RegExp(value.re, value.fl) : value,
  ) as unknown;
  if (!Array.isArray(entries)) throw new Error('infrastructure data is not a list');
  return (entries as Omit<Infrastructure, 'sources'>[]).map((entry) => ({ ...entry, sources: [] }));
}
