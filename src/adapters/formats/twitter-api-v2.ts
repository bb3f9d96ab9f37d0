import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { entityLinks, notATweetItem, sourceLabel, tweetCount, tweetId, tweetItem, type TweetFacts } from '../readers/tweet-item.js';

/** The parts of a response page a tweet's fields are resolved against. */
interface PageContext {
  /** Handle by user id, from `includes.users`. */
  users: Map<string, string>;
  /** Referenced tweets by id, from `includes.tweets` (or inlined in a flattened tweet), with where they were read. */
  tweets: Map<string, { tweet: JsonObject; part: string }>;
}

/** A Meta Graph API `timestamp` (`2024-12-02T09:14:51+0000`), which no tweet has: an Instagram comments page, not tweets. */
const GRAPH_TIMESTAMP = /"timestamp"\s*:\s*"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}"/;

/** A tweet counts response (`/2/tweets/counts/…`, `twarc2 counts`): buckets of `start`, `end` and `tweet_count`, no tweets. */
const COUNTS_HEAD =
  /^\s*\[?\s*\{\s*"data"\s*:\s*\[\s*\{\s*"(?:end|start)"\s*:\s*"[^"]*"\s*,\s*"(?:end|start)"\s*:\s*"[^"]*"\s*,\s*"tweet_count"\s*:/;

/** A page of user profiles (`/2/users`, `twarc2 users`): accounts with a `username` and follower counts, no tweet text. */
const USERS_HEAD = /^\s*\[?\s*\{\s*"data"\s*:\s*\[\s*\{[^{}]*"username"\s*:/;

/** A compliance job's results (`twarc2 compliance-job`): one line per tweet or user with its `action` and `redacted_at`. */
const COMPLIANCE_HEAD = /^\s*\{[^{}]*"action"\s*:\s*"[a-z_]+"[^{}]*"redacted_at"\s*:/;

/** What a v2 file that holds no tweets is, by its first bytes, or null. */
function noTweetsKind(head: string): string | null {
  if (COUNTS_HEAD.test(head)) return 'tweet counts (twarc2 counts, /2/tweets/counts): how many tweets matched in each hour or day';
  if (USERS_HEAD.test(head) && /"followers_count"\s*:/.test(head) && !/"text"\s*:/.test(head)) {
    return "user profiles (twarc2 users, /2/users): accounts' names and descriptions";
  }
  if (COMPLIANCE_HEAD.test(head)) return 'compliance results (twarc2 compliance-job): which tweets or accounts were deleted or withheld';
  return null;
}

/**
 * X/Twitter API v2 JSON: response pages `{data: [...], includes: {users, tweets}, meta}` (twarc2
 * writes one per line), filtered-stream lines `{data: {...}, includes, matching_rules}`, a
 * pretty-printed page, an array of pages or tweets, and twarc2-flattened tweets (one per line with
 * `author` inlined). Error objects without data (`{errors: [...]}`, a stream's `{title, detail}`)
 * are filtered as `not-feedback`.
 */
export const twitterApiV2Adapter: FormatAdapter = {
  name: 'twitter-api-v2',
  description: 'X/Twitter API v2 JSON or JSON Lines: response pages (twarc2), stream lines, flattened tweets',
  channel: 'twitter',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature:
    'tweets with string "id" and "text" plus v2 fields (author_id, conversation_id, edit_history_tweet_ids…), or pages {"data": …}; no "id_str"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head) || /"id_str"\s*:/.test(head) || GRAPH_TIMESTAMP.test(head)) return 0;
    const tweetIds = /"id"\s*:\s*"\d{5,20}"/.test(head) && /"text"\s*:/.test(head);
    const v2Fields = /"(edit_history_tweet_ids|conversation_id|referenced_tweets|public_metrics|author_id)"\s*:/.test(head);
    if (tweetIds && v2Fields) return 0.9;
    if (/^\s*\[?\s*\{\s*"data"\s*:\s*[[{]/.test(head) && tweetIds) return 0.9;
    if (/^\s*\{\s*"(errors|title)"\s*:/.test(head) && v2Fields) return 0.8;
    if (noTweetsKind(head) !== null) return 0.8;
    return 0;
  },
  read(source) {
    const kind = noTweetsKind(source.headText);
    if (kind !== null) {
      throw new InputError(`${kind}, not tweets; not read`, {
        location: { file: source.path },
        hint: 'give the search results (twarc2 search) instead',
        code: 'NOT_FEEDBACK',
      });
    }
    return readV2(source);
  },
};

function readV2(source: InputSource): AsyncIterable<AdapterItem> {
  const seen = new Set<string>();
  return jsonValueItems(source, (value, provenance) => valueItems(value, provenance, seen));
}

function* valueItems(value: unknown, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const object = asObject(value);
  if (object === null) {
    yield notATweetItem('expected an API v2 response page or tweet object', value, provenance);
    return;
  }
  const prefix = provenance.part === undefined ? '' : `${provenance.part}.`;
  if ('data' in object) {
    const data = object['data'];
    const tweets = Array.isArray(data)
      ? data.map((tweet, index) => ({ tweet, part: `${prefix}data[${index}]` }))
      : [{ tweet: data, part: `${prefix}data` }];
    yield* pageItems(tweets, pageContext(object, prefix), provenance, seen);
    return;
  }
  if ('id' in object && ('text' in object || 'note_tweet' in object)) {
    yield* pageItems([{ tweet: object, part: provenance.part }], pageContext(object, prefix), provenance, seen);
    return;
  }
  const problem = errorSummary(object);
  if (problem !== null) {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: problem };
    return;
  }
  if (asObject(object['meta']) !== null) return;
  yield notATweetItem('expected an API v2 response page or tweet object', object, provenance);
}

/** One line saying what an API error object reports, or null when the object is not one. */
function errorSummary(object: JsonObject): string | null {
  const first = asArray(object['errors'])[0] ?? object;
  const title = asString(field(first, 'title'));
  const detail = asString(field(first, 'detail')) ?? asString(field(first, 'message'));
  if (title === null && detail === null) return null;
  const count = asArray(object['errors']).length;
  const more = count > 1 ? ` (and ${count - 1} more)` : '';
  return `API error: ${[title, detail].filter((part) => part !== null).join(': ')}${more}`.slice(0, 200);
}

function pageContext(object: JsonObject, prefix: string): PageContext {
  const users = new Map<string, string>();
  for (const user of asArray(field(object, 'includes', 'users'))) {
    const id = tweetId(field(user, 'id'));
    const username = asString(field(user, 'username'));
    if (id !== null && username !== null) users.set(id, username);
  }
  const tweets = new Map<string, { tweet: JsonObject; part: string }>();
  for (const [index, value] of asArray(field(object, 'includes', 'tweets')).entries()) {
    const tweet = asObject(value);
    const id = tweetId(field(tweet, 'id'));
    if (tweet !== null && id !== null) tweets.set(id, { tweet, part: `${prefix}includes.tweets[${index}]` });
  }
  return { users, tweets };
}

/**
 * Yields a page's tweets in order. After a retweet comes the original it retweets (from the
 * page's includes, once per file, unless the page's data holds it too); after an edited tweet,
 * the earlier versions the includes carry (filtered as superseded edits).
 */
function* pageItems(
  tweets: readonly { tweet: unknown; part: string | undefined }[],
  context: PageContext,
  provenance: Provenance,
  seen: Set<string>,
): Iterable<AdapterItem> {
  const dataIds = new Set<string>();
  const retweetedVia = new Map<string, string>();
  for (const { tweet } of tweets) {
    const id = tweetId(field(tweet, 'id'));
    if (id === null) continue;
    dataIds.add(id);
    for (const reference of asArray(field(tweet, 'referenced_tweets'))) {
      const referencedId = tweetId(field(reference, 'id'));
      if (field(reference, 'type') === 'retweeted' && referencedId !== null && !retweetedVia.has(referencedId)) {
        retweetedVia.set(referencedId, id);
      }
      const inlined = asObject(reference);
      if (referencedId !== null && inlined !== null && 'text' in inlined && !context.tweets.has(referencedId)) {
        context.tweets.set(referencedId, { tweet: inlined, part: 'referenced_tweets' });
      }
    }
    const author = asObject(field(tweet, 'author'));
    const authorId = tweetId(field(author, 'id')) ?? tweetId(field(tweet, 'author_id'));
    const username = asString(field(author, 'username'));
    if (authorId !== null && username !== null && !context.users.has(authorId)) context.users.set(authorId, username);
  }
  for (const { tweet: value, part } of tweets) {
    const at: Provenance = part === undefined ? provenance : { ...provenance, part };
    const tweet = asObject(value);
    const id = tweetId(field(tweet, 'id'));
    if (tweet === null || id === null) {
      yield {
        kind: 'rejected',
        code: 'MISSING_TWEET_ID',
        message: 'tweet has no id',
        provenance: at,
        excerpt: JSON.stringify(value ?? null).slice(0, 200),
      };
      continue;
    }
    seen.add(id);
    const facts = tweetFacts(tweet, id, context, retweetedVia.get(id) ?? null);
    yield tweetItem(facts, at);
    const originalId = facts.retweetOf?.id ?? null;
    const related = [
      ...(originalId === null ? [] : [{ id: originalId, via: id }]),
      ...(facts.editVersions ?? []).map((versionId) => ({ id: versionId, via: null })),
    ];
    for (const { id: relatedId, via } of related) {
      const included = context.tweets.get(relatedId);
      if (included === undefined || dataIds.has(relatedId) || seen.has(relatedId)) continue;
      seen.add(relatedId);
      yield tweetItem(tweetFacts(included.tweet, relatedId, context, via), { ...provenance, part: included.part });
    }
  }
}

function tweetFacts(tweet: JsonObject, id: string, context: PageContext, retweetedVia: string | null): TweetFacts {
  const references = asArray(tweet['referenced_tweets']);
  const referenced = (type: string): string | null => {
    const reference = references.find((candidate) => field(candidate, 'type') === type);
    return reference === undefined ? null : tweetId(field(reference, 'id'));
  };
  const authorOf = (value: unknown): string | null => {
    const authorId = tweetId(field(value, 'author_id'));
    return asString(field(value, 'author', 'username')) ?? (authorId === null ? null : (context.users.get(authorId) ?? null));
  };
  const retweeted = references.find((candidate) => field(candidate, 'type') === 'retweeted');
  const retweetedId = referenced('retweeted');
  const editIds = asArray(tweet['edit_history_tweet_ids'])
    .map(tweetId)
    .filter((value): value is string => value !== null);
  return {
    id,
    author: authorOf(tweet),
    date: toIsoDate(tweet['created_at']),
    text: asString(field(tweet, 'note_tweet', 'text')) ?? asString(tweet['text']) ?? '',
    inReplyTo: referenced('replied_to'),
    retweetOf:
      retweeted === undefined
        ? null
        : { id: retweetedId, author: authorOf(retweetedId === null ? retweeted : (context.tweets.get(retweetedId)?.tweet ?? retweeted)) },
    quotedId: referenced('quoted'),
    editVersions: editIds.length > 1 ? editIds : null,
    links: [...entityLinks(field(tweet, 'entities', 'urls')), ...entityLinks(field(tweet, 'note_tweet', 'entities', 'urls'))],
    meta: {
      lang: asString(tweet['lang']),
      source: sourceLabel(tweet['source']),
      hashtags: asArray(field(tweet, 'entities', 'hashtags')).flatMap((tag) => asString(field(tag, 'tag')) ?? []),
      likeCount: tweetCount(field(tweet, 'public_metrics', 'like_count')),
      retweetCount: tweetCount(field(tweet, 'public_metrics', 'retweet_count')),
      conversationId: tweetId(tweet['conversation_id']),
      retweetedVia,
    },
  };
}
