import { describe, expect, test } from '@jest/globals';
import { DistinctCounter, hashKey } from '../../src/stats/distinct-counter.js';

describe('DistinctCounter', () => {
  test('counts each key once, past growing its table', () => {
    const counter = new DistinctCounter();
    for (let round = 0; round < 2; round += 1) {
      for (let index = 0; index < 10_000; index += 1) expect(counter.add(hashKey(`author ${index}`))).toBe(round === 0);
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
