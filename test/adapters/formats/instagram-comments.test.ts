import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { instagramCommentsAdapter } from '../../../src/adapters/formats/instagram-comments.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { EXPORT_OWNER_META } from '../../../src/record/record.js';
import { countItems, PROJECT_ROOT, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { graphComment, graphPage, igComment, igExportComment, igMedia, jsonLinesOf, sniffInputOf } from '../../builders/api-pages.js';

const FIXTURES = [
  'graph-page/input.json',
  'pages-jsonl/input.jsonl',
  'media-object/input.json',
  'dyi-post-comments/input.json',
  'dyi-post-comments-2021/input.json',
  'dyi-comments-before-2021/input.json',
];

/** Other formats whose fixtures hold JSON comments or posts, which the instagram reader must leave alone. */
const OTHER_JSON_FORMATS = [
  'facebook-comments',
  'youtube-comments',
  'twitter-api-v2',
  'twitter-api-v1',
  'bluesky',
  'mastodon',
  'reddit',
  'json',
];

/** JSON text with every character past ASCII written as a `\\uXXXX` escape, as Meta's exports write them. */
function escapedAsMeta(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fixtureHead(path: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures/adapters', path), 'utf8').slice(0, 64 * 1024);
}

function otherJsonInputs(): string[] {
  return OTHER_JSON_FORMATS.flatMap((format) =>
    readdirSync(join(PROJECT_ROOT, 'fixtures/adapters', format)).flatMap((fixtureCase) =>
      readdirSync(join(PROJECT_ROOT, 'fixtures/adapters', format, fixtureCase))
        .filter((name) => /^input\.(json|jsonl|ndjson)$/.test(name))
        .map((name) => `${format}/${fixtureCase}/${name}`),
    ),
  );
}

describe('instagram-comments detection', () => {
  test.each(FIXTURES)('%s is read as instagram-comments with its extension, as .txt and with none', (fixture) => {
    const head = fixtureHead(`instagram-comments/${fixture}`);
    const extension = fixture.slice(fixture.lastIndexOf('.'));
    expect(detectFormat(ADAPTERS, sniffInputOf(head, extension))).toEqual({ adapter: instagramCommentsAdapter, reason: 'extension' });
    expect(detectFormat(ADAPTERS, sniffInputOf(head, '.txt'))?.adapter.name).toBe('instagram-comments');
    expect(detectFormat(ADAPTERS, sniffInputOf(head, ''))).toEqual({ adapter: instagramCommentsAdapter, reason: 'content' });
  });

  test('no other reader claims an Instagram file, and the instagram reader claims no other JSON fixture', () => {
    for (const fixture of FIXTURES) {
      const head = fixtureHead(`instagram-comments/${fixture}`);
      const rivals = ADAPTERS.filter((adapter) => adapter !== instagramCommentsAdapter && adapter.sniff(sniffInputOf(head)) >= 0.5);
      expect(rivals.map((adapter) => adapter.name)).toEqual([]);
    }
    const others = otherJsonInputs();
    expect(others.length).toBeGreaterThan(5);
    for (const other of others) expect([other, instagramCommentsAdapter.sniff(sniffInputOf(fixtureHead(other)))]).toEqual([other, 0]);
  });

  test('a Facebook Graph page stays Facebook, an Instagram page with an error line stays Instagram', () => {
    const facebook = JSON.stringify(graphPage([graphComment({ id: '1_2', message: 'More respite please', name: 'Sam' })]));
    expect(detectFormat(ADAPTERS, sniffInputOf(facebook))?.adapter.name).toBe('facebook-comments');
    const instagram = jsonLinesOf([
      { data: [igComment({ id: '18047721944057306', text: 'More respite', username: 'carer_in_leeds' })] },
      { error: { message: 'Invalid OAuth access token', code: 190 } },
    ]);
    expect(detectFormat(ADAPTERS, sniffInputOf(instagram, '.jsonl'))?.adapter.name).toBe('instagram-comments');
  });
});

describe('instagram-comments reading', () => {
  test('a page: each comment, then its replies answering it; the username as author; no profile data kept', async () => {
    const page = {
      data: [
        {
          ...igComment({
            id: '18034470581163297',
            text: 'Heating is £15 a week on its own.',
            username: 'sam.cares.for.mum',
            likeCount: 14,
            replies: [igComment({ id: '17864390122290015', text: '@sam.cares.for.mum thank you', username: 'tlap' })],
          }),
          from: { id: '17841400000000001', username: 'sam.cares.for.mum' },
        },
      ],
      paging: { cursors: { before: 'QVFIUb', after: 'QVFIUa' } },
    };
    const records = recordsOf(await readTempInput('page.json', JSON.stringify(page)));
    expect(records.map((record) => [record.sourceId, record.author, record.inReplyTo, record.channel])).toEqual([
      ['18034470581163297', 'sam.cares.for.mum', null, 'blog-comment'],
      ['17864390122290015', 'tlap', '18034470581163297', 'blog-comment'],
    ]);
    expect(records[0]).toMatchObject({
      date: '2024-12-02T08:40:03.000Z',
      text: 'Heating is £15 a week on its own.',
      meta: { likeCount: 14 },
    });
    expect(JSON.stringify(records)).not.toContain('17841400000000001');
  });

  test('a media object: the caption is not stored; its comments carry the post address and media id', async () => {
    const result = await readTempInput(
      'media.json',
      JSON.stringify(igMedia([igComment({ id: '17850664931298113', text: 'Screen reader please' })])),
    );
    expect(countItems(result)).toEqual({ record: 1 });
    expect(recordsOf(result)[0]?.meta).toEqual({
      postUrl: 'https://www.instagram.com/p/DDA3kZ7oQ2x/',
      mediaId: '17998034911546781',
      likeCount: 0,
    });
  });

  test('a hidden comment is moderated out with its words nowhere; an error is not feedback; a non-comment is rejected', async () => {
    const result = await readTempInput(
      'pages.jsonl',
      jsonLinesOf([
        { data: [igComment({ id: '1', text: 'DM me 07700 900123', hidden: true }), igComment({ id: '2', text: 'Kept' }), { id: '3' }] },
        { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190 } },
      ]),
    );
    expect(countItems(result)).toEqual({ record: 1, 'filtered:moderated-out': 1, 'filtered:not-feedback': 1, 'rejected:NOT_A_COMMENT': 1 });
    expect(JSON.stringify(result.items)).not.toContain('07700');
  });

  test('a "Download your information" file: escaped UTF-8 decoded, no author but marked as the export owner\'s words, the media owner kept, reels entries read', async () => {
    const posts = await readTempInput(
      'post_comments_1.json',
      JSON.stringify([igExportComment('I can’t pay £20 more – Zoë', 'leedscitycouncil', 1733079902)]),
    );
    expect(recordsOf(posts).map((record) => [record.author, record.text, record.date, record.meta])).toEqual([
      [null, 'I can’t pay £20 more – Zoë', '2024-12-01T19:05:02.000Z', { [EXPORT_OWNER_META]: true, mediaOwner: 'leedscitycouncil' }],
    ]);
    const reels = await readTempInput(
      'reels_comments.json',
      JSON.stringify(
        { comments_reels_comments: [igExportComment('Respite matters', 'leedscarersnetwork', 1733166302), { string_map_data: {} }] },
        null,
        2,
      ),
    );
    expect(countItems(reels)).toEqual({ record: 1, 'rejected:NOT_A_COMMENT': 1 });
  });

  test('a "Download your information" file in the account\'s language, its entries under comments_media_comments: the translated field names are read', async () => {
    const dutch = { comment: 'Opmerking', mediaOwner: 'Media-eigenaar', time: 'Tijd' };
    const russian = { comment: 'Комментарий', mediaOwner: 'Владелец медиафайла', time: 'Время' };
    const file = escapedAsMeta(
      JSON.stringify(
        {
          comments_media_comments: [
            igExportComment('Graag meer bankjes in het park', 'gemeente.oost', 1660000000, dutch),
            igExportComment('Больше скамеек, пожалуйста', 'gorod.vostok', 1660000100, russian),
          ],
        },
        null,
        2,
      ),
    );
    const russianOnly = JSON.stringify({
      comments_media_comments: [igExportComment('Больше скамеек', 'gorod.vostok', 1660000100, russian)],
    });
    expect(
      instagramCommentsAdapter.sniff(sniffInputOf(escapedAsMeta(russianOnly).replace('comments_media_comments', 'entries'), '.json')),
    ).toBe(0.95);
    expect(detectFormat(ADAPTERS, sniffInputOf(file, '.json'))?.adapter.name).toBe('instagram-comments');
    const result = await readTempInput('post_comments.json', file);
    expect(recordsOf(result).map((record) => [record.text, record.date, record.meta['mediaOwner'], record.provenance.part])).toEqual([
      ['Graag meer bankjes in het park', '2022-08-08T23:06:40.000Z', 'gemeente.oost', 'comments_media_comments[0]'],
      ['Больше скамеек, пожалуйста', '2022-08-08T23:08:20.000Z', 'gorod.vostok', 'comments_media_comments[1]'],
    ]);
  });

  test('a "Download your information" comment whose Comment holds its own timestamp and the post\'s address: dated, with meta.postUrl', async () => {
    const entries = [
      {
        string_map_data: {
          Comment: { value: 'The new timetable suits us', timestamp: 1710444800 },
          'Media Owner': { value: 'leeds.carers' },
        },
      },
      {
        string_map_data: {
          Comment: { value: 'Thank you for the drop-in', href: 'https://www.instagram.com/p/C4xYz12AbC/', timestamp: 1705268476 },
          'Media Owner': { value: 'leeds.carers' },
        },
      },
    ];
    const records = recordsOf(await readTempInput('post_comments_1.json', JSON.stringify(entries)));
    expect(records.map((record) => [record.date, record.meta['postUrl'] ?? null])).toEqual([
      ['2024-03-14T19:33:20.000Z', null],
      ['2024-01-14T21:41:16.000Z', 'https://www.instagram.com/p/C4xYz12AbC/'],
    ]);
  });

  test('Instagram files of other activity that use string_map_data are not read as comments', () => {
    const viewed = JSON.stringify({
      impressions_history_posts_seen: [{ string_map_data: { Author: { value: 'someone' }, Time: { timestamp: 1660000000 } } }],
    });
    expect(instagramCommentsAdapter.sniff(sniffInputOf(viewed, '.json'))).toBe(0);
  });

  test('a "Download your information" comment entry whose Comment value is an empty string is filtered as empty text, not rejected as no comment', async () => {
    const result = await readTempInput(
      'post_comments_1.json',
      JSON.stringify([igExportComment('', 'leedscitycouncil', 1733079902), igExportComment('Thank you', 'leedscitycouncil', 1733079903)]),
    );
    expect(countItems(result)).toEqual({ record: 1, 'filtered:empty-text': 1 });
  });
});
