// At start-up, steps a stopped instance left "running" are marked interrupted. In the eager core: the
// runner that starts steps is loaded on demand (steps-loader.ts), the sweep must run in every instance.
import { allRecords, UNCHANGED, updateRecord } from './incident-store';
import { withInterruptedChecks } from './record-transitions';

export async function sweepInterruptedChecks(): Promise<void> {
  for (const record of await allRecords()) {
    await updateRecord(record.tabId, (r) => (r ? (withInterruptedChecks(r) ?? UNCHANGED) : UNCHANGED));
  }
}
