// Work a step starts that a cancel cannot call back: a removal of site data, a private window being opened.
// The runner keeps track of it so that a cancel never says "cancelled" while such work goes on: it waits
// (a bounded time) for the work to end and says what it left behind.
import type { Evidence } from '../model/checks';
import type { CheckOutput, LastingKind } from '../checks/check';

interface Tracked {
  kind: LastingKind;
  ended: boolean;
  /** What it did, once ended; null: it left nothing behind (e.g. the window was refused). */
  left: Evidence[] | null;
}

/** How long a cancel waits for lasting work to end before saying it goes on. */
export const LASTING_WAIT_MS = 10_000;

export class LastingWork {
  private readonly tracked: Tracked[] = [];
  private readonly pending = new Set<Promise<void>>();

  track<T>(kind: LastingKind, work: Promise<T>, describe?: (result: T) => Evidence[] | null): Promise<T> {
    const entry: Tracked = { kind, ended: false, left: [] };
    this.tracked.push(entry);
    const ended: Promise<void> = work
      .then(
        (result) => void (entry.left = describe ? describe(result) : []),
        // It failed: what it managed before failing is unknown, so it is still reported as started.
        () => undefined,
      )
      .finally(() => {
        entry.ended = true;
        this.pending.delete(ended);
      });
    this.pending.add(ended);
    return work;
  }

  /** The kind of the first work still going on, or null. */
  goingOn(): LastingKind | null {
    return this.tracked.find((t) => !t.ended)?.kind ?? null;
  }

  /** Resolves when every tracked work has ended, or after `ms`, whichever comes first. */
  async settle(ms: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([Promise.allSettled([...this.pending]), timeout]);
    clearTimeout(timer);
  }

  /** A snapshot for stoppedOutput. */
  states(): LastingState[] {
    return this.tracked
      .filter((t) => !t.ended || t.left !== null)
      .map((t) => ({ kind: t.kind, ended: t.ended, left: t.left ?? [] }));
  }
}

export interface LastingState {
  kind: LastingKind;
  ended: boolean;
  left: Evidence[];
}

/**
 * Pure: the result of a step stopped by a cancel (`cancelled`) or by its time limit, given the lasting work it
 * had started. Nothing lasting: a plain "cancelled" / "timed out". Else the summary says what goes on or stays.
 */
export function stoppedOutput(cancelled: boolean, lasting: LastingState[]): CheckOutput {
  const evidence: Evidence[] = lasting.flatMap((l) => [
    { label: `lastingEvidence_${l.kind}_${l.ended ? 'ended' : 'goesOn'}`, value: '' },
    ...l.left,
  ]);
  if (!cancelled) return { outcome: 'inconclusive', summary: 'checkTimedOut', evidence };
  const first = lasting.find((l) => !l.ended) ?? lasting[0];
  const summary = first ? `checkCancelled_${first.kind}_${first.ended ? 'ended' : 'goesOn'}` : 'checkCancelled';
  return { outcome: 'skipped', summary, evidence };
}
