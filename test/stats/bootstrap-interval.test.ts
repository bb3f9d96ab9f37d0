import { describe, expect, test } from '@jest/globals';
import { bootstrapF1Intervals, quantile } from '../../src/stats/bootstrap-interval.js';
import { BOOTSTRAP_SEED, seededRandom } from '../../src/stats/seeded-random.js';

describe('seededRandom', () => {
  test('the same seed gives the same sequence in [0, 1); another seed another one', () => {
    const first = seededRandom(BOOTSTRAP_SEED);
    const again = seededRandom(BOOTSTRAP_SEED);
    const other = seededRandom(BOOTSTRAP_SEED + 1);
    const a = Array.from({ length: 1000 }, () => first());
    expect(Array.from({ length: 1000 }, () => again())).toEqual(a);
    expect(Array.from({ length: 1000 }, () => other())).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = a.reduce((sum, value) => sum + value, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('quantile', () => {
  test('interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.025)).toBeCloseTo(0.25, 12);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('bootstrapF1Intervals', () => {
  const pairs = Array.from({ length: 200 }, (_, index) => ({
    predicted: index % 3 === 0 ? [0] : index % 5 === 0 ? [1] : [],
    gold: index % 2 === 0 ? [0] : index % 5 === 0 ? [1] : [],
  }));

  test('is deterministic and brackets the score of the whole sample', () => {
    const interval = bootstrapF1Intervals(pairs, 2);
    expect(bootstrapF1Intervals(pairs, 2)).toEqual(interval);
    expect(interval.macro[0]).toBeLessThan(interval.macro[1]);
    expect(interval.micro[0]).toBeLessThan(interval.micro[1]);
    expect(interval.macro[0]).toBeGreaterThan(0);
    expect(interval.macro[1]).toBeLessThan(1);
  });

  test('perfect agreement has a degenerate interval at 1; no records give [0, 0]', () => {
    const perfect = pairs.map((pair) => ({ predicted: pair.gold, gold: pair.gold }));
    expect(bootstrapF1Intervals(perfect, 2, { resamples: 50 })).toEqual({ macro: [1, 1], micro: [1, 1] });
    expect(bootstrapF1Intervals([], 2)).toEqual({ macro: [0, 0], micro: [0, 0] });
  });
});
