import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { redditAdapter } from '../../../src/adapters/formats/reddit.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { jsonLinesOf, sniffInputOf } from '../../builders/api-pages.js';
import {
  REDDIT_POST_ID,
  redditComment,
  redditCommentData,
  redditListing,
  redditMore,
  redditPost,
  redditReplyChain,
  redditThing,
  redditThread,
} from '../../builders/forum-threads.js';

const FIXTURES = ['thread/input.json', 'user-comments/input.json', 'arctic-shift/input.jsonl'];

/** Other formats' fixtures that hold JSON comments or posts, which the reddit reader must leave alone. */
const OTHER_JSON_FIXTURES = [
  'youtube-comments',
  'facebook-comments',
  'bluesky',
  'mastodon',
  'twitter-api-v2',
  'twitter-api-v1',
  'commento-json',
  'json',
  'transcript-json',
  'slack-export',
];

function fixtureHead(path: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures/adapters', path), 'utf8').slice(0, 64 * 1024);
}

function otherJsonInputs(): string[] {
  return OTHER_JSON_FIXTURES.flatMap((format) => {
    const dir = join(PROJECT_ROOT, 'fixtures/adapters', format);
    return readdirNames(dir).flatMap((fixtureCase) =>
      readdirNames(join(dir, fixtureCase))
        .filter((name) => /^input\.(json|jsonl|ndjson)$/.test(name))
        .map((name) => `${format}/${fixtureCase}/${name}`),
    );
  });
}

function readdirNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

describe('reddit detection', () => {
  test.each(FIXTURES)('%s is read as reddit by its content, with its extension, as .txt and with none', (fixture) => {
    const head = fixtureHead(`reddit/${fixture}`);
    const extension = fixture.slice(fixture.lastIndexOf('.'));
    expect(detectFormat(ADAPTERS, sniffInputOf(head, extension))).toEqual({ adapter: redditAdapter, reason: 'extension' });
    expect(detectFormat(ADAPTERS, sniffInputOf(head, '.txt'))?.adapter.name).toBe('reddit');
    expect(detectFormat(ADAPTERS, sniffInputOf(head, ''))).toEqual({ adapter: redditAdapter, reason: 'content' });
  });

  test('no other reader claims a Reddit file, and the reddit reader claims no other JSON fixture', () => {
    for (const fixture of FIXTURES) {
      const head = fixtureHead(`reddit/${fixture}`);
      const rivals = ADAPTERS.filter((adapter) => adapter !== redditAdapter && adapter.sniff(sniffInputOf(head)) >= 0.5);
      expect(rivals.map((adapter) => adapter.name)).toEqual([]);
    }
    const others = otherJsonInputs();
    expect(others.length).toBeGreaterThan(5);
    for (const other of others) expect([other, redditAdapter.sniff(sniffInputOf(fixtureHead(other)))]).toEqual([other, 0]);
  });

  test('a compact thread, a Listing of posts and a dump page of bare comments are recognised', () => {
    const heads = [
      JSON.stringify(redditThread(redditPost('Title', 'Text'), [redditComment({ id: 'c1' })])),
      JSON.stringify(redditListing([redditPost('Title', 'Text')]), null, 2),
      JSON.stringify({ data: [redditCommentData({ id: 'c1' })] }),
    ];
    for (const head of heads) expect(detectFormat(ADAPTERS, sniffInputOf(head))?.adapter.name).toBe('reddit');
  });
});

