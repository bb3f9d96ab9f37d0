import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonElementProvenance, jsonFileValues, partWithin } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import {
  missingTweetIdItem,
  notATweetItem,
  retweetPrefixHandle,
  sourceLabel,
  tweetCount,
  tweetId,
  entityLinks,
  tweetItem,
  type TweetFacts,
} from '../readers/tweet-item.js';

/** Streaming API v1.1 messages that are not tweets (besides `delete`). */
const CONTROL_MESSAGES = ['limit', 'scrub_geo', 'status_withheld', 'user_withheld', 'disconnect', 'warning', 'friends', 'event', 'errors'];

/**
 * X/Twitter API v1.1 statuses: a JSON array of status objects (timeline, lookup), a search
 * response `{"statuses": [...]}`, or JSON Lines of statuses (streaming API, twarc 1, tweepy).
 * Text is `extended_tweet.full_text`, else `full_text`, else `text`; ids come from `id_str`.
 */
export const twitterApiV1Adapter: FormatAdapter = {
  name: 'twitter-api-v1',
  description: 'X/Twitter API v1.1 statuses as JSON (array, search response) or JSON Lines (streaming, twarc 1)',
  channel: 'twitter',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: 'JSON objects with "id_str", "created_at" and a "user" object holding "screen_name"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    if (/"id_str"\s*:/.test(head) && /"created_at"\s*:/.test(head) && /"user"\s*:\s*\{/.test(head) && /"screen_name"\s*:/.test(head))
      return 0.9;
    if (/^\s*\{\s*"statuses"\s*:\s*\[/.test(head)) return 0.9;
    return 0;
  },
  read(source) {
    return readStatuses(source);
  },
};

async function* readStatuses(source: InputSource): AsyncIterable<AdapterItem> {
  const seen = new Set<string>();
  for await (const element of jsonFileValues(source)) {
    const provenance = jsonElementProvenance(source.path, element);
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const statuses =
      asObject(element.value) !== null && Array.isArray(field(element.value, 'statuses'))
        ? asArray(field(element.value, 'statuses')).map((status, index) => ({ status, part: `statuses[${index}]` }))
        : Array.isArray(element.value)
          ? element.value.map((status: unknown, index: number) => ({ status, part: `[${index}]` }))
          : [{ status: element.value, part: undefined }];
    for (const { status, part } of statuses) {
      yield* statusItems(status, part === undefined ? provenance : { ...provenance, part: partWithin(provenance.part, part) }, seen);
    }
  }
}

function* statusItems(value: unknown, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const status = asObject(value);
  if (status === null) {
    yield notATweetItem('expected a status object', value, provenance);
    return;
  }
  const deleted = field(status, 'delete', 'status');
  if (deleted !== undefined) {
    const id = tweetId(field(deleted, 'id_str')) ?? tweetId(field(deleted, 'id'));
    yield { kind: 'filtered', rule: 'deleted', provenance, ...(id === null ? {} : { sourceId: id }), detail: 'streaming deletion notice' };
    return;
  }
  const control = CONTROL_MESSAGES.find((key) => key in status);
  if (control !== undefined && !('id_str' in status)) {
    const message = control === 'errors' ? asString(field(asArray(status['errors'])[0], 'message')) : null;
    const detail = message === null ? `API message "${control}", not a tweet` : `API error: ${message}`.slice(0, 200);
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail };
    return;
  }
  const id = statusId(status);
  if (id === null) {
    yield missingTweetIdItem(status, provenance);
    return;
  }
  seen.add(id);
  const original = asObject(status['retweeted_status']);
  const originalId = original === null ? null : statusId(original);
  yield tweetItem(statusFacts(status, id, null), provenance);
  if (original !== null && originalId !== null && !seen.has(originalId)) {
    seen.add(originalId);
    yield tweetItem(statusFacts(original, originalId, id), {
      ...provenance,
      part: provenance.part === undefined ? 'retweeted_status' : `${provenance.part}.retweeted_status`,
    });
  }
}

function statusId(status: JsonObject): string | null {
  return tweetId(status['id_str']) ?? tweetId(status['id']);
}

function statusFacts(status: JsonObject, id: string, retweetedVia: string | null): TweetFacts {
  const text = asString(field(status, 'extended_tweet', 'full_text')) ?? asString(status['full_text']) ?? asString(status['text']) ?? '';
  const original = asObject(status['retweeted_status']);
  const prefixHandle = retweetPrefixHandle(text);
  const author = asString(field(status, 'user', 'screen_name'));
  const entities = asObject(field(status, 'extended_tweet', 'entities')) ?? asObject(status['entities']);
  const editIds = asArray(field(status, 'edit_history', 'edit_tweet_ids'))
    .map(tweetId)
    .filter((value): value is string => value !== null);
  return {
    id,
    author,
    date: toIsoDate(status['created_at']),
    text,
    inReplyTo: tweetId(status['in_reply_to_status_id_str']) ?? tweetId(status['in_reply_to_status_id']),
    retweetOf:
      original !== null
        ? { id: statusId(original), author: asString(field(original, 'user', 'screen_name')) ?? prefixHandle }
        : prefixHandle === null
          ? null
          : { id: null, author: prefixHandle },
    quotedId: tweetId(status['quoted_status_id_str']) ?? tweetId(field(status, 'quoted_status', 'id_str')),
    editVersions: editIds.length > 1 ? editIds : null,
    links: entityLinks(field(entities, 'urls')),
    meta: {
      lang: asString(status['lang']),
      source: sourceLabel(status['source']),
      hashtags: asArray(field(entities, 'hashtags')).flatMap((tag) => asString(field(tag, 'text')) ?? []),
      likeCount: tweetCount(status['favorite_count']),
      retweetCount: tweetCount(status['retweet_count']),
      retweetedVia,
    },
  };
}
