// Each round of the cold-start bench starts with a different wake and side.
import { describe, expect, it } from 'vitest';
import { rotated } from '../../../bench/turns';

describe('rotated', () => {
  it('starts the list `by` places on, wrapping round', () => {
    expect(rotated(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotated(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotated(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });

  it('counts a negative round (the warm-up, -1) from the end', () => {
    expect(rotated(['a', 'b', 'c'], -1)).toEqual(['c', 'a', 'b']);
    expect(rotated(['new-tab', 'response'], -1)).toEqual(['response', 'new-tab']);
  });

  it('gives every item the first place once in as many rounds as there are items', () => {
    const firsts = [0, 1, 2, 3].map((round) => rotated(['w', 'x', 'y', 'z'], round)[0]);
    expect(new Set(firsts).size).toBe(4);
  });

  it('leaves the list given as it was, and an empty list empty', () => {
    const items = ['a', 'b'];
    rotated(items, 1);
    expect(items).toEqual(['a', 'b']);
    expect(rotated([], 3)).toEqual([]);
  });
});
