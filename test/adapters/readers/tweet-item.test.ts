import { describe, expect, test } from '@jest/globals';
import { redactPersonalData } from '../../../src/privacy/personal-data.js';
import {
  decodeTweetEntities,
  entityLinks,
  expandedTweetText,
  retweetPrefixHandle,
  sourceLabel,
  statusUrlId,
  tweetId,
  tweetItem,
  type TweetFacts,
} from '../../../src/adapters/readers/tweet-item.js';

const provenance = { file: 'tweets.json', line: 3 };

function facts(overrides: Partial<TweetFacts> = {}): TweetFacts {
  return {
    id: '1790000000000000001',
    author: 'amara_j',
    date: '2024-05-13T10:00:00.000Z',
    text: 'Respite should be there when a crisis comes.',
    inReplyTo: null,
    retweetOf: null,
    quotedId: null,
    editVersions: null,
    meta: {},
    ...overrides,
  };
}

describe('decodeTweetEntities', () => {
  test('decodes the three entities X escapes', () => {
    expect(decodeTweetEntities('fish &amp; chips &lt;3 a &gt; b')).toBe('fish & chips <3 a > b');
  });

  test('decodes once, so a typed entity survives as typed', () => {
    expect(decodeTweetEntities('I typed &amp;amp; here')).toBe('I typed &amp; here');
  });

  test('leaves other entities alone: X never escapes them, so they are what the person typed', () => {
    expect(decodeTweetEntities('&quot;quoted&quot; &#39;')).toBe('&quot;quoted&quot; &#39;');
  });
});

describe('shortened links', () => {
  const own = '1790000000000000001';

  test('each t.co link is written out as the address the export gives for it, wherever it stands', () => {
    const links = entityLinks([
      { url: 'https://t.co/Ab12', expanded_url: 'https://example.org/respite', display_url: 'example.org/respite', indices: [20, 37] },
      { url: 'http://t.co/Zz9', expanded_url: 'http://example.org/a?b=1&c=2' },
      { url: 'https://t.co/none' },
    ]);
    expect(links).toEqual([
      { url: 'https://t.co/Ab12', expandedUrl: 'https://example.org/respite' },
      { url: 'http://t.co/Zz9', expandedUrl: 'http://example.org/a?b=1&c=2' },
    ]);
    expect(expandedTweetText('Read https://t.co/Ab12 and http://t.co/Zz9, then https://t.co/Ab12.', links, own)).toBe(
      'Read https://example.org/respite and http://example.org/a?b=1&c=2, then https://example.org/respite.',
    );
  });

  test('only whole t.co links, to http addresses, are replaced; a link to the tweet itself stays as written', () => {
    const text = 'See https://t.co/Ab123 https://bit.ly/x https://t.co/Cd https://t.co/Ef https://t.co/Gh';
    const links = [
      { url: 'https://t.co/Ab12', expandedUrl: 'https://example.org/one' },
      { url: 'https://bit.ly/x', expandedUrl: 'https://example.org/two' },
      { url: 'https://t.co/Cd', expandedUrl: 'javascript:alert(1)' },
      { url: 'https://t.co/Ef', expandedUrl: `https://twitter.com/amara_j/status/${own}/photo/1` },
      { url: 'https://t.co/Gh', expandedUrl: `https://twitter.com/i/web/status/${own}` },
    ];
    expect(expandedTweetText(text, links, own)).toBe(text);
  });

  test('a record gets the written-out text; nothing is fetched', () => {
    const item = tweetItem(
      facts({
        text: 'Respite &amp; more: https://t.co/Ab12',
        links: [{ url: 'https://t.co/Ab12', expandedUrl: 'https://example.org/respite' }],
      }),
      provenance,
    );
    expect(item).toMatchObject({ kind: 'record', draft: { text: 'Respite & more: https://example.org/respite' } });
  });

  test('what a written-out link says of a person is redacted in what is published, as in any other link', () => {
    const links = [
      { url: 'https://t.co/P1', expandedUrl: 'https://twitter.com/jsmith_77/status/1712000000000000000' },
      { url: 'https://t.co/P2', expandedUrl: 'https://example.org/survey?respondent_id=88121&lang=en' },
      { url: 'https://t.co/P3', expandedUrl: 'https://www.facebook.com/jane.smith.leeds' },
    ];
    const published = redactPersonalData(expandedTweetText('As said https://t.co/P1 https://t.co/P2 https://t.co/P3', links, own)).text;
    expect(published).not.toMatch(/jsmith_77|1712000000000000000|88121|jane\.smith/);
  });
});

