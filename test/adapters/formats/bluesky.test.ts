import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { blueskyAdapter } from '../../../src/adapters/formats/bluesky.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { countItems, PROJECT_ROOT, recordsOf } from '../../helpers/read-fixture.js';
import { readTempInput } from '../../helpers/temp-input.js';
import { jsonLinesOf, sniffInputOf } from '../../builders/api-pages.js';
import { blueskyDid, blueskyPost, blueskyUri, feedItem, linkFacet, mastodonStatus, threadNode } from '../../builders/social-posts.js';

const FIXTURES = ['search-posts/input.json', 'post-thread/input.json', 'author-feed/input.jsonl'];

function fixtureHead(fixture: string): string {
  return readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/bluesky', fixture), 'utf8').slice(0, 64 * 1024);
}

describe('bluesky detection', () => {
  test.each(FIXTURES)('%s is read as bluesky by its content, with its extension, as .txt and with none', (fixture) => {
    const head = fixtureHead(fixture);
    const extension = fixture.slice(fixture.lastIndexOf('.'));
    expect(detectFormat(ADAPTERS, sniffInputOf(head, extension))).toEqual({ adapter: blueskyAdapter, reason: 'extension' });
    expect(detectFormat(ADAPTERS, sniffInputOf(head, '.txt'))?.adapter.name).toBe('bluesky');
    expect(detectFormat(ADAPTERS, sniffInputOf(head, ''))).toEqual({ adapter: blueskyAdapter, reason: 'content' });
  });

  test('an array of post views and a thread whose first post is not found are recognised', () => {
    const posts = [blueskyPost({ rkey: '3lbfo3xg4ls2v' })];
    const thread = { thread: { $type: 'app.bsky.feed.defs#notFoundPost', uri: blueskyUri({ rkey: '3lbfo3xg4ls2v' }), notFound: true } };
    for (const value of [posts, thread])
      expect(detectFormat(ADAPTERS, sniffInputOf(JSON.stringify(value, null, 2)))?.adapter.name).toBe('bluesky');
  });

  test('Mastodon statuses, tweets and other JSON are not claimed; Bluesky posts are claimed by no other reader', () => {
    const others = [
      JSON.stringify([mastodonStatus({ id: '1' })]),
      readFileSync(join(PROJECT_ROOT, 'fixtures/adapters/twitter-api-v2/pretty-page/input.json'), 'utf8'),
      '[{"uri": "https://example.org/1", "text": "More respite please"}]',
    ];
    for (const head of others) expect(blueskyAdapter.sniff(sniffInputOf(head))).toBe(0);
    for (const fixture of FIXTURES) {
      const rivals = ADAPTERS.filter((adapter) => adapter !== blueskyAdapter && adapter.sniff(sniffInputOf(fixtureHead(fixture))) >= 0.5);
      expect(rivals.map((adapter) => adapter.name)).toEqual([]);
    }
  });
});

