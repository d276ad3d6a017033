// Start-up of each worker / event page instance, in one place: index.ts calls start() once and every
// listener that touches state waits for it (uBlock Origin Lite's `isFullyInitialized`), so no message,
// alarm or tab event acts on records the start-up has not put right yet.
import { sweepInterruptedChecks } from './interrupted-steps';
import { resumeWatches } from './watch';
import { allRecords } from './incident-store';

/**
 * Steps a stopped instance left "running" are marked interrupted; each stored watch gets its alarm and
 * timer back. A failure of either must never hold the listeners back: it is logged, and start-up ends.
 */
export async function start(): Promise<void> {
  // One read of every record serves both parts (and tells the incident store which tabs have one).
  const records = allRecords();
  await Promise.all([
    records
      .then(sweepInterruptedChecks)
      .catch((error: unknown) => console.warn('start-up: interrupted steps not swept', error)),
    resumeWatches(records).catch((error: unknown) => console.warn('start-up: watches not resumed', error)),
  ]);
}

/**
 * A listener that runs once `ready` has settled. Events that arrive meanwhile wait in the order they came
 * (each is one `then` on the same promise), so ordering between listeners is kept. Once it has settled a
 * listener runs at once: a promise reaction per event was most of a healthy navigation's cost in Firefox's
 * event page (bench 3a). `started` flips in the first reaction on `ready`, so the events queued before run in
 * that same microtask checkpoint, after it and before any later event is dispatched: the order holds.
 */
export const afterStart = (ready: Promise<unknown>) => {
  let started = false;
  void ready.then(() => {
    started = true;
  });
  return <A extends unknown[]>(listener: (...args: A) => unknown) =>
    (...args: A): void => {
      if (!started) {
        void ready.then(() => listener(...args));
        return;
      }
      // As before: what a listener throws is an unhandled rejection, never the event dispatcher's error.
      try {
        void listener(...args);
      } catch (error) {
        void Promise.reject(error);
      }
    };
};
