import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { facebookCommentsAdapter } from '../../../src/adapters/formats/facebook-comments.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';
import {
  graphComment,
  graphComments,
  graphPage,
  youtubeThread,
  youtubeThreadPage,
  jsonLinesOf,
  sniffInputOf,
} from '../../builders/api-pages.js';

/** Text as Facebook's Download Your Information JSON writes it: each UTF-8 byte one character. */
const asFacebookWritesIt = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** A Download Your Information comments file with these comments. */
function dyiComments(comments: readonly { text: string; author: string; timestamp: number }[]): string {
  const entries = comments.map(({ text, author, timestamp }) => ({
    timestamp,
    data: [{ comment: { timestamp, comment: asFacebookWritesIt(text), author: asFacebookWritesIt(author) } }],
    title: asFacebookWritesIt(`${author} commented on a post.`),
  }));
  return `${JSON.stringify({ comments_v2: entries }, null, 2)}\n`;
}

describe('facebook-comments detection', () => {
  test('Graph comment pages and DYI comment files are recognised over the generic json reader', () => {
    const page = graphPage(graphComments(2));
    for (const head of [
      JSON.stringify(page),
      JSON.stringify(page, null, 2),
      jsonLinesOf([page, page]),
      dyiComments([{ text: 'Hi', author: 'Zoë', timestamp: 1 }]),
    ]) {
      expect(detectFormat(ADAPTERS, sniffInputOf(head))?.adapter.name).toBe('facebook-comments');
    }
  });

  test('other pages are left to their readers', () => {
    expect(
      facebookCommentsAdapter.sniff(sniffInputOf(JSON.stringify(youtubeThreadPage([youtubeThread({ id: 'U', textOriginal: 'x' })])))),
    ).toBe(0);
    expect(
      facebookCommentsAdapter.sniff(
        sniffInputOf(
          '{"data": [{"id": "1460323737035677698", "text": "a tweet", "created_time": "2021-11-15T18:59:52+0000", "message": "x"}]}',
        ),
      ),
    ).toBe(0);
    expect(facebookCommentsAdapter.sniff(sniffInputOf('{"comments": [{"commentHex": "a", "markdown": "b"}]}'))).toBe(0);
  });
});

describe('facebook-comments reading', () => {
  test('Graph pages one per line: comments, replies nested under comments.data, parent links', async () => {
    const withReply = {
      ...graphComment({ id: '1_1', message: 'First', name: 'Ann' }),
      comments: { data: [graphComment({ id: '1_2', message: 'Reply', name: 'Bo' })] },
    };
    const result = await readTempInput(
      'pages.jsonl',
      jsonLinesOf([graphPage([withReply]), graphPage([graphComment({ id: '1_3', message: 'Later reply', parentId: '1_1' })])]),
    );
    expect(recordsOf(result).map((record) => [record.sourceId, record.author, record.inReplyTo, record.provenance.part])).toEqual([
      ['1_1', 'Ann', null, 'data[0]'],
      ['1_2', 'Bo', '1_1', 'data[0].comments.data[0]'],
      ['1_3', null, '1_1', 'data[0]'],
    ]);
  });

  test('a Graph error response is not feedback', async () => {
    const result = await readTempInput(
      'e.jsonl',
      jsonLinesOf([graphPage(graphComments(1)), { error: { code: 190, message: 'Error validating access token' } }]),
    );
    expect(countItems(result)).toEqual({ record: 1, 'filtered:not-feedback': 1 });
  });

  test('DYI strings written as UTF-8 bytes are decoded back; the date is the unix timestamp', async () => {
    const result = await readTempInput(
      'comments.json',
      dyiComments([{ text: 'I don’t agree – not at all 👎', author: 'Zoë Ní Bhriain', timestamp: 1712080000 }]),
    );
    expect(recordsOf(result).map(({ author, text, date, meta }) => ({ author, text, date, meta }))).toEqual([
      {
        author: 'Zoë Ní Bhriain',
        text: 'I don’t agree – not at all 👎',
        date: '2024-04-02T17:46:40.000Z',
        meta: { title: 'Zoë Ní Bhriain commented on a post.' },
      },
    ]);
  });

  test('older DYI files list entries under "comments"', async () => {
    const text = dyiComments([{ text: 'Old export', author: 'Al', timestamp: 1400000000 }]).replace('"comments_v2"', '"comments"');
    const result = await readTempInput('comments.json', text);
    expect(result.format).toBe('facebook-comments');
    expect(recordsOf(result).map((record) => record.text)).toEqual(['Old export']);
  });
});

describe('facebook-comments: a DYI file on one line', () => {
  test('is read entry by entry like the pretty-printed one', async () => {
    const oneLine = `${JSON.stringify(JSON.parse(dyiComments([{ text: 'Short', author: 'Zoë', timestamp: 1712080000 }])))}\n`;
    const result = await readTempInput('comments.json', oneLine);
    expect(recordsOf(result).map((record) => [record.author, record.text, record.provenance.part])).toEqual([
      ['Zoë', 'Short', 'comments_v2[0]'],
    ]);
  });
});

describe('facebook-comments: private conversations in a Download Your Information export', () => {
  const conversation = JSON.stringify(
    {
      participants: [{ name: 'Jane Smith' }, { name: 'Ahmed Khan' }],
      messages: [{ sender_name: 'Jane Smith', timestamp_ms: 1705312992123, content: 'Call me on 07700 900123 about my mum' }],
      title: 'Jane Smith',
      is_still_participant: true,
      thread_path: 'inbox/janesmith_123',
    },
    null,
    2,
  );

  test('a Messenger or Instagram conversation is recognised and never read: NOT_FEEDBACK, no words kept', async () => {
    const result = await readTempInput('message_1.json', conversation);
    expect(result.format).toBe('facebook-comments');
    expect(result.items).toEqual([]);
    expect(result.error).toContain('a conversation of private messages');
    expect(result.error).not.toContain('07700');
  });
});

describe('a bad comment among many', () => {
  test('in an array of Graph pages, is named by its page and its place in it', async () => {
    const [first, second] = graphComments(2);
    const pages = [graphPage([first]), graphPage([second, { id: 'no-message' }])];
    const result = await readTempInput('comments.json', JSON.stringify(pages));
    expect(result.format).toBe('facebook-comments');
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: '[1].data[1]' }]);
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual(['[0].data[0]', '[1].data[0]']);
  });

  test('in a Download Your Information file, minified or not, is named by its place in comments_v2', async () => {
    const file = JSON.parse(
      dyiComments([
        { text: 'First', author: 'Ann', timestamp: 1 },
        { text: 'Second', author: 'Raj', timestamp: 2 },
      ]),
    ) as { comments_v2: unknown[] };
    file.comments_v2.splice(1, 0, { timestamp: 3, data: [{ nothing: true }] });
    for (const text of [JSON.stringify(file), JSON.stringify(file, null, 2)]) {
      const result = await readTempInput('your_comments.json', text);
      expect(result.format).toBe('facebook-comments');
      expect(rejectedPlaces(result).map((place) => place.part)).toEqual(['comments_v2[1]']);
      expect(recordsOf(result).map((record) => record.provenance.part)).toEqual(['comments_v2[0]', 'comments_v2[2]']);
    }
  });
});
