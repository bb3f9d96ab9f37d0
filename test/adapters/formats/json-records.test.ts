import { describe, expect, test } from '@jest/globals';
import { jsonRecordsAdapter } from '../../../src/adapters/formats/json-records.js';
import { countItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';
import type { ReadFileOptions } from '../../../src/ingest/read-input-file.js';
import { readTempInput } from '../../helpers/temp-input.js';
import {
  graphComment,
  graphComments,
  graphPage,
  youtubeThread,
  youtubeThreadPage,
  jsonLinesOf,
  sniffInputOf,
} from '../../builders/api-pages.js';

/** Reads `content` saved as `name` with the json reader, `name` its path in provenance and messages. */
const read = (name: string, content: string, options: Partial<ReadFileOptions> = {}): Promise<FileReadResult> =>
  readTempInput(name, content, { format: 'json', ...options });
const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('json: API responses that wrap their records', () => {
  test('a Graph API page, one line or pretty-printed: its data are the records, paging is ignored', async () => {
    const page = graphPage([graphComment({ id: '1_2', message: 'More respite please', name: 'Ann Smith' })]);
    for (const text of [JSON.stringify(page), pretty(page)]) {
      const result = await read('graph.json', text);
      expect(result).toMatchObject({ format: 'json', error: null });
      expect(recordsOf(result).map(({ sourceId, author, date, text: words, meta }) => ({ sourceId, author, date, words, meta }))).toEqual([
        {
          sourceId: '1_2',
          author: 'Ann Smith',
          date: '2024-01-02T14:30:00.000Z',
          words: 'More respite please',
          meta: { 'from.id': 'u-9' },
        },
      ]);
    }
  });

  test('JSON Lines of pages (one API page per line, as scrapers write them), empty last page included', async () => {
    const comments = graphComments(5);
    const result = await read('pages.jsonl', jsonLinesOf([graphPage(comments.slice(0, 3)), graphPage(comments.slice(3)), graphPage([])]));
    expect(countItems(result)).toEqual({ record: 5 });
    expect(recordsOf(result).map((record) => [record.sourceId, record.provenance])).toEqual([
      ['1_1', { file: 'pages.jsonl', line: 1, part: 'data[0]', row: 1 }],
      ['1_2', { file: 'pages.jsonl', line: 1, part: 'data[1]', row: 2 }],
      ['1_3', { file: 'pages.jsonl', line: 1, part: 'data[2]', row: 3 }],
      ['1_4', { file: 'pages.jsonl', line: 2, part: 'data[0]', row: 4 }],
      ['1_5', { file: 'pages.jsonl', line: 2, part: 'data[1]', row: 5 }],
    ]);
  });

  test('an array of pages; a reply keeps its parent (parent.id)', async () => {
    const reply = graphComment({ id: '1_9', message: 'Agreed', name: 'Bo', parentId: '1_1' });
    const result = await read('pages.json', pretty([graphPage(graphComments(1)), graphPage([reply])]));
    expect(recordsOf(result).map((record) => [record.sourceId, record.inReplyTo])).toEqual([
      ['1_1', null],
      ['1_9', '1_1'],
    ]);
  });

  test('the records member is found past a head of metadata (streamed, never read whole)', async () => {
    const padding = Array.from({ length: 3000 }, (_, index) => ({ field: `f${index}`, description: 'x'.repeat(20) }));
    const text = pretty({ schema: { fields: padding }, answers: graphComments(2), labels: ['a'] });
    expect(text.length).toBeGreaterThan(64 * 1024);
    const result = await read('big.json', text);
    expect(recordsOf(result).map((record) => record.sourceId)).toEqual(['1_1', '1_2']);
  });

  test('a bad element is a rejection on its line, the rest is read', async () => {
    const text = [
      '{',
      '  "value": [',
      '    {"body": "first"},',
      '    "not an object",',
      '    {"body": "third"}',
      '  ],',
      '  "@odata.nextLink": "x"',
      '}',
    ].join('\n');
    const result = await read('graph.json', text);
    expect(countItems(result)).toEqual({ record: 2, 'rejected:NOT_AN_OBJECT': 1 });
    expect(result.items[1]).toMatchObject({ kind: 'rejected', provenance: { file: 'graph.json', line: 4, row: 2 } });
  });

  test('a root object with text of its own is one record; one that wraps nothing is refused as before', async () => {
    const own = await read('one.json', pretty({ text: 'A single response', tags: [{ a: 1 }] }));
    expect(recordsOf(own).map((record) => [record.text, record.meta])).toEqual([['A single response', { tags: [{ a: 1 }] }]]);
    const nothing = await read('q.json', pretty({ question_number: 1, question_text: 'Should…?' }));
    expect(nothing.error).toBe('q.json: holds a single JSON object, not an array of records or JSON Lines (one object per line)');
  });

  test('a record holding an array of objects is still a record when it has text', async () => {
    const result = await read('r.jsonl', jsonLinesOf([{ message: 'Hello', replies: [{ message: 'Hi' }] }]));
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Hello']);
  });

  test('a page without text fields in its records is refused naming its columns', async () => {
    const result = await read('y.json', JSON.stringify(youtubeThreadPage([youtubeThread({ id: 'Ug1', textOriginal: 'Hi' })])), {
      format: 'json',
    });
    expect(result.error).toBe('y.json: no text column found (columns: "kind", "etag", "id", "snippet")');
  });
});

describe('json: nested fields as dotted paths', () => {
  test('--map names nested fields by their path', async () => {
    const page = youtubeThreadPage([youtubeThread({ id: 'Ug1', textOriginal: 'Great video', author: '@carer1' })]);
    const result = await read('y.json', JSON.stringify(page), {
      format: 'json',
      map: { text: 'snippet.topLevelComment.snippet.textOriginal', author: 'snippet.topLevelComment.snippet.authorDisplayName' },
    });
    expect(recordsOf(result).map((record) => [record.text, record.author, record.date, record.meta['snippet.videoId']])).toEqual([
      ['Great video', '@carer1', '2024-01-02T10:00:00.000Z', 'vid00000001'],
    ]);
  });

  test('author from user.screen_name or author.name; a later record brings a field the first lacked', async () => {
    const result = await read(
      'n.jsonl',
      jsonLinesOf([
        { text: 'First, anonymous' },
        { text: 'Second', user: { screen_name: 'carer2', id: 7 } },
        { text: 'Third', user: { screen_name: 'carer3' } },
      ]),
    );
    expect(recordsOf(result).map((record) => [record.author, record.meta])).toEqual([
      [null, {}],
      ['carer2', { 'user.id': 7 }],
      ['carer3', {}],
    ]);
  });

  test('never an object’s or an array’s JSON as author or text', async () => {
    const result = await read(
      'o.json',
      pretty([
        { text: 'Hello', author: ['Ann', 'Bo'] },
        { text: { nested: 'no' }, body: 'b' },
      ]),
      {
        format: 'json',
      },
    );
    expect(recordsOf(result).map((record) => [record.text, record.author, record.meta])).toEqual([
      ['Hello', null, { author: ['Ann', 'Bo'] }],
    ]);
    expect(countItems(result)).toEqual({ record: 1, 'filtered:empty-text': 1 });
    const mapped = await read('m.json', pretty([{ body: 'Hi', who: { name: 'x' }, people: ['a'] }]), {
      map: { author: 'people' },
    });
    expect(recordsOf(mapped).map((record) => [record.author, record.meta])).toEqual([[null, { 'who.name': 'x', people: ['a'] }]]);
  });
});

describe('json sniffing', () => {
  test('a root object wrapping an array of objects is recognised, weakly, so that specific formats win', () => {
    const head = pretty(graphPage(graphComments(1)));
    expect(jsonRecordsAdapter.sniff(sniffInputOf(head))).toBe(0.1);
    expect(jsonRecordsAdapter.sniff(sniffInputOf(head, ''))).toBe(0.55);
    expect(jsonRecordsAdapter.sniff(sniffInputOf(pretty({ question_text: 'x' }), ''))).toBe(0);
  });
});

describe('json: bodies written as HTML', () => {
  test("an API's HTML body (a Mastodon status) is read as plain text: links keep their words, entities decoded", async () => {
    const status = {
      id: '111',
      created_at: '2024-01-02T10:00:00.000Z',
      content:
        '<p>Carers need more <a href="https://example.social/tags/respite" class="hashtag">#<span>respite</span></a> &amp; support</p><p>Please</p>',
      account: { acct: 'ann', display_name: 'Ann Smith' },
    };
    expect(recordsOf(await read('statuses.json', JSON.stringify([status]))).map((record) => record.text)).toEqual([
      'Carers need more #respite & support\n\nPlease',
    ]);
  });

  test('a text with a < sign, a heart or an entity but no markup element is kept as written', async () => {
    const texts = ['Waiting times < 2 weeks please', 'Love the day centre <3', 'Tom &amp; Jerry club', 'Use <angle> brackets'];
    const records = recordsOf(await read('plain.json', JSON.stringify(texts.map((text, index) => ({ id: String(index), text })))));
    expect(records.map((record) => record.text)).toEqual(texts);
  });
});