describe('reddit reading', () => {
  test('a thread: the post then each comment and its replies, each reply naming its parent by fullname', async () => {
    const thread = redditThread(redditPost('Home care charges &amp; PIP', 'Has anyone responded?'), [
      redditComment({
        id: 'c1',
        body: '&gt; Has anyone responded?\n\nYes: Q6 was **confusing**.',
        replies: [redditComment({ id: 'c2', body: 'Same &amp; worse', parentId: 't1_c1' })],
      }),
      redditComment({ id: 'c3', body: 'Respite matters most' }),
    ]);
    const records = recordsOf(await readTempInput('thread.json', JSON.stringify(thread)));
    expect(records.map((record) => [record.sourceId, record.inReplyTo, record.text])).toEqual([
      [`t3_${REDDIT_POST_ID}`, null, 'Home care charges & PIP\n\nHas anyone responded?'],
      ['t1_c1', `t3_${REDDIT_POST_ID}`, 'Yes: Q6 was confusing.'],
      ['t1_c2', 't1_c1', 'Same & worse'],
      ['t1_c3', `t3_${REDDIT_POST_ID}`, 'Respite matters most'],
    ]);
    expect(records[1]).toMatchObject({
      channel: 'forum',
      author: 'quiet_carer_88',
      date: '2024-11-30T10:37:21.000Z',
      url: `https://www.reddit.com/r/CarersUK/comments/${REDDIT_POST_ID}/council_consultation_on_home_care_charges/c1/`,
      meta: { postTitle: 'Home care charges & PIP', postId: `t3_${REDDIT_POST_ID}`, subreddit: 'CarersUK', score: 4 },
    });
    expect(JSON.stringify(records)).not.toContain('t2_9x1kq3v2');
  });

  test('a reply chain 45 deep is read in order with a stack; one nested past the JSON limit is refused, the rest read', async () => {
    const deep = recordsOf(await readTempInput('deep.json', JSON.stringify(redditThread(redditPost('T', ''), [redditReplyChain(45)]))));
    expect(deep.map((record) => record.text)).toEqual(['T', ...Array.from({ length: 45 }, (_, index) => `reply ${index + 1}`)]);
    expect(deep[45]?.inReplyTo).toBe('t1_d44');
    const tooDeep = await readTempInput('deeper.json', JSON.stringify(redditThread(redditPost('T', ''), [redditReplyChain(60)])));
    expect(countItems(tooDeep)).toEqual({ record: 1, 'rejected:JSON_TOO_DEEP': 1 });
  });

  test("deleted, removed, AutoModerator, moderators' notices and bots are filtered by rule; their words are nowhere", async () => {
    const result = await readTempInput(
      'c.json',
      JSON.stringify(
        redditListing([
          redditComment({ id: 'a', body: '[deleted]', author: '[deleted]' }),
          redditComment({ id: 'b', body: '[removed]', author: '[deleted]' }),
          redditComment({ id: 'c', body: 'Rule 3 reminder 07700 900123', author: 'AutoModerator' }),
          redditComment({ id: 'd', body: 'Thread locked 07700 900123', author: 'a_mod', distinguished: 'moderator' }),
          redditComment({ id: 'e', body: 'Reminder set 07700 900123', author: 'RemindMeBot' }),
          redditComment({ id: 'f', body: "Summary 07700 900123\n\n^^I'm ^^a ^^bot", author: 'tldr_helper' }),
          redditComment({ id: 'g', body: 'Talbot here: the charges are unfair', author: 'Talbot' }),
          redditMore(`t3_${REDDIT_POST_ID}`, ['h', 'i']),
        ]),
      ),
    );
    expect(countItems(result)).toEqual({
      record: 1,
      'filtered:deleted': 1,
      'filtered:moderated-out': 1,
      'filtered:not-feedback': 4,
      'filtered:not-a-comment': 1,
    });
    expect(recordsOf(result)[0]?.author).toBe('Talbot');
    expect(JSON.stringify(result.items)).not.toContain('07700');
  });

  test('a comment whose account was deleted keeps its words with no author', async () => {
    const [record] = recordsOf(
      await readTempInput('c.json', JSON.stringify(redditListing([redditComment({ id: 'a', author: '[deleted]', body: 'Still here' })]))),
    );
    expect([record?.author, record?.text]).toEqual([null, 'Still here']);
  });

  test("a comment's edited epoch seconds are its meta.editedAt; edited false gives none", async () => {
    const result = await readTempInput(
      'dump.jsonl',
      jsonLinesOf([redditCommentData({ id: 'x1', edited: 1733690000 }), redditCommentData({ id: 'x2', edited: false })]),
    );
    expect(recordsOf(result).map((record) => [record.sourceId, record.meta['editedAt'] ?? null])).toEqual([
      ['t1_x1', '2024-12-08T20:33:20.000Z'],
      ['t1_x2', null],
    ]);
  });

  test('dump lines and an API page of bare comments: ids get their t1_ prefix, string dates read, errors not feedback', async () => {
    const result = await readTempInput(
      'dump.jsonl',
      jsonLinesOf([
        redditCommentData({ id: 'x1', createdUtc: '1733136002' }),
        { data: [redditCommentData({ id: 'x2' }), { id: 'x3' }] },
        { message: 'Forbidden', error: 403 },
        redditThing('t5', { display_name: 'CarersUK' }),
      ]),
    );
    expect(countItems(result)).toEqual({ record: 2, 'rejected:NOT_A_COMMENT': 2, 'filtered:not-feedback': 1 });
    expect(recordsOf(result).map((record) => [record.sourceId, record.date])).toEqual([
      ['t1_x1', '2024-12-02T10:40:02.000Z'],
      ['t1_x2', '2024-11-30T10:37:21.000Z'],
    ]);
  });

  test('a comment saved without its permalink links to its place in the thread, or to the comment by subreddit and post id', async () => {
    const thread = await readFileItems(join(PROJECT_ROOT, 'fixtures/adapters/reddit/no-comment-permalinks/input.json'));
    expect(recordsOf(thread).map((record) => record.url)).toEqual([
      'https://www.reddit.com/r/CarersUK/comments/3k9q2z/respite_budget_consultation/',
      'https://www.reddit.com/r/CarersUK/comments/3k9q2z/respite_budget_consultation/cuvw7k1/',
      'https://www.reddit.com/r/CarersUK/comments/3k9q2z/respite_budget_consultation/cuvx0b2/',
    ]);
    const { permalink: _permalink, ...withoutPermalink } = redditCommentData({ id: 'x9' });
    const [dumped] = recordsOf(await readTempInput('dump.jsonl', jsonLinesOf([withoutPermalink])));
    expect(dumped?.url).toBe(`https://www.reddit.com/r/CarersUK/comments/${REDDIT_POST_ID}/_/x9/`);
  });

  test('a date no calendar holds (created_utc 1e300) leaves the comment undated; the run goes on', async () => {
    const result = await readTempInput(
      'dump.jsonl',
      `{"id": "x1", "body": "Respite was cancelled again", "parent_id": "t3_p", "link_id": "t3_p", "created_utc": 1e300}\n${jsonLinesOf([
        redditCommentData({ id: 'x2' }),
      ])}`,
    );
    expect(result.error).toBeNull();
    expect(recordsOf(result).map((record) => [record.sourceId, record.date])).toEqual([
      ['t1_x1', null],
      ['t1_x2', '2024-11-30T10:37:21.000Z'],
    ]);
  });

  test('a removed post is filtered, and the comments under it still carry its title', async () => {
    const result = await readTempInput(
      't.json',
      JSON.stringify(redditThread(redditPost('Charges consultation', '[removed]'), [redditComment({ id: 'c1', body: 'Kept' })])),
    );
    expect(countItems(result)).toEqual({ record: 1, 'filtered:moderated-out': 1 });
    expect(recordsOf(result)[0]?.meta['postTitle']).toBe('Charges consultation');
  });
});
