import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { DATE_ORDERS, dateOrderEvidence, mayNeedDateOrder, readDateInOrder } from '../../src/record/ordered-dates.js';
import { propertyRuns } from '../helpers/property-runs.js';

fc.configureGlobal({ seed: 20261130, numRuns: propertyRuns(1000) });

/** A calendar date and time, as `Date` counts them. */
const moment = fc
  .date({ min: new Date('1969-01-01T00:00:00Z'), max: new Date('2068-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000));
const separator = fc.constantFrom('/', '.', '-');
const padded = fc.boolean();

function two(value: number, pad: boolean): string {
  return pad ? String(value).padStart(2, '0') : String(value);
}

describe('readDateInOrder', () => {
  test('a date written day first, month first or year first reads back as itself in that order', () => {
    fc.assert(
      fc.property(moment, separator, padded, fc.boolean(), (date, mark, pad, shortYear) => {
        const day = two(date.getUTCDate(), pad);
        const month = two(date.getUTCMonth() + 1, pad);
        const year = shortYear ? String(date.getUTCFullYear() % 100).padStart(2, '0') : String(date.getUTCFullYear());
        const time = `${date.getUTCHours()}:${two(date.getUTCMinutes(), true)}:${two(date.getUTCSeconds(), true)}`;
        const iso = date.toISOString();
        expect(readDateInOrder(`${day}${mark}${month}${mark}${year} ${time}`, 'day-month-year')).toBe(iso);
        expect(readDateInOrder(`${month}${mark}${day}${mark}${year} ${time}`, 'month-day-year')).toBe(iso);
        if (shortYear)
          expect(readDateInOrder(`${year}${mark}${two(date.getUTCMonth() + 1, true)}${mark}${day} ${time}`, 'year-month-day')).toBe(iso);
      }),
    );
  });

  test('a value that is a date only one way shows that way, and one that is a date both ways shows either', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1990, max: 2030 }), (a, b, year) => {
        const text = `${a}/${b}/${year}`;
        const dayFirst = readDateInOrder(text, 'day-month-year') !== null;
        const monthFirst = readDateInOrder(text, 'month-day-year') !== null;
        const expected = dayFirst && monthFirst ? 'either' : dayFirst ? 'day-month-year' : monthFirst ? 'month-day-year' : null;
        expect(dateOrderEvidence(text)).toBe(expected);
        if (expected !== null) expect(mayNeedDateOrder(text)).toBe(true);
      }),
    );
  });

  test('any text gives an ISO date or null, never an error, in every order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9/.\-: apmAPMTZ,]{0,30}$/)), (text) => {
        for (const order of DATE_ORDERS) {
          const read = readDateInOrder(text, order);
          if (read !== null) expect(new Date(read).toISOString()).toBe(read);
        }
        const evidence = dateOrderEvidence(text);
        if (evidence !== null) expect(mayNeedDateOrder(text)).toBe(true);
      }),
    );
  });
});
