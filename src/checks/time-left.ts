// How long a step may still wait: from the deadline the runner enforces, never from the settings, so a step
// with its own time limit (timeLimitMs) sizes its waits by that limit.
import type { CheckContext } from './check';

/** Kept back from the deadline so the runner, not its timer, writes the step's result. */
const RESULT_MARGIN_MS = 750;
/** Even a step started late gets this long for one try. */
const MIN_WAIT_MS = 500;

export function timeLeftMs(context: Pick<CheckContext, 'deadline'>, now = Date.now()): number {
  return Math.max(MIN_WAIT_MS, context.deadline - now - RESULT_MARGIN_MS);
}
