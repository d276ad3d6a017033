// What a stopped step says about the work it had started that a cancel cannot call back.
import { describe, expect, it } from 'vitest';
import { LastingWork, stoppedOutput } from '../../../src/background/lasting-work';

const cleared = { label: 'siteDataCleared_cache', value: '' };

describe('stoppedOutput', () => {
  it('nothing lasting: a plain "cancelled" (or "timed out")', () => {
    expect(stoppedOutput(true, [])).toEqual({ outcome: 'skipped', summary: 'checkCancelled', evidence: [] });
    expect(stoppedOutput(false, [])).toEqual({ outcome: 'inconclusive', summary: 'checkTimedOut', evidence: [] });
  });

  it('a removal that ended: says so, with what it removed', () => {
    expect(stoppedOutput(true, [{ kind: 'removal', ended: true, left: [cleared] }])).toEqual({
      outcome: 'skipped',
      summary: 'checkCancelled_removal_ended',
      evidence: [{ label: 'lastingEvidence_removal_ended', value: '' }, cleared],
    });
  });

  it('work still going on is named first; a time-out keeps its summary but tells the same', () => {
    const states = [
      { kind: 'window' as const, ended: true, left: [] },
      { kind: 'removal' as const, ended: false, left: [] },
    ];
    expect(stoppedOutput(true, states).summary).toBe('checkCancelled_removal_goesOn');
    expect(stoppedOutput(false, states)).toMatchObject({
      summary: 'checkTimedOut',
      evidence: [{ label: 'lastingEvidence_window_ended' }, { label: 'lastingEvidence_removal_goesOn' }],
    });
  });
});

describe('LastingWork', () => {
  it('tracks what goes on, drops what left nothing behind, and settles within its bound', async () => {
    const work = new LastingWork();
    let end: (opened: boolean) => void = () => undefined;
    void work.track('window', new Promise<boolean>((r) => (end = r)), (opened) => (opened ? [] : null));
    expect(work.goingOn()).toBe('window');
    await work.settle(5);
    expect(work.states()).toEqual([{ kind: 'window', ended: false, left: [] }]);
    end(false);
    await work.settle(1000);
    expect(work.goingOn()).toBeNull();
    expect(work.states()).toEqual([]);
  });

  it('a failed work ended: reported as started, with nothing known of what it did', async () => {
    const work = new LastingWork();
    await work.track('removal', Promise.reject(new Error('x'))).catch(() => undefined);
    await work.settle(1000);
    expect(work.states()).toEqual([{ kind: 'removal', ended: true, left: [] }]);
  });
});
