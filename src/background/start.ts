// Start-up of each worker / event page instance, in one place: index.ts calls start() once and every
// listener that touches state waits for it (uBlock Origin Lite's `isFullyInitialized`), so no message,
// alarm or tab event acts on records the start-up has not put right yet.
import { sweepInterruptedChecks } from './check-runner';
import { resumeWatches } from './watch';

/**
 * Steps a stopped instance left "running" are marked interrupted; each stored watch gets its alarm and
 * timer back. A failure of either must never hold the listeners back: it is logged, and start-up ends.
 */
export async function start(): Promise<void> {
  await Promise.all([
    sweepInterruptedChecks().catch((error: unknown) => console.warn('start-up: interrupted steps not swept', error)),
    resumeWatches().catch((error: unknown) => console.warn('start-up: watches not resumed', error)),
  ]);
}

/**
 * A listener that runs once `ready` has settled. Events that arrive meanwhile wait in the order they came
 * (each is one `then` on the same promise), so ordering between listeners is kept.
 */
export const afterStart =
  (ready: Promise<unknown>) =>
  <A extends unknown[]>(listener: (...args: A) => unknown) =>
  (...args: A): void => {
    void ready.then(() => listener(...args));
  };
