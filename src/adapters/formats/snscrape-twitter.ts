import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonLines } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import {
  notATweetItem,
  sourceLabel,
  statusUrlId,
  tweetCount,
  tweetId,
  tweetItem,
  type TweetFacts,
  type TweetLink,
} from '../readers/tweet-item.js';

/** The `_type` snscrape gives each item of its Twitter module. */
const TYPE_PREFIX = 'snscrape.modules.twitter.';

/**
 * The start of a tweet line of snscrape's early versions (as of 2020), which wrote no `_type`: its
 * status link first; with `tcooutlinks`, a field only snscrape writes.
 */
const UNTYPED_TWEET = /^\{\s*"url"\s*:\s*"https?:\/\/(?:mobile\.)?twitter\.com\/\w+\/status\/\d+"/;

/**
 * An item's `_type`: snscrape writes it first, twscrape (which writes its tweets in snscrape's
 * layout) last, after the nested `user`'s own.
 */
const ITEM_TYPE = /"_type"\s*:\s*"snscrape\.modules\.twitter\.(?:Tweet|Tombstone|TweetRef|User)"/;

/**
 * Tweets saved by snscrape (`snscrape --jsonl twitter-hashtag …`, `twitter-search`, `twitter-user`):
 * JSON Lines, one item a line, each naming its class in `_type`. The scraper researchers used to
 * collect hashtags and searches before X closed its site to it in 2023, so many archived
 * consultations' tweets are in this form. twscrape, its successor, prints the same layout
 * (`twscrape search … > tweets.jsonl`), `_type` last and dates as `2024-05-13 09:15:02+00:00`.
 */
export const snscrapeTwitterAdapter: FormatAdapter = {
  name: 'snscrape-twitter',
  description:
    'X/Twitter items saved by snscrape or twscrape as JSON Lines (their jsonl output): tweets, with the tombstones of tweets that could not be read',
  channel: 'twitter',
  extensions: ['.json', '.jsonl', '.ndjson', '.txt'],
  signature:
    'JSON Lines whose "_type" is "snscrape.modules.twitter.Tweet" (or Tombstone, TweetRef, User), first (snscrape) or last (twscrape)',
  sniff(input) {
    const firstLine = /^\s*(\{[^\n]*)/.exec(input.headText)?.[1] ?? '';
    return ITEM_TYPE.test(firstLine) || (UNTYPED_TWEET.test(firstLine) && /"tcooutlinks"\s*:/.test(firstLine)) ? 0.95 : 0;
  },
  read(source) {
    return readSnscrapeItems(source);
  },
};

async function* readSnscrapeItems(source: InputSource): AsyncIterable<AdapterItem> {
  const seen = new Set<string>();
  for await (const element of jsonLines(source, { exactIntegers: true })) {
    const provenance: Provenance = { file: source.path, line: element.line };
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    yield* itemsOf(element.value, provenance, seen);
  }
}

function* itemsOf(value: unknown, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const item = asObject(value);
  const kind = item === null ? null : itemKind(item);
  const id = item === null ? null : itemId(item);
  if (item === null || kind === null) {
    yield notATweetItem(
      'expected an snscrape Twitter item (an object whose "_type" starts "snscrape.modules.twitter.")',
      value,
      provenance,
    );
    return;
  }
  if (kind === 'Tombstone') {
    const words = asString(item['text']);
    const detail = `a tweet X would not show${words === null ? '' : `: "${words.slice(0, 120)}"`}`;
    yield { kind: 'filtered', rule: 'deleted', provenance, ...(id === null ? {} : { sourceId: id }), detail };
    return;
  }
  if (kind === 'TweetRef') {
    yield {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      ...(id === null ? {} : { sourceId: id }),
      detail: 'a reference to a tweet without its text',
    };
    return;
  }
  if (kind === 'User' || kind === 'UserRef') {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: "an account's profile, not a tweet" };
    return;
  }
  if (kind !== 'Tweet') {
    yield notATweetItem(`expected a tweet, not an snscrape ${kind}`, value, provenance);
    return;
  }
  if (id === null) {
    yield {
      kind: 'rejected',
      code: 'MISSING_TWEET_ID',
      message: 'tweet has neither an id nor a status link',
      provenance,
      excerpt: JSON.stringify(item).slice(0, 200),
    };
    return;
  }
  seen.add(id);
  yield tweetItem(tweetFacts(item, id, null), provenance);
  const original = asObject(item['retweetedTweet']);
  const originalId = original === null ? null : itemId(original);
  if (original !== null && originalId !== null && !seen.has(originalId) && itemKind(original) === 'Tweet') {
    seen.add(originalId);
    yield tweetItem(tweetFacts(original, originalId, id), { ...provenance, part: 'retweetedTweet' });
  }
}

/**
 * An item's class: its `_type` past `snscrape.modules.twitter.`; for a line of the early
 * versions of 2020, which wrote no `_type`, `Tweet` when it has a status link and a text.
 */
function itemKind(item: JsonObject): string | null {
  const type = asString(item['_type'] ?? null);
  if (type !== null) return type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : null;
  const text = asString(item['rawContent'] ?? null) ?? asString(item['content'] ?? null);
  return text !== null && statusUrlId(asString(item['url'] ?? null)) !== null ? 'Tweet' : null;
}

/** An item's tweet id: `id` (read exactly), else the one in its status link. */
function itemId(item: JsonObject): string | null {
  return tweetId(item['id']) ?? tweetId(item['id.str']) ?? statusUrlId(asString(item['url']));
}

function handleOf(item: JsonObject | null): string | null {
  return asString(field(item, 'user', 'username')) ?? asString(item?.['username'] ?? null);
}

/**
 * The shortened links of a scraped tweet and their addresses: snscrape's and twscrape's `links`
 * (`{"url": <address>, "tcourl": <shortened>}`), or the parallel `outlinks` and `tcooutlinks`
 * lists of snscrape's early versions.
 */
function scrapedLinks(tweet: JsonObject): TweetLink[] {
  const links = asArray(tweet['links']).flatMap((link) => {
    const url = asString(field(link, 'tcourl'));
    const expandedUrl = asString(field(link, 'url'));
    return url === null || expandedUrl === null ? [] : [{ url, expandedUrl }];
  });
  if (links.length > 0) return links;
  const addresses = asArray(tweet['outlinks']);
  return asArray(tweet['tcooutlinks']).flatMap((value, index) => {
    const url = asString(value);
    const expandedUrl = asString(addresses[index]);
    return url === null || expandedUrl === null ? [] : [{ url, expandedUrl }];
  });
}

function tweetFacts(tweet: JsonObject, id: string, retweetedVia: string | null): TweetFacts {
  const original = asObject(tweet['retweetedTweet']);
  const quoted = asObject(tweet['quotedTweet']);
  const edits = asArray(field(tweet, 'editState', 'editTweetIds'))
    .map(tweetId)
    .filter((value): value is string => value !== null);
  return {
    id,
    author: handleOf(tweet),
    date: toIsoDate(tweet['date']),
    text: asString(tweet['rawContent']) ?? asString(tweet['content']) ?? asString(tweet['renderedContent']) ?? '',
    inReplyTo: tweetId(tweet['inReplyToTweetId']),
    retweetOf: original === null ? null : { id: itemId(original), author: handleOf(original) },
    quotedId: quoted === null ? null : itemId(quoted),
    editVersions: edits.length > 1 ? edits : null,
    ...(handleOf(tweet) === null ? { url: asString(tweet['url']) } : {}),
    links: scrapedLinks(tweet),
    meta: {
      lang: asString(tweet['lang']),
      source: sourceLabel(tweet['sourceLabel'] ?? tweet['source']),
      hashtags: asArray(tweet['hashtags']).flatMap((tag) => asString(tag) ?? []),
      likeCount: tweetCount(tweet['likeCount']),
      retweetCount: tweetCount(tweet['retweetCount']),
      conversationId: tweetId(tweet['conversationId']),
      retweetedVia,
    },
  };
}
