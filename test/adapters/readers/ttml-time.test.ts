import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_TTML_TIME_BASE, parseTtmlTime, ttmlTimeBase } from '../../../src/adapters/readers/ttml-time.js';
import { propertyRuns } from '../../helpers/property-runs.js';

const RUNS = propertyRuns(300);

const PAL = ttmlTimeBase({ frameRate: '25' });
const NTSC = ttmlTimeBase({ frameRate: '30', frameRateMultiplier: '1000 1001' });
const TICKS = ttmlTimeBase({ tickRate: '10000000' });

describe('ttmlTimeBase', () => {
  test('takes the root parameters, the tick rate following the frame rate unless given', () => {
    expect(ttmlTimeBase({})).toEqual(DEFAULT_TTML_TIME_BASE);
    expect(PAL).toEqual({ frameRate: 25, subFrameRate: 1, tickRate: 25 });
    expect(ttmlTimeBase({ frameRate: '25', subFrameRate: '2' })).toEqual({ frameRate: 25, subFrameRate: 2, tickRate: 50 });
    expect(TICKS).toEqual({ frameRate: 30, subFrameRate: 1, tickRate: 10_000_000 });
    expect(NTSC.frameRate).toBeCloseTo(29.97, 2);
  });

  test('a parameter that cannot be read takes its default', () => {
    expect(ttmlTimeBase({ frameRate: 'fast', frameRateMultiplier: '1000', subFrameRate: '0', tickRate: '-5' })).toEqual(
      DEFAULT_TTML_TIME_BASE,
    );
    expect(ttmlTimeBase({ tickRate: '1'.repeat(20) })).toEqual(DEFAULT_TTML_TIME_BASE);
  });
});

describe('parseTtmlTime', () => {
  test.each([
    ['00:00:01.500', DEFAULT_TTML_TIME_BASE, 1.5],
    ['01:02:03.004', DEFAULT_TTML_TIME_BASE, 3723.004],
    ['00:00:01,5', DEFAULT_TTML_TIME_BASE, 1.5],
    ['00:00:03', DEFAULT_TTML_TIME_BASE, 3],
    ['100:00:00', DEFAULT_TTML_TIME_BASE, 360000],
    ['00:00:01.0000001', DEFAULT_TTML_TIME_BASE, 1],
    ['00:00:01:12', PAL, 1.48],
    ['00:00:01:15', DEFAULT_TTML_TIME_BASE, 1.5],
    ['00:00:01:12.1', ttmlTimeBase({ frameRate: '25', subFrameRate: '2' }), 1.5],
    ['00:00:10:00', NTSC, 10],
    ['1.5s', DEFAULT_TTML_TIME_BASE, 1.5],
    ['1500ms', DEFAULT_TTML_TIME_BASE, 1.5],
    ['2m', DEFAULT_TTML_TIME_BASE, 120],
    ['0.5h', DEFAULT_TTML_TIME_BASE, 1800],
    ['37f', PAL, 1.48],
    ['15t', ttmlTimeBase({ tickRate: '10' }), 1.5],
    ['15000000t', TICKS, 1.5],
    ['30t', PAL, 1.2],
    ['3t', DEFAULT_TTML_TIME_BASE, 3],
    [' 1.5s ', DEFAULT_TTML_TIME_BASE, 1.5],
  ])('%s is %d seconds', (text, base, seconds) => {
    expect(parseTtmlTime(text, base)).toBe(seconds);
  });

  test.each([
    '',
    'soon',
    '1.5',
    '1.5 s',
    '-1s',
    '1.5sec',
    '00:61:00',
    '00:00:60.000',
    '00:00:01:25',
    '00:00:01.',
    '1:2',
    '00:00:01:12.1',
    'NaNs',
    'Infinitys',
  ])('%j is no time at 25 frames a second', (text) => {
    expect(parseTtmlTime(text, PAL)).toBeNull();
  });

  test('a clock time and the same time as an offset in seconds, milliseconds or ticks read the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 3600 * 1000 + 3599 * 1000 + 999 }), (millis) => {
        const seconds = millis / 1000;
        const whole = Math.floor(millis / 1000);
        const pad = (value: number): string => String(value).padStart(2, '0');
        const clock = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${String(millis % 1000).padStart(3, '0')}`;
        expect(parseTtmlTime(clock)).toBe(seconds);
        expect(parseTtmlTime(`${millis}ms`)).toBe(seconds);
        expect(parseTtmlTime(`${millis * 10_000}t`, TICKS)).toBe(seconds);
      }),
      { numRuns: RUNS },
    );
  });

  test('frames read as the fraction of a second they stand for, and never reach the next second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399 }), fc.integer({ min: 0, max: 24 }), (second, frame) => {
        const clock = `${String(Math.floor(second / 3600)).padStart(2, '0')}:${String(Math.floor(second / 60) % 60).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}:${String(frame).padStart(2, '0')}`;
        const read = parseTtmlTime(clock, PAL);
        expect(read).toBe(Math.round((second + frame / 25) * 1000) / 1000);
        expect(read).toBeLessThan(second + 1);
        expect(parseTtmlTime(`${second * 25 + frame}f`, PAL)).toBe(read);
      }),
      { numRuns: RUNS },
    );
  });

  test('any text is a time of at least zero seconds, or none', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const read = parseTtmlTime(text, NTSC);
        expect(read === null || (Number.isFinite(read) && read >= 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
