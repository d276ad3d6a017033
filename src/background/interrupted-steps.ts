// At start-up, steps a stopped instance left "running" are marked interrupted. In the eager core: the
// runner that starts steps is loaded on demand (steps-loader.ts), the sweep must run in every instance.
import type { TabRecord } from '../model/incident';
import { UNCHANGED, updateRecord } from './incident-store';
import { withInterruptedChecks } from './record-transitions';

/**
 * `records`: the start-up's one read of every record. Only a record with a running step is updated (read
 * again in its tab's queue, then written): the others cost no storage call, so a cold worker's first event
 * does not wait for one read per stored record (issue 15's cold start: 7 records, 28 ms).
 */
export async function sweepInterruptedChecks(records: readonly TabRecord[]): Promise<void> {
  await Promise.all(
    records
      .filter((record) => withInterruptedChecks(record))
      .map((record) => updateRecord(record.tabId, (r) => (r ? (withInterruptedChecks(r) ?? UNCHANGED) : UNCHANGED))),
  );
}
