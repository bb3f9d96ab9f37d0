import { describe, expect, test } from '@jest/globals';
import { srtAdapter } from '../../../src/adapters/formats/srt.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

function sniffInput(headText: string, extension = '.srt') {
  return { path: `talk${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

describe('srt sniff', () => {
  test('recognises a first cue with or without its index', () => {
    expect(srtAdapter.sniff(sniffInput('1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n'))).toBe(0.9);
    expect(srtAdapter.sniff(sniffInput('00:00:06,500 --> 00:00:09,000\nHi\n'))).toBe(0.9);
    expect(srtAdapter.sniff(sniffInput('WEBVTT\n\n00:01.000 --> 00:02.000\n'))).toBe(0);
    expect(srtAdapter.sniff(sniffInput('Just text\n'))).toBe(0);
  });
});

describe('srt reading', () => {
  test('a number alone right before a timing line is an index, but a cue of just a number keeps it', async () => {
    const result = await readTempInput(
      'numbers.srt',
      '1\n00:00:01,000 --> 00:00:02,000\nThe year was\n2\n00:00:02,000 --> 00:00:03,000\n1984\n3\n00:00:03,000 --> 00:00:04,000\nand nothing changed.\n',
    );
    expect(recordsOf(result).map((record) => record.text)).toEqual(['The year was 1984 and nothing changed.']);
  });

  test('an empty .srt file gives nothing and no error', async () => {
    const result = await readTempInput('empty.srt', '');
    expect(result).toEqual({ format: 'srt', items: [], error: null });
  });

  test('speaker labels after a dialogue dash name the speaker', async () => {
    const result = await readTempInput('dash.srt', '1\n00:00:01,000 --> 00:00:03,000\n- ANNA: Is it better?\n- BOB: Much.\n');
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['ANNA', 'Is it better?'],
      ['BOB', 'Much.'],
    ]);
  });
});

describe('captions saved as .txt', () => {
  test('SRT and WebVTT content in a .txt file is read as captions, not as notes', async () => {
    expect((await readTempInput('talk.txt', '1\n00:00:01,000 --> 00:00:02,000\nHello.\n')).format).toBe('srt');
    expect((await readTempInput('talk.txt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n')).format).toBe('webvtt');
  });
});

describe('srt: cues written with no duration (start = end)', () => {
  const srt = (cues: ReadonlyArray<[string, string, string]>): string =>
    cues.map(([start, end, text], index) => `${index + 1}\n${start} --> ${end}\n${text}\n`).join('\n');

  test('their words are read, each cue lasting until the next starts: one paragraph, not one per cue', async () => {
    const result = await readTempInput(
      'ripped.srt',
      srt([
        ['00:00:01,000', '00:00:01,000', 'The bus to the day centre'],
        ['00:00:05,000', '00:00:05,000', 'stopped running in March,'],
        ['00:00:09,000', '00:00:09,000', 'so Mum has not been since.'],
      ]),
    );
    expect(recordsOf(result).map((record) => [record.text, record.meta['start'], record.meta['end']])).toEqual([
      ['The bus to the day centre stopped running in March, so Mum has not been since.', 1, 9],
    ]);
  });

  test('among timed cues, one ends where the next starts; a last one ends where it starts', async () => {
    const result = await readTempInput(
      'aligned.srt',
      srt([
        ['00:00:00,000', '00:00:02,400', 'We asked for a ramp.'],
        ['00:00:02,400', '00:00:02,400', 'Twice.'],
        ['00:00:06,100', '00:00:08,000', 'Nobody came back to us.'],
        ['00:00:20,000', '00:00:20,000', 'Thank you.'],
      ]),
    );
    expect(recordsOf(result).map((record) => [record.text, record.meta['start'], record.meta['end']])).toEqual([
      ['We asked for a ramp. Twice. Nobody came back to us.', 0, 8],
      ['Thank you.', 20, 20],
    ]);
  });

  test('one that only repeats the lines of the cue before is a rolling caption’s blink, and one without words gives none', async () => {
    const result = await readTempInput(
      'rolling.srt',
      srt([
        ['00:00:01,000', '00:00:03,000', 'the waiting list is two years'],
        ['00:00:03,000', '00:00:03,000', 'the waiting list is two years'],
        ['00:00:03,000', '00:00:05,000', 'the waiting list is two years\nfor a bungalow'],
        ['00:00:05,000', '00:00:05,000', '{\\an8}'],
      ]),
    );
    expect(recordsOf(result).map((record) => record.text)).toEqual(['the waiting list is two years for a bungalow']);
  });
});
