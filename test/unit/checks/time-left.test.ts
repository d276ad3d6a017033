import { describe, expect, it } from 'vitest';
import { timeLeftMs } from '../../../src/checks/time-left';

describe('timeLeftMs', () => {
  it('is the time to the runner deadline, less the margin the runner needs to write the result', () => {
    expect(timeLeftMs({ deadline: 16_000 }, 1_000)).toBe(14_250);
    expect(timeLeftMs({ deadline: 9_000 }, 5_000)).toBe(3_250);
  });
  it('still gives a late step one short try', () => {
    expect(timeLeftMs({ deadline: 1_000 }, 900)).toBe(500);
    expect(timeLeftMs({ deadline: 1_000 }, 5_000)).toBe(500);
  });
});
