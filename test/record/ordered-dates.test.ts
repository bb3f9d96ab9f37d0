import { describe, expect, test } from '@jest/globals';
import { dateOrderEvidence, mayNeedDateOrder, readDateInOrder, type DateOrder } from '../../src/record/ordered-dates.js';
import { toIsoDate } from '../../src/record/dates.js';

describe('readDateInOrder: the layouts spreadsheets and forms write', () => {
  test.each<[string, string, DateOrder, string]>([
    ['Google Forms, UK locale', '02/01/2024 14:30:00', 'day-month-year', '2024-01-02T14:30:00.000Z'],
    ['Google Forms, US locale', '1/2/2024 14:30:00', 'month-day-year', '2024-01-02T14:30:00.000Z'],
    ['Excel "Save as CSV", UK', '02/01/2024 14:30', 'day-month-year', '2024-01-02T14:30:00.000Z'],
    ['SurveyMonkey, US, 12-hour clock', '01/02/2024 10:15:30 AM', 'month-day-year', '2024-01-02T10:15:30.000Z'],
    ['noon', '01/02/2024 12:05 PM', 'month-day-year', '2024-01-02T12:05:00.000Z'],
    ['midnight', '01/02/2024 12:40 am', 'month-day-year', '2024-01-02T00:40:00.000Z'],
    ['afternoon with dots', '2/1/2024 2:30 p.m.', 'day-month-year', '2024-01-02T14:30:00.000Z'],
    ['Microsoft Forms, two-digit year', '1/2/24 10:15:30', 'month-day-year', '2024-01-02T10:15:30.000Z'],
    ['German, dotted', '02.01.2024', 'day-month-year', '2024-01-02T00:00:00.000Z'],
    ['dashes', '02-01-2024 08:00:00', 'day-month-year', '2024-01-02T08:00:00.000Z'],
    ['a fraction of a second and a zone', '02/01/2024 14:30:00.25 UTC', 'day-month-year', '2024-01-02T14:30:00.250Z'],
    ['GMT', '02/01/2024 14:30 GMT', 'day-month-year', '2024-01-02T14:30:00.000Z'],
    ['Google Forms download, British Summer Time', '2024/06/15 2:05:09 PM GMT+1', 'day-month-year', '2024-06-15T13:05:09.000Z'],
    ['an offset across midnight', '15/06/2024 00:30 GMT+1', 'day-month-year', '2024-06-14T23:30:00.000Z'],
    ['an offset in hours and minutes', '15/06/2024 10:00 +05:30', 'day-month-year', '2024-06-15T04:30:00.000Z'],
    ['an offset behind UTC', '6/15/2024 10:00 AM UTC-0500', 'month-day-year', '2024-06-15T15:00:00.000Z'],
    ['a month name with an offset', '15 June 2024 10:00 GMT+1', 'day-month-year', '2024-06-15T09:00:00.000Z'],
    ['two-digit year 68 is 2068', '02/01/68', 'day-month-year', '2068-01-02T00:00:00.000Z'],
    ['two-digit year 69 is 1969', '02/01/69', 'day-month-year', '1969-01-02T00:00:00.000Z'],
    ['a two-digit year first', '24/01/02', 'year-month-day', '2024-01-02T00:00:00.000Z'],
    ['year first with slashes, whatever the order', '2024/01/02', 'day-month-year', '2024-01-02T00:00:00.000Z'],
    ['year first, one-digit month and day', '2024-1-2 9:05', 'month-day-year', '2024-01-02T09:05:00.000Z'],
    ['29 February of a leap year', '29/02/2024', 'day-month-year', '2024-02-29T00:00:00.000Z'],
    ['month name after the day', '2 January 2024', 'month-day-year', '2024-01-02T00:00:00.000Z'],
    ['ordinal day, short month', '2nd Jan 2024', 'day-month-year', '2024-01-02T00:00:00.000Z'],
    ['month name first', 'January 2, 2024', 'day-month-year', '2024-01-02T00:00:00.000Z'],
    ['month name first with a 12-hour time', 'Jan 2, 2024 10:15 AM', 'day-month-year', '2024-01-02T10:15:00.000Z'],
    ['Excel dd-mmm-yy', '02-Jan-24', 'month-day-year', '2024-01-02T00:00:00.000Z'],
    ['a weekday and "at"', 'Tuesday, 2 January 2024 at 10:15', 'day-month-year', '2024-01-02T10:15:00.000Z'],
  ])('%s: %s (%s)', (_name, input, order, expected) => {
    expect(readDateInOrder(input, order)).toBe(expected);
  });

  test.each([
    '31/02/2024',
    '13/13/2024',
    '29/02/2023',
    '00/01/2024',
    '02/01/2024 24:00',
    '02/01/2024 13:00 PM',
    '02/01/2024 10:60',
    '1/2/3',
    '02/01/202',
    '02/01-2024',
    '32 January 2024',
    '02/01/2024 10:00 GMT+15',
    '02/01/2024 10:00 +01:60',
    'soon',
    '',
  ])('%j is no date in any order', (input) => {
    for (const order of ['day-month-year', 'month-day-year', 'year-month-day'] as const) expect(readDateInOrder(input, order)).toBeNull();
  });

  test('a long value is no date, read in time linear in its length (the patterns never see it)', () => {
    for (const text of [`02/01/2024 10:00${' '.repeat(200_000)}x`, `2 January 2024${' '.repeat(200_000)}x`, ' '.repeat(200_000)]) {
      expect(readDateInOrder(text, 'day-month-year')).toBeNull();
      expect(dateOrderEvidence(text)).toBeNull();
    }
    expect(readDateInOrder(`   02/01/2024   `, 'day-month-year')).toBe('2024-01-02T00:00:00.000Z');
  });

  test('one value, three orders', () => {
    expect(readDateInOrder('02/01/03', 'day-month-year')).toBe('2003-01-02T00:00:00.000Z');
    expect(readDateInOrder('02/01/03', 'month-day-year')).toBe('2003-02-01T00:00:00.000Z');
    expect(readDateInOrder('02/01/03', 'year-month-day')).toBe('2002-01-03T00:00:00.000Z');
    expect(readDateInOrder('02/01/2024', 'year-month-day')).toBeNull();
  });
});

