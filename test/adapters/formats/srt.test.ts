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
