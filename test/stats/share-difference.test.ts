import { describe, expect, test } from '@jest/globals';
import { fisherExactP, sharesDiffer, twoProportionZ } from '../../src/stats/share-difference.js';

const of = (hits: number, total: number) => ({ hits, total });

describe("Fisher's exact test, two-sided (p-values from scipy.stats.fisher_exact)", () => {
  test.each([
    [of(3, 4), of(1, 4), 0.48571428571428565],
    [of(10, 14), of(16, 40), 0.06309096633254627],
    [of(9, 12), of(8, 40), 0.0008291518063514435],
    [of(1, 10), of(11, 14), 0.0027594561852200836],
  ])('%o against %o: p = %f', (a, b, p) => {
    expect(fisherExactP(a, b)).toBeCloseTo(p, 10);
  });

  test('the same share in both is p = 1', () => {
    expect(fisherExactP(of(5, 10), of(10, 20))).toBeCloseTo(1, 10);
  });
});

describe('the pooled two-proportion z statistic', () => {
  test('a textbook case: 60 of 100 against 40 of 100 is z = 2.828…', () => {
    expect(twoProportionZ(of(60, 100), of(40, 100))).toBeCloseTo(2.8284271, 6);
  });

  test('no spread (nobody, or everybody, in both) is 0', () => {
    expect(twoProportionZ(of(0, 10), of(0, 30))).toBe(0);
    expect(twoProportionZ(of(10, 10), of(30, 30))).toBe(0);
  });
});

describe('sharesDiffer', () => {
  test('among hundreds of thousands of records, a gap of 0.4 points is beyond chance and one of 0.1 is not (so findings also ask for a gap of size)', () => {
    expect(sharesDiffer(of(25_558, 80_118), of(103_319, 319_882))).toBe(true);
    expect(sharesDiffer(of(25_558, 80_118), of(102_300, 319_882))).toBe(false);
  });

  test("small tables are judged by Fisher's exact test, not the normal approximation", () => {
    expect(sharesDiffer(of(3, 4), of(1, 4))).toBe(false);
    expect(sharesDiffer(of(9, 12), of(8, 40))).toBe(true);
  });

  test('a large gap in a handful of records is not enough', () => {
    expect(sharesDiffer(of(2, 2), of(3, 6))).toBe(false);
  });

  test('empty or impossible counts, as rounding can leave them, never differ', () => {
    expect(sharesDiffer(of(0, 0), of(3, 6))).toBe(false);
    expect(sharesDiffer(of(7, 5), of(3, 6))).toBe(false);
    expect(sharesDiffer(of(-1, 5), of(3, 6))).toBe(false);
  });
});

describe("Fisher's exact test on large tables (ln n! from Stirling's series past 255; p-values from scipy.stats.fisher_exact)", () => {
  test.each([
    [of(600, 1_000), of(400, 1_000), 4.2999524250478596e-19],
    [of(3, 400_000), of(1, 600_000), 0.3087990207926432],
    [of(12, 400_000), of(0, 600_000), 1.6775555117571344e-5],
  ])('%o against %o: p = %f', (a, b, p) => {
    expect(fisherExactP(a, b) / p).toBeCloseTo(1, 8);
  });
});
