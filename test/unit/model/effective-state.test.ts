import { describe, expect, it } from 'vitest';
import { effectiveState } from '../../../src/model/effective-state';

describe('effectiveState', () => {
  const running = { state: 'running', runId: 'r', startedAt: 0, deadline: 10_000 } as const;
  it('keeps a running step before its deadline', () => expect(effectiveState(running, 9_999)).toBe(running));
  it('shows a step past its deadline as interrupted, never spinning', () =>
    expect(effectiveState(running, 10_001)).toEqual({ state: 'interrupted', runId: 'r', startedAt: 0 }));
  it('passes other states through', () => expect(effectiveState(undefined, 1)).toBeUndefined());
});