describe('bluesky reading', () => {
  test('a post view: the at:// URI as id, the handle as author, the bsky.app link, the replied-to post', async () => {
    const question = blueskyUri({ rkey: '3lbfnzq2mhk2c', handle: 'host.bsky.social' });
    const [record] = recordsOf(
      await readTempInput('p.json', JSON.stringify({ posts: [blueskyPost({ rkey: '3lbfo3xg4ls2v', replyTo: question })] })),
    );
    expect(record).toMatchObject({
      sourceId: blueskyUri({ rkey: '3lbfo3xg4ls2v' }),
      channel: 'bluesky',
      author: 'carer.bsky.social',
      date: '2024-11-20T09:06:51.402Z',
      url: 'https://bsky.app/profile/carer.bsky.social/post/3lbfo3xg4ls2v',
      inReplyTo: question,
    });
    expect(JSON.stringify(record)).not.toMatch(/display name|avatar/);
  });

  test('a shortened link is written out from its facet, counting UTF-8 bytes past emoji and accents', async () => {
    const text = 'Café 👩🏽 news: leeds.gov.uk/adult-social-c... and example.org kept';
    const facets = [
      linkFacet(text, 'leeds.gov.uk/adult-social-c...', 'https://www.leeds.gov.uk/adult-social-care/carers'),
      linkFacet(text, 'example.org', 'https://example.org/'),
      { index: { byteStart: 5000, byteEnd: 5010 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://ignored.example/' }] },
    ];
    const [record] = recordsOf(await readTempInput('p.json', JSON.stringify([blueskyPost({ rkey: '3lbfo3xg4ls2v', text, facets })])));
    expect(record?.text).toBe('Café 👩🏽 news: https://www.leeds.gov.uk/adult-social-care/carers and example.org kept');
  });

  test("a link written out from its facet loses its tracking parameters, the page's own kept", async () => {
    const text = 'Survey: carers.example.org/survey?id=7...';
    const facets = [
      linkFacet(text, 'carers.example.org/survey?id=7...', 'https://carers.example.org/survey?id=7&utm_source=bluesky&utm_medium=social'),
    ];
    const [record] = recordsOf(await readTempInput('p.json', JSON.stringify([blueskyPost({ rkey: '3lbfo3xg4ls2v', text, facets })])));
    expect(record?.text).toBe('Survey: https://carers.example.org/survey?id=7');
  });

  test('a thread is read parents first, then the post, then replies depth first, whatever its depth', async () => {
    const depth = 100;
    let replies: unknown[] = [];
    for (let level = depth; level >= 1; level -= 1) {
      replies = [threadNode(blueskyPost({ rkey: `3lbbw${String(level).padStart(8, '2')}`, text: `reply ${level}` }), replies)];
    }
    const top = threadNode(blueskyPost({ rkey: '3lbbw2t7v3s2k', text: 'top' }));
    const thread = { thread: threadNode(blueskyPost({ rkey: '3lbbw6mkn2k2h', text: 'focus' }), replies, { ...top, replies: [] }) };
    const texts = recordsOf(await readTempInput('t.json', JSON.stringify(thread))).map((record) => record.text);
    expect(texts.slice(0, 4)).toEqual(['top', 'focus', 'reply 1', 'reply 2']);
    expect(texts).toHaveLength(depth + 2);
    expect(texts[texts.length - 1]).toBe(`reply ${depth}`);
  });

  test('a repost is filtered and the reposted post read once; a pinned post is an ordinary record', async () => {
    const post = blueskyPost({ rkey: '3lbfo6r4c5k2p', handle: 'nurse.bsky.social' });
    const pinned = { post: blueskyPost({ rkey: '3lb7xk2v4oc2f' }), reason: { $type: 'app.bsky.feed.defs#reasonPin' } };
    const result = await readTempInput(
      'feed.jsonl',
      jsonLinesOf([{ feed: [feedItem(post, '3lbfo8e2h5c2t'), pinned] }, { feed: [feedItem(post, '3lb7ya2w3ss2r')] }]),
    );
    expect(countItems(result)).toEqual({ record: 2, 'filtered:retweet': 2 });
    expect(recordsOf(result).map((record) => [record.author, record.meta['repostedVia'] ?? null])).toEqual([
      ['nurse.bsky.social', `at://${blueskyDid('reposter.bsky.social')}/app.bsky.feed.repost/3lbfo8e2h5c2t`],
      ['carer.bsky.social', null],
    ]);
  });

  test('an author who asks not to be shown to logged-out viewers is not stored; their words are nowhere in the items', async () => {
    const result = await readTempInput(
      'p.json',
      JSON.stringify({
        posts: [blueskyPost({ rkey: '3lbfo7wuvzk2x', text: 'private worry 07700 900123', authorLabels: ['!no-unauthenticated'] })],
      }),
    );
    expect(countItems(result)).toEqual({ 'filtered:not-feedback': 1 });
    expect(JSON.stringify(result.items)).not.toContain('07700');
  });

  test('an account whose handle does not resolve has no author, and its link uses the DID', async () => {
    const [record] = recordsOf(
      await readTempInput(
        'p.json',
        JSON.stringify([
          { ...blueskyPost({ rkey: '3lbfo3xg4ls2v' }), author: { did: blueskyDid('carer.bsky.social'), handle: 'handle.invalid' } },
        ]),
      ),
    );
    expect([record?.author, record?.url]).toEqual([null, `https://bsky.app/profile/${blueskyDid('carer.bsky.social')}/post/3lbfo3xg4ls2v`]);
  });

  test('an item that is no post view is one NOT_A_POST rejection; an error response is not feedback', async () => {
    const result = await readTempInput(
      'p.jsonl',
      jsonLinesOf([
        { posts: [blueskyPost({ rkey: '3lbfo3xg4ls2v' }), { uri: 'at://did:plc:x/app.bsky.feed.like/3l', record: {} }] },
        { error: 'ExpiredToken', message: 'Token has expired' },
      ]),
    );
    expect(countItems(result)).toEqual({ record: 1, 'rejected:NOT_A_POST': 1, 'filtered:not-feedback': 1 });
  });
});
