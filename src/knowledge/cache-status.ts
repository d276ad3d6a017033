// Pure: RFC 9211 Cache-Status — what each cache on the way did with the request, closest to the origin first.
import { parseList } from './structured-field';

export interface CacheStatusSeen {
  cache: string;
  /** 'hit', or why it went on to the next hop ('uri-miss', 'stale' …), or null when the cache says neither. */
  result: string | null;
}

export function parseCacheStatus(value: string | undefined): CacheStatusSeen[] {
  return parseList(value)
    .slice(0, 6)
    .map(({ name, params }) => ({
      cache: name.slice(0, 100),
      result: params.hit === true ? 'hit' : typeof params.fwd === 'string' ? params.fwd.slice(0, 40) : null,
    }));
}
