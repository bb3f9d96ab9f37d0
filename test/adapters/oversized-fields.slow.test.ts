import { describe, expect, test } from '@jest/globals';
import { MAX_RECORD_BYTES } from '../../src/adapters/readers/delimited-table.js';
import { recordsOf } from '../helpers/read-fixture.js';
import { itemSummary, readTempInput } from '../helpers/temp-input.js';

/** Twice the record limit. */
const OVERSIZED = 2 * MAX_RECORD_BYTES;
/** Just over the 16 Mi characters one JSON value or XML element may hold. */
const OVER_ELEMENT_LIMIT = 16 * 1024 * 1024 + 1024;
/** Just over the 1 Mi characters one line of a text format may hold. */
const OVER_LINE_LIMIT = 1024 * 1024 + 1024;

describe('an over-long value is rejected alone, naming its line, and the rest of the file is read', () => {
  test('CSV: an unquoted field over the 1 MiB record limit', async () => {
    const csv = `id,text\n1,before\n2,${'x'.repeat(OVERSIZED)}\n3,after\n`;
    const result = await readTempInput('unquoted.csv', csv, { format: 'csv' });
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual(['record line 2: before', 'rejected line 3: CSV_MAX_RECORD_SIZE', 'record line 4: after']);
  });

  test('CSV: a closed quoted field over the 1 MiB record limit, its rows after it read at their own lines', async () => {
    const csv = `id,text\n1,before\n2,"${'x'.repeat(OVERSIZED)}\nstill inside the field"\n3,after\n`;
    const result = await readTempInput('quoted.csv', csv, { format: 'csv' });
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual(['record line 2: before', 'rejected line 3: CSV_MAX_RECORD_SIZE', 'record line 5: after']);
  });

  test('CSV: an unclosed quote followed by more than 1 MiB costs only the row where it opens', async () => {
    const csv = `id,text\n1,"never closed ${'y'.repeat(OVERSIZED)}\n2,second row\n3,third row\n`;
    const result = await readTempInput('runaway-quote.csv', csv, { format: 'csv' });
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual([
      'rejected line 2: CSV_MAX_RECORD_SIZE',
      'record line 3: second row',
      'record line 4: third row',
    ]);
  });

  test('JSON Lines: a line over 16 Mi characters is JSON_TOO_LARGE', async () => {
    const jsonl = `{"id":"1","text":"before"}\n{"id":"2","text":"${'x'.repeat(OVER_ELEMENT_LIMIT)}"}\n{"id":"3","text":"after"}\n`;
    const result = await readTempInput('records.jsonl', jsonl);
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual(['record line 1: before', 'rejected line 2: JSON_TOO_LARGE', 'record line 3: after']);
  });

  test('JSON array: an element over 16 Mi characters is JSON_TOO_LARGE, and the elements after it are read', async () => {
    const json = `[{"id":"1","text":"before"},\n{"id":"2","text":"${'x'.repeat(OVER_ELEMENT_LIMIT)}"},\n{"id":"3","text":"after"}]\n`;
    const result = await readTempInput('records.json', json);
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual(['record line 1: before', 'rejected line 2: JSON_TOO_LARGE', 'record line 3: after']);
  });

  test('JSON: a number of 1,000 digits is kept as its text, not Infinity', async () => {
    const digits = `1${'0'.repeat(999)}`;
    const result = await readTempInput('records.jsonl', `{"id":"1","text":"hello","votes":${digits},"small":12}\n`);
    expect(recordsOf(result)[0]?.meta).toMatchObject({ votes: digits, small: 12 });
  });

  test.each([
    [
      'notes.md',
      'event-notes',
      'Before the long line.\n\n',
      '\n\nAfter the long line.\n',
      ['Before the long line.', 'After the long line.'],
    ],
    ['notes.txt', 'event-notes', 'Before the long line.\n', '\nAfter the long line.\n', ['Before the long line.', 'After the long line.']],
    [
      'meeting.txt',
      'transcript-text',
      'JANE: Before the long line.\nTOM: ',
      '\nSAM: After the long line.\n',
      ['Before the long line.', 'After the long line.'],
    ],
    [
      'talk.srt',
      'srt',
      '1\n00:00:01,000 --> 00:00:02,000\nBefore the long line.\n\n',
      '\n\n2\n00:00:03,000 --> 00:00:04,000\nAfter the long line.\n',
      null,
    ],
    [
      'talk.vtt',
      'webvtt',
      'WEBVTT\n\n00:01.000 --> 00:02.000\nBefore the long line.\n\n',
      '\n\n00:03.000 --> 00:04.000\nAfter the long line.\n',
      null,
    ],
    ['talk.sbv', 'sbv', '0:00:01.000,0:00:02.000\nBefore the long line.\n\n', '\n\n0:00:03.000,0:00:04.000\nAfter the long line.\n', null],
  ])('%s (%s): a line over 1 Mi characters is LINE_TOO_LONG', async (name, format, before, after, texts) => {
    const result = await readTempInput(name, `${before}${'word '.repeat(OVER_LINE_LIMIT / 5)}${after}`, { format });
    expect(result.error).toBeNull();
    const rejected = result.items.filter((item) => item.kind === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ code: 'LINE_TOO_LONG', provenance: { file: name } });
    const words = recordsOf(result).map((record) => record.text);
    if (texts !== null) expect(words).toEqual(texts);
    else expect(words.join(' ')).toMatch(/Before the long line\..*After the long line\./s);
  });

  test('WordPress: a comment over 16 Mi characters is XML_ELEMENT_TOO_LARGE, and the comments after it are read', async () => {
    const comment = (id: number, body: string) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>A</wp:comment_author><wp:comment_date_gmt>2020-01-01 00:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${body}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
    const wxr = `<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>T</title>\n${comment(1, 'before')}\n${comment(2, 'x'.repeat(OVER_ELEMENT_LIMIT))}\n${comment(3, 'after')}\n</item></channel></rss>\n`;
    const result = await readTempInput('blog.wxr.xml', wxr, { format: 'wordpress-wxr' });
    expect(result.error).toBeNull();
    expect(itemSummary(result.items)).toEqual(['record line 3: before', 'rejected line 4: XML_ELEMENT_TOO_LARGE', 'record line 5: after']);
  });
});
