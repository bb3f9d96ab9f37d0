import { describe, expect, test } from '@jest/globals';
import { webvttAdapter } from '../../../src/adapters/formats/webvtt.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

function sniffInput(headText: string, extension = '.vtt') {
  return { path: `talk${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

describe('webvtt sniff', () => {
  test('recognises the WEBVTT line, with or without a title', () => {
    expect(webvttAdapter.sniff(sniffInput('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n'))).toBe(1);
    expect(webvttAdapter.sniff(sniffInput('WEBVTT - Forum\n'))).toBe(1);
    expect(webvttAdapter.sniff(sniffInput('WEBVTTX\n'))).toBe(0);
    expect(webvttAdapter.sniff(sniffInput('1\n00:00:01,000 --> 00:00:02,000\n'))).toBe(0);
  });

  test('a WebVTT file without the .vtt extension is found by its content', async () => {
    const result = await readTempInput('captions', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n');
    expect(result.format).toBe('webvtt');
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Hello.']);
  });
});

describe('webvtt reading', () => {
  test('an empty .vtt file is not WebVTT', async () => {
    const result = await readTempInput('empty.vtt', '');
    expect(result.error).toBe(
      'empty.vtt:1:1: not a WebVTT file: the first line must be "WEBVTT" (the file is empty or starts with a blank line)',
    );
  });

  test('text outside any cue is a warning and is not stored', async () => {
    const result = await readTempInput('stray.vtt', 'WEBVTT\n\nA stray line\nand another\n\n00:01.000 --> 00:02.000\nKept.\n');
    expect(countItems(result)).toEqual({ warning: 1, record: 1 });
    expect(result.items[0]).toEqual({
      kind: 'warning',
      message: 'text outside any cue (no "-->" timing line above it) was ignored',
      provenance: { file: 'stray.vtt', line: 3 },
    });
  });

  test('cues separated by whitespace-only lines: the identifier of the next cue is not text', async () => {
    const result = await readTempInput(
      'spaces.vtt',
      'WEBVTT\n\n1\n00:01.000 --> 00:02.000\nFirst.\n  \n2\n00:02.000 --> 00:03.000\nSecond.\n',
    );
    expect(recordsOf(result).map((record) => record.text)).toEqual(['First. Second.']);
  });

  test('a long single-voice video becomes several paragraph-sized records', async () => {
    const sentence = 'The new care plan review process has made a real difference to our family.';
    const cues = Array.from({ length: 40 }, (_, index) => {
      const start = `00:${String(Math.floor((index * 3) / 60)).padStart(2, '0')}:${String((index * 3) % 60).padStart(2, '0')}.000`;
      const endSeconds = index * 3 + 3;
      const end = `00:${String(Math.floor(endSeconds / 60)).padStart(2, '0')}:${String(endSeconds % 60).padStart(2, '0')}.000`;
      return `${start} --> ${end}\n${sentence}\n`;
    });
    const result = await readTempInput('vlog.vtt', `WEBVTT\n\n${cues.join('\n')}`);
    const records = recordsOf(result);
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.map((record) => record.text).join(' ')).toBe(Array.from({ length: 40 }, () => sentence).join(' '));
    for (const record of records.slice(0, -1)) expect(record.text.length).toBeGreaterThanOrEqual(600);
    expect(records[1]?.meta['start']).toBe(records[0]?.meta['end']);
  });

  test('--format webvtt reads a .txt file', async () => {
    const result = await readTempInput('captions.txt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n', { format: 'webvtt' });
    expect(result.format).toBe('webvtt');
    expect(recordsOf(result)[0]?.channel).toBe('transcript');
  });
});

describe('webvtt speakers typed as people type their Zoom names', () => {
  test('"Jane smith:" starts a turn of her own; "Next steps:" stays the words of the speaker before it', async () => {
    const result = await readTempInput(
      'zoom-captions.vtt',
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:04.000',
        'Tunde Okafor: Thanks for joining us.',
        '',
        '00:00:04.000 --> 00:00:08.000',
        'Next steps: we write up what we heard.',
        '',
        '00:00:08.000 --> 00:00:12.000',
        'Jane smith: The minibus is often late.',
        '',
      ].join('\n'),
    );
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['Tunde Okafor', 'Thanks for joining us. Next steps: we write up what we heard.'],
      ['Jane smith', 'The minibus is often late.'],
    ]);
  });
});