describe('retweetPrefixHandle', () => {
  test.each([
    ['RT @carersvoice: We asked 400 carers', 'carersvoice'],
    ['RT @a_b_c: x', 'a_b_c'],
    ['rt @lower: not the native form', null],
    ['Great thread, RT @someone: agreed', null],
    ['RT this please', null],
  ])('%j -> %j', (text, handle) => {
    expect(retweetPrefixHandle(text)).toBe(handle);
  });
});

describe('tweetId', () => {
  test('keeps digit strings as they are', () => {
    expect(tweetId('1169246717864136705')).toBe('1169246717864136705');
    expect(tweetId(' 42 ')).toBe('42');
  });

  test('accepts only numbers small enough to be exact', () => {
    expect(tweetId(20)).toBe('20');
    expect(tweetId(1169246717864136700)).toBeNull();
  });

  test.each(['1.4566E+18', 'x123', '', 'NA', null, undefined, {}])('rejects %j', (value) => {
    expect(tweetId(value)).toBeNull();
  });

  test('statusUrlId reads the id at the end of either link form', () => {
    expect(statusUrlId('http://twitter.com/tadousay/statuses/1225122317849657345')).toBe('1225122317849657345');
    expect(statusUrlId('https://twitter.com/a/status/123/photo/1')).toBe('123');
    expect(statusUrlId(null)).toBeNull();
  });
});

describe('sourceLabel', () => {
  test('reads the client name out of the link X gives', () => {
    expect(sourceLabel('<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>')).toBe('Twitter for iPhone');
    expect(sourceLabel('Twitter Web App')).toBe('Twitter Web App');
    expect(sourceLabel('')).toBeNull();
  });
});

describe('tweetItem', () => {
  test('a plain tweet becomes a record with decoded text, permalink and only the meta it has', () => {
    const item = tweetItem(
      facts({ text: 'Care &amp; support', meta: { lang: 'en', hashtags: [], likeCount: 0, source: null } }),
      provenance,
    );
    expect(item).toEqual({
      kind: 'record',
      draft: {
        sourceId: '1790000000000000001',
        author: 'amara_j',
        date: '2024-05-13T10:00:00.000Z',
        text: 'Care & support',
        url: 'https://twitter.com/amara_j/status/1790000000000000001',
        inReplyTo: null,
        meta: { lang: 'en', likeCount: 0 },
        provenance,
      },
    });
  });

  test('without an author there is no permalink', () => {
    const item = tweetItem(facts({ author: null }), provenance);
    expect(item.kind === 'record' ? item.draft.url : 'not a record').toBeNull();
  });

  test('a retweet is filtered with its own id, naming the original', () => {
    expect(tweetItem(facts({ retweetOf: { id: '1790000000000000100', author: 'carersvoice' } }), provenance)).toEqual({
      kind: 'filtered',
      rule: 'retweet',
      provenance,
      sourceId: '1790000000000000001',
      detail: 'retweet of tweet 1790000000000000100 by @carersvoice',
    });
  });

  test('an RT @user: prefix alone makes a retweet', () => {
    expect(tweetItem(facts({ text: 'RT @carersvoice: Respite…' }), provenance)).toMatchObject({
      kind: 'filtered',
      rule: 'retweet',
      detail: "retweet of a tweet by @carersvoice (the original's id is not in the export)",
    });
  });

  test('an earlier version of an edited tweet is filtered; the latest keeps the earlier ids', () => {
    const versions = ['1790000000000000300', '1790000000000000301'];
    expect(tweetItem(facts({ id: '1790000000000000300', editVersions: versions }), provenance)).toMatchObject({
      kind: 'filtered',
      rule: 'superseded-edit',
      sourceId: '1790000000000000300',
      detail: 'earlier version of tweet 1790000000000000301',
    });
    const latest = tweetItem(facts({ id: '1790000000000000301', editVersions: versions }), provenance);
    expect(latest.kind === 'record' ? latest.draft.meta : null).toEqual({ editedFrom: ['1790000000000000300'] });
  });

  test('replies and quotes keep the referenced ids', () => {
    const item = tweetItem(facts({ inReplyTo: '1790000000000000050', quotedId: '1790000000000000070' }), provenance);
    expect(item).toMatchObject({
      kind: 'record',
      draft: { inReplyTo: '1790000000000000050', meta: { quotedTweetId: '1790000000000000070' } },
    });
  });
});
