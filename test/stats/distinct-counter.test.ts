import { describe, expect, test } from '@jest/globals';
import { DistinctCounter, hashKey } from '../../src/stats/distinct-counter.js';

describe('DistinctCounter', () => {
  test('counts each key once, past growing its table', () => {
    const counter = new DistinctCounter();
    for (let round = 0; round < 2; round += 1) {
      const answers = Array.from({ length: 10_000 }, (_, index) => counter.add(hashKey(`author ${index}`)));
      expect(answers.flatMap((isNew, index) => (isNew === (round === 0) ? [] : [index]))).toEqual([]);
    }
    expect(counter.size).toBe(10_000);
  });

  test('hashKey is deterministic, never 0, and tells near keys apart', () => {
    expect(hashKey('')).not.toBe(0);
    expect(hashKey('R1')).toBe(hashKey('R1'));
    expect(hashKey('R1')).not.toBe(hashKey('R2'));
    expect(Number.isSafeInteger(hashKey('a long respondent key'))).toBe(true);
  });
});
