import type { AdapterItem } from '../format-adapter.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { htmlToPlainText, looksLikeHtml } from '../../text/html-to-plain-text.js';
import { asArray, asString, field } from './json-fields.js';
import { withoutTrackingParameters } from '../../text/tracking-parameters.js';

/**
 * One tweet as any X/Twitter export describes it, before it becomes an item. Each tweet adapter
 * reads its own layout into this shape; {@link tweetItem} then applies the rules they share
 * (retweets and superseded edits are filtered, text entities decoded, shortened links written
 * out, the URL built).
 */
export interface TweetFacts {
  /** The tweet id, digits only. */
  id: string;
  /** The author's handle (screen name, without `@`), or null when the export does not say. */
  author: string | null;
  /** ISO 8601 UTC, or null. */
  date: string | null;
  /** The full text as the export stores it (Twitter's `&amp;` `&lt;` `&gt;` not yet decoded). */
  text: string;
  /** The id of the tweet this one replies to, or null. */
  inReplyTo: string | null;
  /** Set when the tweet is a retweet (an `RT @user:` text prefix also makes it one). */
  retweetOf: RetweetedTweet | null;
  /** The id of the tweet this one quotes, or null. */
  quotedId: string | null;
  /** The ids of every version of the tweet, oldest first, when the export lists its edit history. */
  editVersions: readonly string[] | null;
  /** A link to use instead of the one built from author and id (for example TAGS' `status_url`). */
  url?: string | null;
  /** The links the export says the text's shortened ones stand for (`entities.urls`), in any order. */
  links?: readonly TweetLink[];
  /** The smaller fields kept in the record's `meta`. */
  meta: TweetMetaFields;
}

/** A link as a tweet's text writes it (X's shortened `https://t.co/…`) and the address it stands for. */
export interface TweetLink {
  /** The link as written in the text: `https://t.co/Qw3rTy7uIo`. */
  url: string;
  /** The address the export gives for it (`expanded_url`): `https://example.org/daycentres`. */
  expandedUrl: string;
}

/**
 * The links of an entities list as X's exports write it (`entities.urls` of the archive, API v1.1
 * and v2, twarc and TAGS): objects with the shortened `url` and its `expanded_url`. Entries without
 * both are passed over.
 */
export function entityLinks(urls: unknown): TweetLink[] {
  return asArray(urls).flatMap((entry) => {
    const url = asString(field(entry, 'url'));
    const expandedUrl = asString(field(entry, 'expanded_url'));
    return url === null || expandedUrl === null ? [] : [{ url, expandedUrl }];
  });
}

