// The infrastructure entries the engine reads, and the look-ups derived from them. The background installs
// them from the extension's data file on its first failing response (src/background/load-infrastructure.ts),
// so a healthy navigation never loads them; tests and build tools install the entries of ./index.ts.
import type { InfraId } from '../../model/infrastructure';
import type { Infrastructure } from './entry';
import { entryHeaderNames } from './entry-parts';

export interface Registry {
  /** Registry order: among layers of one role, the more specific entry first. */
  entries: readonly Infrastructure[];
  byId: ReadonlyMap<InfraId, Infrastructure>;
  /** Lower-case names of every header an entry reads, and the name prefixes it reads by. */
  headerNames: ReadonlySet<string>;
  headerPrefixes: readonly string[];
  /** Every entry's request / trace id headers, in registry order. */
  traceIds: readonly string[];
}

let installed: Registry | null = null;

export function installRegistry(entries: readonly Infrastructure[]): Registry {
  const parts = entries.map(entryHeaderNames);
  installed = {
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    headerNames: new Set(parts.flatMap((p) => p.names)),
    headerPrefixes: [...new Set(parts.flatMap((p) => p.prefixes))],
    traceIds: [...new Set(entries.flatMap((e) => e.traceIds ?? []))],
  };
  return installed;
}

export function isRegistryInstalled(): boolean {
  return installed !== null;
}

/** The installed registry. Throws if none is: a caller that forgot to load it must not get a silent "unknown". */
export function registry(): Registry {
  if (!installed) throw new Error('infrastructure registry used before it was loaded');
  return installed;
}
