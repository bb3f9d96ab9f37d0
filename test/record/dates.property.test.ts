import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseDate, toIsoDate } from '../../src/record/dates.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(5000) });

const digit = fc.constantFrom(...'0123456789'.split(''));
/** Two digits: the edges of a field's range and just past them, any value in it, or any two digits. */
const field = (low: number, high: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(low - 1, low, high, high + 1).map((value) => String(Math.max(0, value)).padStart(2, '0')),
    fc.integer({ min: low, max: high }).map((value) => String(value).padStart(2, '0')),
    fc.tuple(digit, digit).map(([tens, units]) => tens + units),
  );
/** A month, February most often (its length depends on the year). */
const month = fc.oneof(fc.constant('02'), field(1, 12));
/** A day, the ends of months most often. */
const day = fc.oneof(fc.constantFrom('28', '29', '30', '31'), field(1, 31));
const year = fc.oneof(
  fc.integer({ min: 1890, max: 2110 }).map(String),
  fc.tuple(digit, digit, digit, digit).map((digits) => digits.join('')),
  fc.constantFrom('1900', '2000', '2100', '2200', '2400', '0000', '0004'),
);
const separator = fc.constantFrom('-', '-', '-', '-', '-', '/', '.');
const between = fc.constantFrom('T', 'T', ' ', 't', '_');
const colon = fc.constantFrom(':', ':', ':', '.');
const tail = fc.constantFrom('', '', '', 'Z', ' UTC', '+01:00', '.5', '.123', ' ');

/** Texts in and around the layouts the fast path reads: dates, with minutes, with seconds. */
const dateLike = fc
  .tuple(year, separator, month, separator, day, between, field(0, 23), colon, field(0, 59), colon, field(0, 59), tail)
  .chain(([y, s1, mm, s2, dd, t, hour, c1, minute, c2, second, end]) =>
    fc.constantFrom(
      `${y}${s1}${mm}${s2}${dd}`,
      `${y}${s1}${mm}${s2}${dd}${t}${hour}${c1}${minute}`,
      `${y}${s1}${mm}${s2}${dd}${t}${hour}${c1}${minute}${c2}${second}`,
      `${y}${s1}${mm}${s2}${dd}${t}${hour}${c1}${minute}${c2}${second}${end}`,
      `${y}${s1}${mm}${s2}${dd}${end}`,
    ),
  );

describe('toIsoDate', () => {
  test('gives what the general reading gives for dates and times in every layout near the fast one', () => {
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(toIsoDate(text)).toBe(parseDate(text));
      }),
    );
  });

  test('gives what the general reading gives for any short text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        expect(toIsoDate(text)).toBe(parseDate(text));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});
