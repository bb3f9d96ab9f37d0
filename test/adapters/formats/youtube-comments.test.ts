import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { youtubeCommentsAdapter } from '../../../src/adapters/formats/youtube-comments.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { countItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput, rejectedPlaces } from '../../helpers/temp-input.js';
import {
  graphComments,
  graphPage,
  youtubeComment,
  youtubeCommentPage,
  youtubeThread,
  youtubeThreadPage,
  jsonLinesOf,
  sniffInputOf,
} from '../../builders/api-pages.js';

const THREAD = youtubeThread({ id: 'Ug1', textOriginal: 'Great video about "personal budgets"', author: '@carer1' }, [
  { id: 'Ug1.r1', textDisplay: 'Agreed &amp; shared<br>with my <b>group</b>', author: 'Raj' },
]);

describe('youtube-comments detection', () => {
  test('a thread page, a comment page, a bare thread are recognised; the generic json reader does not win', () => {
    for (const value of [youtubeThreadPage([THREAD]), youtubeCommentPage([youtubeComment({ id: 'c', textOriginal: 'x' })]), [THREAD]]) {
      for (const head of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        expect(detectFormat(ADAPTERS, sniffInputOf(head))?.adapter.name).toBe('youtube-comments');
        expect(detectFormat(ADAPTERS, sniffInputOf(head, '.txt'))?.adapter.name).toBe('youtube-comments');
      }
    }
  });

  test('other JSON API pages are not claimed', () => {
    expect(youtubeCommentsAdapter.sniff(sniffInputOf(JSON.stringify(graphPage(graphComments(2)))))).toBe(0);
    expect(youtubeCommentsAdapter.sniff(sniffInputOf('{"kind": "youtube#playlistItemListResponse", "items": []}'))).toBe(0);
  });
});

describe('youtube-comments reading', () => {
  test('a thread gives its top-level comment and its replies, replies linked to their parent', async () => {
    const result = await readTempInput('comments.json', JSON.stringify(youtubeThreadPage([THREAD])));
    expect(result.format).toBe('youtube-comments');
    expect(
      recordsOf(result).map(({ sourceId, author, date, text, url, inReplyTo, meta, provenance }) => ({
        sourceId,
        author,
        date,
        text,
        url,
        inReplyTo,
        meta,
        part: provenance.part,
      })),
    ).toEqual([
      {
        sourceId: 'Ug1',
        author: '@carer1',
        date: '2024-01-02T10:00:00.000Z',
        text: 'Great video about "personal budgets"',
        url: 'https://www.youtube.com/watch?v=vid00000001&lc=Ug1',
        inReplyTo: null,
        meta: { postUrl: 'https://www.youtube.com/watch?v=vid00000001', videoId: 'vid00000001', likeCount: 0 },
        part: 'items[0].snippet.topLevelComment',
      },
      {
        sourceId: 'Ug1.r1',
        author: 'Raj',
        date: '2024-01-02T10:00:00.000Z',
        text: 'Agreed & shared\nwith my group',
        url: 'https://www.youtube.com/watch?v=vid00000001&lc=Ug1.r1',
        inReplyTo: 'Ug1',
        meta: { postUrl: 'https://www.youtube.com/watch?v=vid00000001', videoId: 'vid00000001', likeCount: 0 },
        part: 'items[0].replies.comments[0]',
      },
    ]);
  });

  test('pages one per line, a comments.list page, and a bare array of comments read alike', async () => {
    const reply = youtubeComment({ id: 'Ug1.r2', textOriginal: 'Thanks', parentId: 'Ug1' });
    const paged = await readTempInput('pages.jsonl', jsonLinesOf([youtubeThreadPage([THREAD]), youtubeCommentPage([reply])]));
    expect(recordsOf(paged).map((record) => [record.sourceId, record.inReplyTo])).toEqual([
      ['Ug1', null],
      ['Ug1.r1', 'Ug1'],
      ['Ug1.r2', 'Ug1'],
    ]);
    const bare = await readTempInput('replies.json', JSON.stringify([reply], null, 2));
    expect(recordsOf(bare).map((record) => [record.sourceId, record.inReplyTo, record.provenance.line])).toEqual([['Ug1.r2', 'Ug1', 2]]);
  });

  test('a pretty-printed page is streamed, each comment on its own line', async () => {
    const result = await readTempInput(
      'page.json',
      JSON.stringify(youtubeThreadPage([THREAD, youtubeThread({ id: 'Ug2', textOriginal: 'Second' })]), null, 2),
    );
    expect(recordsOf(result).map((record) => [record.sourceId, record.provenance.part])).toEqual([
      ['Ug1', 'items[0].snippet.topLevelComment'],
      ['Ug1.r1', 'items[0].replies.comments[0]'],
      ['Ug2', 'items[1].snippet.topLevelComment'],
    ]);
    expect(new Set(recordsOf(result).map((record) => record.provenance.line)).size).toBe(2);
  });

  test('moderation states are filtered, API errors are not feedback, strangers are rejected, all counted', async () => {
    const held = youtubeComment({ id: 'h', textOriginal: 'held' });
    (held['snippet'] as Record<string, unknown>)['moderationStatus'] = 'heldForReview';
    const error = { error: { code: 403, message: 'The video has disabled comments.', errors: [{ reason: 'commentsDisabled' }] } };
    const result = await readTempInput(
      'mixed.jsonl',
      jsonLinesOf([youtubeCommentPage([held, { kind: 'youtube#video', id: 'v' }, 'text']), error]),
    );
    expect(countItems(result)).toEqual({ 'filtered:unapproved': 1, 'rejected:NOT_A_COMMENT': 2, 'filtered:not-feedback': 1 });
    expect(result.items.at(-1)).toMatchObject({ kind: 'filtered', detail: 'API error 403: The video has disabled comments.' });
  });

  test('a comment without an id is rejected on its own', async () => {
    const broken = youtubeComment({ id: 'x', textOriginal: 'no id' });
    delete broken['id'];
    const result = await readTempInput(
      'c.json',
      JSON.stringify(youtubeCommentPage([broken, youtubeComment({ id: 'ok', textOriginal: 'fine' })])),
    );
    expect(countItems(result)).toEqual({ 'rejected:NOT_A_COMMENT': 1, record: 1 });
  });
});

describe('a bad comment among many', () => {
  test('in an array of pages, is named by its page and its place in it', async () => {
    const pages = [youtubeThreadPage([THREAD]), youtubeThreadPage([youtubeThread({ id: 'Ug2', textOriginal: 'Second' }), {}])];
    const result = await readTempInput('threads.json', JSON.stringify(pages));
    expect(result.format).toBe('youtube-comments');
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: '[1].items[1]' }]);
    expect(recordsOf(result).map((record) => record.provenance.part)).toEqual([
      '[0].items[0].snippet.topLevelComment',
      '[0].items[0].replies.comments[0]',
      '[1].items[0].snippet.topLevelComment',
    ]);
  });

  test('in one page, is named by its place in items', async () => {
    const result = await readTempInput('threads.json', JSON.stringify(youtubeThreadPage([THREAD, { kind: 'youtube#comment' }])));
    expect(rejectedPlaces(result)).toEqual([{ line: 1, part: 'items[1]' }]);
  });
});
