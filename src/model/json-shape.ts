// Reading JSON we did not write (storage from an older version, third-party answers): shape checks.

/** A plain object (not null, not an array), whose fields can then be checked one by one. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
