import { describe, expect, test } from '@jest/globals';
import { looksLikeTimedCaptions } from '../../../src/adapters/formats/timed-text.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

describe('timed-text: captions saved as text with a time on each line', () => {
  test.each([
    ['a time alone over the words', '0:00\nthe library is\n0:02\nwhere I meet people\n0:04\nevery week\n'],
    ['a time and the words on one line', '0:00 the library is\n0:02 where I meet people\n0:04 every week\n'],
    ['seconds in brackets', '[0.0] the library is\n[2.1] where I meet people\n[4.0] every week\n'],
  ])('%s is read as one transcript record', async (_layout, text) => {
    const result = await readTempInput('transcript.txt', text);
    expect(result.format).toBe('timed-text');
    expect(recordsOf(result).map((record) => [record.channel, record.text, record.meta['start']])).toEqual([
      ['transcript', 'the library is where I meet people every week', 0],
    ]);
  });

  test.each([
    ['a time alone over the words', '0:00\nthe library is\n0:02\nwhere I meet people every week\n'],
    ['a time and the words on one line, under a title', 'Library video\n0:01 the library is\n0:03 where I meet people every week\n'],
  ])('a short video of two captions is read as captions: %s', async (_layout, text) => {
    const result = await readTempInput('transcript.txt', text);
    expect(result.format).toBe('timed-text');
    expect(recordsOf(result).map((record) => record.text)).toEqual(['the library is where I meet people every week']);
  });

  test.each([
    ['an agenda by the time of day', ['9:30 Arrival and coffee', '10:00 Welcome', '10:15 Table discussions', '12:00 Lunch']],
    ['a speaker transcript with times', ['[00:00:01] Jane: Hello.', '[00:00:04] Bob: Hi.', '[00:00:09] Jane: Shall we start?']],
    ['notes with a number or two', ['Notes from the day', '0:30 late start', 'Buses were late', 'The hall was cold', 'Lunch was good']],
    ['two times of a 12-hour agenda', ['1:00 Lunch', '2:00 Close']],
    ['two times late in a recording', ['0:30 late start', '0:45 buses were late']],
    ['two times among notes', ['0:00 hello', '0:03 and goodbye', 'Buses were late', 'The hall was cold']],
    ['one time', ['0:00 hello and goodbye']],
  ])('%s is not timed captions', (_kind, lines) => {
    expect(looksLikeTimedCaptions(lines)).toBe(false);
  });
});
