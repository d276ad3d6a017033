// When the steps file cannot be loaded (a broken install or update: steps-loader.ts), a step the person asked
// for must not look dead: it ends at once as inconclusive, saying why, in the record the popup follows.
import type { CheckId, CheckResult } from '../model/checks';
import { UNCHANGED, updateRecord } from './incident-store';
import { withCheckState } from './record-transitions';

/** Pure: the result each asked-for step gets. */
export const STEPS_UNAVAILABLE_RESULT: CheckResult = {
  outcome: 'inconclusive',
  summary: 'stepsNotLoaded',
  evidence: [],
  durationMs: 0,
};

/**
 * Marks the steps done as inconclusive on the tab's current incident (the one a step would have run on), unless
 * the person confirmed for another incident. A running step is left alone (another instance runs it); with
 * `unstartedOnly` (the automatic run on opening the popup), nothing is marked once any of them has a state.
 */
export async function markStepsUnavailable(
  tabId: number,
  checkIds: readonly CheckId[],
  confirmedFor?: string,
  { unstartedOnly = false } = {},
): Promise<void> {
  const startedAt = Date.now();
  const state = {
    state: 'done',
    runId: `unavailable-${startedAt}`,
    startedAt,
    result: STEPS_UNAVAILABLE_RESULT,
  } as const;
  await updateRecord(tabId, (record) => {
    const incident = record?.incident;
    if (!incident || (confirmedFor !== undefined && confirmedFor !== incident.id)) return UNCHANGED;
    if (unstartedOnly && checkIds.some((id) => incident.checks[id] !== undefined)) return UNCHANGED;
    let next = record;
    for (const checkId of checkIds) {
      if (incident.checks[checkId]?.state === 'running') continue;
      next = withCheckState(next, incident.id, checkId, state) ?? next;
    }
    return next === record ? UNCHANGED : next;
  });
}
