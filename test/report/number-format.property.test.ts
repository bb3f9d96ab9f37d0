import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { formatCount, formatShare } from '../../src/report/number-format.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(3000) });

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Numbers of every size and sign, halves and near-halves, and the special values. */
const anyNumber = fc.oneof(
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double(),
  fc.integer({ min: -2000, max: 2000 }).map((tenths) => tenths / 10 + 0.05),
  fc.integer({ min: -2000, max: 2000 }).map((halves) => halves / 2),
  fc.constantFrom(0, -0, 1e15, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
);

/** Shares as reports have them (a count over a total), and numbers near the rounding edges. */
const share = fc.oneof(
  fc.tuple(fc.nat(1_000_000), fc.integer({ min: 1, max: 1_000_000 })).map(([part, total]) => Math.min(part, total) / total),
  fc.integer({ min: 0, max: 20_000 }).map((thousandths) => (thousandths + 0.5) / 100_000),
  fc.integer({ min: 0, max: 200_000 }).map((twentieths) => twentieths / 2000),
  fc.integer({ min: 0, max: 2_000_000 }).map((parts) => parts / 1_000_000),
  fc.constantFrom(29_400 / 400_000, 0.0015, 0.0025, 0.0035, 0.0145, 0.02675, 0.99995, 0.999949, 1e-9, 12_345.678),
  fc.double({ min: 0, max: 1 }),
  anyNumber,
);

describe('report number formats against Intl.NumberFormat(en-GB), which they write out by hand', () => {
  test('a count is written as Intl writes it', () => {
    fc.assert(fc.property(anyNumber, (value) => expect(formatCount(value)).toBe(COUNT.format(value))));
  });

  test('a share is written as Intl writes its percentage, one decimal', () => {
    fc.assert(fc.property(share, (value) => expect(formatShare(value)).toBe(`${PERCENT.format(value * 100)}%`)));
  });
});
