import { describe, expect, test } from '@jest/globals';
import { toIsoDate } from '../../src/record/dates.js';

describe('toIsoDate: the date layouts tweet exports use', () => {
  test.each([
    ['Twitter API v1.1 and archive created_at', 'Fri Feb 24 06:58:32 +0000 2023', '2023-02-24T06:58:32.000Z'],
    ['Twitter created_at with an offset', 'Wed Oct 10 20:19:24 +0200 2018', '2018-10-10T18:19:24.000Z'],
    ['API v2 created_at', '2022-10-03T17:57:11.000Z', '2022-10-03T17:57:11.000Z'],
    ['TAGS time column', '2020-04-19T20:22:23Z', '2020-04-19T20:22:23.000Z'],
    ['R write.csv of a POSIXct (no zone means UTC)', '2019-09-06 20:38:01', '2019-09-06T20:38:01.000Z'],
    ['R format() with the zone name', '2019-09-06 20:38:01 UTC', '2019-09-06T20:38:01.000Z'],
    ['pandas to_csv of a UTC timestamp', '2019-09-06 20:38:01+00:00', '2019-09-06T20:38:01.000Z'],
    ['pandas with an offset', '2019-09-06 21:38:01+01:00', '2019-09-06T20:38:01.000Z'],
    ['an offset without a colon', '2019-09-06 21:38:01 +0100', '2019-09-06T20:38:01.000Z'],
  ])('%s: %s', (_name, input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });

  test.each(['NA', '', '  ', 'not a date', '2019-09-06 20:38:01 BST'])('%j is null (empty, R missing value, or unreadable)', (input) => {
    expect(toIsoDate(input)).toBeNull();
  });
});

describe('toIsoDate: numbers no date can hold', () => {
  test.each([1e300, 8.64e15 + 1, -1e17, Number.MAX_SAFE_INTEGER * 1000])('%d is no date (null), never a thrown RangeError', (value) => {
    expect(toIsoDate(value)).toBeNull();
  });

  test('the last instant a date can hold is still read', () => {
    expect(toIsoDate(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
  });
});
