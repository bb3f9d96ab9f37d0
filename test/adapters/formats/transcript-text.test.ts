import { describe, expect, test } from '@jest/globals';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';

describe('transcript-text detection', () => {
  test('a .txt file of speaker turns is transcript-text', async () => {
    const result = await readTempInput('interview.txt', 'JANE: How was the service?\nBOB: Slow.\nJANE: Why?\nBOB: Nobody rang back.\n');
    expect(result.format).toBe('transcript-text');
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['JANE', 'How was the service?'],
      ['BOB', 'Slow.'],
      ['JANE', 'Why?'],
      ['BOB', 'Nobody rang back.'],
    ]);
  });

  test("Otter's Unknown Speaker blocks are turns of their own, perhaps of different people; a numbered speaker's stay joined", async () => {
    const otter = [
      'Unknown Speaker  0:03',
      'The day centre was the only place my dad went.',
      '',
      'Unknown Speaker  0:11',
      'We were never asked before it closed.',
      '',
      'Speaker 1  0:20',
      'Thank you both.',
      '',
      'Speaker 1  0:24',
      'Next, transport.',
      '',
    ].join('\n');
    const result = await readTempInput('meeting.txt', otter);
    expect(result.format).toBe('transcript-text');
    expect(recordsOf(result).map((record) => [record.author, record.text])).toEqual([
      ['Unknown Speaker', 'The day centre was the only place my dad went.'],
      ['Unknown Speaker', 'We were never asked before it closed.'],
      ['Speaker 1', 'Thank you both.\n\nNext, transport.'],
    ]);
  });

  test('Q: and A: lines are no speakers: notes whose answers carry their question', async () => {
    const result = await readTempInput('interview.txt', 'Q: How was the service?\nA: Slow.\nQ: Why?\nA: Nobody rang back.\n');
    expect(result.format).toBe('event-notes');
    expect(recordsOf(result).map((record) => [record.author, record.text, record.meta['question'] ?? null])).toEqual([
      [null, 'How was the service?', null],
      [null, 'Slow.', 'How was the service?'],
      [null, 'Why?', null],
      [null, 'Nobody rang back.', 'Why?'],
    ]);
  });

  test('notes with a few label-like lines stay event-notes', async () => {
    const notes = 'Table 3\nmore respite care\nAction: ask the council\nDecision: meet again in May\nbuses are unreliable\nparking costs\n';
    expect((await readTempInput('notes.txt', notes)).format).toBe('event-notes');
  });

  test('a single speaker is not enough to call a file a transcript', async () => {
    const result = await readTempInput('memo.txt', 'Jane: first thought\nJane: second thought\n');
    expect(result.format).toBe('event-notes');
  });

  test('a speaker transcript without an extension is found by its content', async () => {
    const result = await readTempInput('transcript', 'ANNA: Hello.\nBOB: Hi.\nANNA: Bye.\n');
    expect(result.format).toBe('transcript-text');
  });
});

describe('transcript-text reading', () => {
  test('text with no speaker label at all is refused under --format', async () => {
    const result = await readTempInput('notes.txt', 'just some notes\n', { format: 'transcript-text' });
    expect(result.error).toBe('notes.txt: no speaker labels ("Name: words") found, so this is not a speaker transcript');
  });

  test('a long turn is split into paragraph-sized records, all by the same author', async () => {
    const sentence = 'I have been caring for my mother for eleven years and the support has changed a lot.';
    const text = `INTERVIEWER: Tell me about it.\nCARER: ${Array.from({ length: 20 }, () => sentence).join(' ')}\nINTERVIEWER: Thank you.\n`;
    const result = await readTempInput('long.txt', text);
    const carer = recordsOf(result).filter((record) => record.author === 'CARER');
    expect(carer.length).toBeGreaterThanOrEqual(2);
    expect(carer.map((record) => record.text).join(' ')).toBe(Array.from({ length: 20 }, () => sentence).join(' '));
    expect(countItems(result)).toEqual({ record: carer.length + 2 });
  });
});

describe('transcript-text: layouts of transcription tools', () => {
  test("Word's Transcribe: a time and a speaker on one line, their words below", async () => {
    const text = '00:00:00 Speaker 1\nHello everyone.\n\n00:00:15 Speaker 2\nThe buses are late.\n\n00:01:02 Speaker 1\nOkay.\n';
    const result = await readTempInput('transcript.txt', text);
    expect(result.format).toBe('transcript-text');
    expect(recordsOf(result).map((record) => `${record.author}: ${record.text} [${String(record.meta['start'])}]`)).toEqual([
      'Speaker 1: Hello everyone. [0]',
      'Speaker 2: The buses are late. [15]',
      'Speaker 1: Okay. [62]',
    ]);
  });

  test('timing lines between turns (YouTube .sbv, a pasted cue timing) are no words', async () => {
    const text =
      '0:00:03.120,0:00:05.000\nJane Smith: Hello\n\n0:00:05.500,0:00:07.000\nBob Jones: Hi\n\n00:00:08,000 --> 00:00:09,000\nJane Smith: Bye\n';
    const result = await readTempInput('captions.txt', text);
    expect(recordsOf(result).map((record) => `${record.author}: ${record.text}`)).toEqual([
      'Jane Smith: Hello',
      'Bob Jones: Hi',
      'Jane Smith: Bye',
    ]);
  });
});

describe("transcript-text: a Zoom recording's closed_caption.txt", () => {
  test('`[Name] time` over the words is a speaker transcript', async () => {
    const text = '[Sara Kim] 10:00:05\nMorning.\n\n[Sara Kim] 10:00:09\nReady when you are.\n\n[Rob Hale] 10:00:15\nLet us start.\n';
    const result = await readTempInput('closed_caption.txt', text);
    expect(result.format).toBe('transcript-text');
    expect(recordsOf(result).map((record) => `${record.author}: ${record.text}`)).toEqual([
      'Sara Kim: Morning.\n\nReady when you are.',
      'Rob Hale: Let us start.',
    ]);
  });
});

describe('transcript-text: bracketed names and dashes', () => {
  test('`[John]: words` lines are turns', async () => {
    const result = await readTempInput('transcript.txt', '[John]: What I said.\n[Jane]: My response.\n[John]: A follow-up.\n');
    expect(recordsOf(result).map((record) => `${record.author}: ${record.text}`)).toEqual([
      'John: What I said.',
      'Jane: My response.',
      'John: A follow-up.',
    ]);
  });

  test('`[00:01:23] John - words` lines are turns with their times, never labels that swallow the words', async () => {
    const result = await readTempInput('transcript.txt', '[00:01:23] John - What I said.\n[00:01:45] Jane Smith - My response.\n');
    expect(recordsOf(result).map((record) => `${record.author}: ${record.text} [${String(record.meta['start'])}]`)).toEqual([
      'John: What I said. [83]',
      'Jane Smith: My response. [105]',
    ]);
  });
});
