import { describe, expect, test } from '@jest/globals';
import { writeCorpusText } from '../../../src/adapters/formats/transcript-json.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';

const turns = (list: readonly object[]): string => `${JSON.stringify(list, null, 2)}\n`;

describe('transcript-json detection', () => {
  test('a QMSum meeting object is transcript-json, not the generic json reader', async () => {
    const result = await readTempInput(
      'meeting.json',
      JSON.stringify({ topic_list: [], meeting_transcripts: [{ speaker: 'A', content: 'Hi .' }] }),
    );
    expect(result.format).toBe('transcript-json');
    expect(recordsOf(result)[0]?.text).toBe('Hi.');
  });

  test('a list of {speaker, text} turns is transcript-json; a list of other objects stays json', async () => {
    expect((await readTempInput('turns.json', turns([{ speaker: 'A', text: 'Hello' }]))).format).toBe('transcript-json');
    expect((await readTempInput('turns.json', turns([{ speaker: 'A', content: 'Hello' }]))).format).toBe('transcript-json');
    expect((await readTempInput('comments.json', turns([{ author: 'A', text: 'Hello' }]))).format).toBe('json');
  });

  test('JSON Lines of turns are transcript-json', async () => {
    const result = await readTempInput('turns.jsonl', '{"speaker": "A", "text": "One"}\n{"speaker": "B", "text": "Two"}\n');
    expect(result.format).toBe('transcript-json');
    expect(recordsOf(result).map((record) => record.author)).toEqual(['A', 'B']);
  });

  test('a JSON object without meeting_transcripts is refused under --format', async () => {
    const result = await readTempInput('other.json', '{"comments": []}', { format: 'transcript-json' });
    expect(result.error).toBe('other.json: no "meeting_transcripts" list of speaker turns in this JSON object');
  });

  test('the records are channel transcript', async () => {
    const result = await readTempInput('turns.json', turns([{ speaker: 'A', text: 'Hello' }]));
    expect(countItems(result)).toEqual({ record: 1 });
    expect(recordsOf(result)[0]?.channel).toBe('transcript');
  });
});

describe('writeCorpusText', () => {
  test.each([
    ['Uh , making a profit of fifty million Euros .', 'Uh, making a profit of fifty million Euros.'],
    ['the T_V_ and a P_D_A_ , I_E_ gadgets', 'the TV and a PDA, IE gadgets'],
    ['Oh no ,.', 'Oh no.'],
    [', and then', 'and then'],
    ["Mm 'kay . 'Cause I said so ?", "Mm 'kay. 'Cause I said so?"],
    ['snake_case_name stays', 'snake_case_name stays'],
  ])('%j → %j', (input, output) => {
    expect(writeCorpusText(input)).toBe(output);
  });
});

describe('a bad turn among many', () => {
  test('in a list of turns, is named by its place in the list', async () => {
    const result = await readTempInput('turns.json', JSON.stringify([{ speaker: 'A', text: 'One' }, { speaker: 'B' }, 'three']));
    expect(result.format).toBe('transcript-json');
    expect(rejectedPlaces(result)).toEqual([
      { line: 1, part: '[1]' },
      { line: 1, part: '[2]' },
    ]);
  });

  test('in a QMSum meeting, is named by its place in meeting_transcripts', async () => {
    const meeting = { topic_list: [], meeting_transcripts: [{ speaker: 'A', content: 'Hi .' }, { speaker: 'B' }] };
    const result = await readTempInput('meeting.json', JSON.stringify(meeting));
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: 'meeting_transcripts[1]' }]);
    expect(recordsOf(result)[0]?.provenance.part).toBe('meeting_transcripts[0]');
  });

  test('in JSON Lines, is named by its line alone', async () => {
    const result = await readTempInput('turns.jsonl', '{"speaker": "A", "text": "One"}\n{"speaker": "B"}\n');
    expect(rejectedPlaces(result)).toEqual([{ line: 2, part: undefined }]);
  });
});
