import { describe, expect, it } from 'vitest';
import { isOkStatus } from '../../../src/model/http-status';

describe('isOkStatus', () => {
  it('2xx and 3xx answer normally; 1xx, 4xx, 5xx and no status do not', () => {
    expect([200, 204, 301, 399].map(isOkStatus)).toEqual([true, true, true, true]);
    expect([undefined, 101, 199, 400, 404, 500, 502].map(isOkStatus)).toEqual([
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
