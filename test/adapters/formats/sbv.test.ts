import { describe, expect, test } from '@jest/globals';
import { sbvAdapter } from '../../../src/adapters/formats/sbv.js';
import { recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

function sniffInput(headText: string, extension = '.sbv') {
  return { path: `talk${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

describe('sbv sniff', () => {
  test('recognises a first timing line of two comma-joined clock times', () => {
    expect(sbvAdapter.sniff(sniffInput('0:00:00.378,0:00:11.378\nHello\n'))).toBe(0.9);
    expect(sbvAdapter.sniff(sniffInput('\uFEFF\n0:00:01.000,0:00:02.000\r\nHello\r\n'))).toBe(0.9);
    expect(sbvAdapter.sniff(sniffInput('00:00:01,000 --> 00:00:02,000\nHello\n'))).toBe(0);
    expect(sbvAdapter.sniff(sniffInput('10:30, coffee and welcome\n'))).toBe(0);
  });
});

describe('sbv reading', () => {
  test('YouTube Studio captions saved as .sbv or .txt are read as captions, not rejected or read as notes', async () => {
    const content = '0:00:01.000,0:00:03.000\nThe bus only comes\ntwice a day now.\n\n0:00:03.000,0:00:05.000\nThat is not enough.\n';
    for (const name of ['talk.sbv', 'talk.txt']) {
      const result = await readTempInput(name, content);
      expect(result.format).toBe('sbv');
      expect(recordsOf(result).map((record) => [record.channel, record.text, record.meta['start'], record.meta['end']])).toEqual([
        ['transcript', 'The bus only comes twice a day now. That is not enough.', 1, 5],
      ]);
    }
  });

  test('a timing line starts a cue even without a blank line above it, and speaker labels name the speaker', async () => {
    const result = await readTempInput(
      'panel.sbv',
      '0:00:00.000,0:00:04.000\nHost: What would help most?\n0:00:04.000,0:00:08.000\nLead: Somewhere to sit near the shops.\n',
    );
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['Host', 'What would help most?'],
      ['Lead', 'Somewhere to sit near the shops.'],
    ]);
  });

  test('a file of text with no timing line is refused, and an empty one gives nothing', async () => {
    const refused = await readTempInput('notes.sbv', 'Just some notes\nabout the day.\n');
    expect(refused.error).toBe('notes.sbv: no caption cues found (no "0:00:01.000,0:00:04.000" timing line)');
    expect(await readTempInput('empty.sbv', '')).toEqual({ format: 'sbv', items: [], error: null });
  });
});