/** X's link shortener's links, the only ones expanded: `https://t.co/Qw3rTy7uIo`, `http://t.co/…`. */
const SHORTENED_LINK = /^https?:\/\/t\.co\/[A-Za-z0-9]+$/;
/** An address a shortened link may be written out as: http or https, with no space. */
const EXPANDED_LINK = /^https?:\/\/[^\s<>"]+$/i;
/**
 * A link to a tweet (`…/status/<id>`, `…/i/web/status/<id>`), perhaps to its picture or video
 * (`…/photo/1`): to the tweet's own id, it is the picture X shows or the "read more" link of a
 * text cut short, no words of the writer's.
 */
const STATUS_LINK =
  /^https?:\/\/(?:mobile\.|www\.)?(?:twitter|x)\.com\/(?:[^/]+|i\/web)\/status(?:es)?\/(\d+)(?:\/(?:photo|video)\/\d+)?\/?$/i;

/**
 * The tweet's text with each shortened link (`https://t.co/…`) written out as the address the
 * export gives for it, as X shows it: the words become readable (`https://example.org/daycentres`)
 * without a lookup. Nothing is fetched: a link the export gives no address for stays as written,
 * as does a link to the tweet itself (its picture or video, or the "read more" link of a text cut
 * short).
 */
export function expandedTweetText(text: string, links: readonly TweetLink[], ownId: string): string {
  let expanded = text;
  for (const { url, expandedUrl } of links) {
    if (!SHORTENED_LINK.test(url) || !EXPANDED_LINK.test(expandedUrl)) continue;
    if (STATUS_LINK.exec(expandedUrl)?.[1] === ownId) continue;
    const address = withoutTrackingParameters(expandedUrl);
    expanded = expanded.replace(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'), () => address);
  }
  return expanded;
}

/** What a retweet says about the tweet it retweets. */
export interface RetweetedTweet {
  /** The original tweet's id, when the export gives it. */
  id: string | null;
  /** The original author's handle, when the export gives it. */
  author: string | null;
}

/** The tweet fields kept in a record's `meta` (null and empty values are left out). */
export interface TweetMetaFields {
  /** The language X detected (`en`, `und`, `qme`…). */
  lang?: string | null;
  /** The client the tweet was sent from, as plain text (`Twitter for iPhone`). */
  source?: string | null;
  /** Hashtags without the `#`. */
  hashtags?: readonly string[] | null;
  /** Likes (`favorite_count`, `like_count`). */
  likeCount?: number | null;
  /** Retweets of this tweet. */
  retweetCount?: number | null;
  /** The id of the thread's first tweet (API v2 `conversation_id`). */
  conversationId?: string | null;
  /** For an original read from inside a retweet: the id of that retweet. */
  retweetedVia?: string | null;
  /** For a tweet an export added for context (twarc's `type` column): how it was referenced. */
  referencedAs?: string | null;
}

const RETWEET_PREFIX = /^RT @(\w{1,15}):/;

/** The handle after a native retweet's `RT @user:` prefix, or null when the text has none. */
export function retweetPrefixHandle(text: string): string | null {
  return RETWEET_PREFIX.exec(text)?.[1] ?? null;
}

/**
 * Decodes the three entities X escapes in tweet text (`&amp;` `&lt;` `&gt;`), in one pass so that
 * a typed `&amp;amp;` comes back as `&amp;`. Nothing else is touched: X never escapes anything else.
 */
export function decodeTweetEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_match, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** The tweet's permalink, or null when the author is unknown. */
export function tweetUrl(author: string | null, id: string): string | null {
  return author === null ? null : `https://twitter.com/${author}/status/${id}`;
}

/**
 * Reads a tweet id: a string of digits, or a number small enough to be exact. Returns null
 * otherwise (a JSON number above 2^53 has already lost digits, so it is never trusted).
 */
export function tweetId(value: unknown): string | null {
  if (typeof value === 'string') {
    const text = value.trim();
    return /^\d{1,20}$/.test(text) ? text : null;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  return null;
}

/**
 * The rejected item for a tweet object without a usable id: `UNSAFE_TWEET_ID` when it has only a
 * numeric `id` too large to be exact, else `MISSING_TWEET_ID`.
 */
export function missingTweetIdItem(tweet: Readonly<Record<string, unknown>>, provenance: Provenance): AdapterItem {
  const excerpt = JSON.stringify(tweet).slice(0, 200);
  if (typeof tweet['id'] === 'number') {
    return {
      kind: 'rejected',
      code: 'UNSAFE_TWEET_ID',
      message: `tweet has no id_str and its numeric id ${String(tweet['id'])} has lost digits`,
      provenance,
      excerpt,
    };
  }
  return { kind: 'rejected', code: 'MISSING_TWEET_ID', message: 'tweet has no id_str', provenance, excerpt };
}

/** The tweet id at the end of a status link (`…/status/123`, `…/statuses/123`), or null. */
export function statusUrlId(url: string | null): string | null {
  return tweetId(/\/status(?:es)?\/(\d+)/.exec(url ?? '')?.[1]);
}

/** Reads a count stored as a number or a digit string (the archive stores `"3"`). */
export function tweetCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

const sourceLabels = new Map<string, string>();

/** The sending client as plain text: X gives it as a link (`<a href=…>Twitter for iPhone</a>`). */
export function sourceLabel(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (!looksLikeHtml(value)) return value.trim();
  let label = sourceLabels.get(value);
  if (label === undefined) {
    label = htmlToPlainText(value);
    if (sourceLabels.size < 1000) sourceLabels.set(value, label);
  }
  return label === '' ? null : label;
}

/**
 * Turns one tweet into its item: a `retweet` filtered item for a retweet (never a second voice),
 * a `superseded-edit` filtered item for an earlier version of an edited tweet, else a record
 * (`sourceId` = tweet id, text entities decoded and shortened links written out (see
 * {@link expandedTweetText}), permalink, small `meta`).
 */
export function tweetItem(facts: TweetFacts, provenance: Provenance): AdapterItem {
  const prefixHandle = retweetPrefixHandle(facts.text);
  if (facts.retweetOf !== null || prefixHandle !== null) {
    const original = facts.retweetOf ?? { id: null, author: prefixHandle };
    const author = original.author ?? prefixHandle;
    return { kind: 'filtered', rule: 'retweet', provenance, sourceId: facts.id, detail: retweetDetail(original.id, author) };
  }
  const versions = facts.editVersions;
  const latest = versions === null ? undefined : versions[versions.length - 1];
  if (latest !== undefined && latest !== facts.id) {
    return { kind: 'filtered', rule: 'superseded-edit', provenance, sourceId: facts.id, detail: `earlier version of tweet ${latest}` };
  }
  const meta = tweetMeta(facts);
  return {
    kind: 'record',
    draft: {
      sourceId: facts.id,
      author: facts.author,
      date: facts.date,
      text: expandedTweetText(decodeTweetEntities(facts.text), facts.links ?? [], facts.id),
      url: facts.url ?? tweetUrl(facts.author, facts.id),
      inReplyTo: facts.inReplyTo,
      meta,
      provenance,
    },
  };
}

function retweetDetail(id: string | null, author: string | null): string {
  const by = author === null ? '' : ` by @${author}`;
  return id === null ? `retweet of a tweet${by} (the original's id is not in the export)` : `retweet of tweet ${id}${by}`;
}

function tweetMeta(facts: TweetFacts): Record<string, JsonValue> {
  const fields = facts.meta;
  const meta: Record<string, JsonValue> = {};
  const put = (key: string, value: JsonValue | undefined): void => {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
    meta[key] = value;
  };
  put('lang', fields.lang);
  put('source', fields.source);
  put('hashtags', fields.hashtags === undefined || fields.hashtags === null ? null : [...fields.hashtags]);
  put('likeCount', fields.likeCount);
  put('retweetCount', fields.retweetCount);
  put('conversationId', fields.conversationId);
  put('quotedTweetId', facts.quotedId);
  put('retweetedVia', fields.retweetedVia);
  put('editedFrom', facts.editVersions === null ? null : facts.editVersions.filter((id) => id !== facts.id));
  put('referencedAs', fields.referencedAs);
  return meta;
}

/** The rejection of a value where a tweet was expected: what was expected, and the value's start. */
export function notATweetItem(message: string, value: unknown, provenance: Provenance): AdapterItem {
  return { kind: 'rejected', code: 'NOT_A_TWEET', message, provenance, excerpt: JSON.stringify(value ?? null).slice(0, 200) };
}
