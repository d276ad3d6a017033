import { describe, expect, it } from 'vitest';
import { isObject } from '../../../src/model/json-shape';

describe('isObject', () => {
  it('is true only for plain objects', () => {
    expect([{}, { a: 1 }].map(isObject)).toEqual([true, true]);
    expect([null, undefined, [], [1], 'x', 1, true].map(isObject)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
