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

describe('hashKey', () => {
  test('is cyrb53 truncated to 53 bits, the values counters held before keys could be hashed in pieces', () => {
    expect(['', 'a', 'person1\u0000twitter', 'Émilie 😀'].map((key) => hashKey(key))).toEqual([
      3338908027751811, 7929297801672961, 820379501679199, 3499684775427702,
    ]);
  });
});
