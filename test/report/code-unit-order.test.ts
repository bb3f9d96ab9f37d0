import { describe, expect, test } from '@jest/globals';
import { compareCodeUnits } from '../../src/report/code-unit-order.js';

describe('compareCodeUnits', () => {
  test('orders as < does, whatever the locale: capitals before small letters, digits before both', () => {
    expect(['b', 'a', 'B', '10', '9', 'é', 'e'].sort(compareCodeUnits)).toEqual(['10', '9', 'B', 'a', 'b', 'e', 'é']);
  });

  test('is 0 only for equal strings', () => {
    expect(compareCodeUnits('abc', 'abc')).toBe(0);
    expect(compareCodeUnits('abc', 'abd')).toBe(-1);
    expect(compareCodeUnits('abd', 'abc')).toBe(1);
  });
});
