// Pure: the state to show for a step, so a run whose worker died never spins forever.
import type { CheckState } from './checks';

export function effectiveState(state: CheckState | undefined, now: number): CheckState | undefined {
  if (state?.state === 'running' && now > state.deadline) {
    return { state: 'interrupted', runId: state.runId, startedAt: state.startedAt };
  }
  return state;
}
