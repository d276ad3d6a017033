// Pure: brings a stored value written by an older version of the extension up to the current shape,
// one version at a time, keyed on its `version` field.
import { isObject } from '../model/json-shape';

/** migrations[n] turns a version-n value into a version-(n+1) one. */
export type Migrations = Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;

/**
 * Runs every migration from the value's version up to `current`. A value without a version counts as
 * version 1 (the first one ever written); anything that is not an object, or is already current or newer,
 * is returned as it is (the item's parser copes with it).
 */
export function migrate(stored: unknown, current: number, migrations: Migrations): unknown {
  if (!isObject(stored)) return stored;
  let value = stored;
  let version = typeof value.version === 'number' && Number.isInteger(value.version) ? value.version : 1;
  while (version < current) {
    const step = migrations[version];
    value = { ...(step ? step(value) : value), version: version + 1 };
    version += 1;
  }
  return value;
}