describe('dateOrderEvidence: what one value says about its column', () => {
  test.each([
    ['13/01/2024', 'day-month-year'],
    ['01/13/2024 09:00', 'month-day-year'],
    ['02/01/2024', 'either'],
    ['12/12/2024', 'either'],
    ['29/02/2024', 'day-month-year'],
  ])('%s: %s', (input, expected) => {
    expect(dateOrderEvidence(input)).toBe(expected);
  });

  test.each(['2024/01/13', '2 January 2024', '31/02/2024', '13/13/2024', 'soon'])('%j says nothing', (input) => {
    expect(dateOrderEvidence(input)).toBeNull();
  });
});

describe('mayNeedDateOrder: the cheap first look', () => {
  test.each(['02/01/2024', '2.1.24', ' 13-01-2024'])('%j may need the order', (input) => {
    expect(mayNeedDateOrder(input)).toBe(true);
  });

  test.each(['2013-11-28T19:28', '2024/01/02', 'Fri Feb 24 06:58:32 +0000 2023', '1700000000', '2 January 2024', ''])(
    '%j does not',
    (input) => {
      expect(mayNeedDateOrder(input)).toBe(false);
    },
  );

  test('the layouts toIsoDate reads are never ones that need an order', () => {
    for (const input of ['2013-11-28T19:28', '2019-09-06 20:38:01 UTC', '21 Mar 2012', 'Tue, 21 Jan 2014 09:00:00 +0000']) {
      expect(toIsoDate(input)).not.toBeNull();
      expect(dateOrderEvidence(input)).toBeNull();
    }
  });
});
