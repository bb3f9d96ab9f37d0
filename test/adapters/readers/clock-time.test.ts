import { describe, expect, test } from '@jest/globals';
import { parseClockTime, roundSeconds } from '../../../src/adapters/readers/clock-time.js';

describe('parseClockTime', () => {
  test.each([
    ['00:00:06,500', 6.5],
    ['00:04:46.070', 286.07],
    ['01:02:03.004', 3723.004],
    ['02:25.000', 145],
    ['1:02', 62],
    ['0:03', 3],
    ['100:00:00.000', 360000],
    ['00:00:01.5', 1.5],
    ['00:00:01.05', 1.05],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseClockTime(text)).toBe(seconds);
  });

  test.each(['00:00:0x.000', '00:61:00.000', '00:00:60,000', '00:00:04:000', '12', '', 'soon', '00:00:01.0000'])(
    '%j is not a clock time',
    (text) => {
      expect(parseClockTime(text)).toBeNull();
    },
  );
});

describe('roundSeconds', () => {
  test('rounds to whole milliseconds', () => {
    expect(roundSeconds(0.1 + 0.2)).toBe(0.3);
    expect(roundSeconds(12.3456)).toBe(12.346);
  });
});
