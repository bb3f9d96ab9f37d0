import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonArrayElements } from '../readers/json-elements.js';
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
import { looksCutShort, NoteTweetIndex, noteTweetOf } from '../readers/note-tweets.js';

/** The archive files that hold the account's own tweets. */
const TWEET_FILES = new Set(['tweets', 'tweet', 'community_tweet']);

/** The archive file that holds the whole text of the account's long tweets (`data/note-tweet.js`). */
const NOTE_FILE = 'note_tweet';

const WRAPPER = /^\s*window\.YTD\.(\w+)\.part\d+\s*=\s*\[/;

/** The data files of the 2012–2018 archive beside its month files: the owner's profile, the month index, the export's details. */
const MONTH_ARCHIVE_DATA = /^\s*var\s+(user_details|tweet_index|payload_details)\s*=/;

/** A script that assigns an array to a name (`window.YTD.tweets.part0 = [`, `var tweets = [`): the layouts that hold tweets. */
const ARRAY_ASSIGNMENT = /^\s*(?:(?:var|let|const)\s+)?[\w$.]+\s*=\s*\[/;

/** The first line of a month file of the 2012–2018 archive: `Grailbird.data.tweets_2012_01 =`. */
const MONTH_FILE = /^\s*Grailbird\.data\.tweets_\d{4}_\d{2}\s*=\s*\[?/;

/** A link to a tweet: `https://twitter.com/<user>/status/<id>` with what follows. */
const STATUS_LINK =
  /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status(?:es)?\/(\d+)(\/(?:photo|video)\/\d+)?\/?(?:[?#].*)?$/;

/**
 * The official X/Twitter account archive's tweets file (`data/tweets.js`, older `tweet.js`), and
 * its long tweets' whole texts (`data/note-tweet.js`, joined to the tweets cut short: see
 * src/ingest/tweet-archive-layout.ts): a
 * `window.YTD.tweets.part0 = [ … ]` script whose elements are `{ "tweet": { … } }`, numbers
 * stored as strings. Every tweet is the account owner's; the archive does not name the owner,
 * so the handle is taken from the tweets themselves (a link to the owner's own media, or a
 * reply to one of the archive's own tweets) in a first pass, else left null. The archives of
 * 2012–2018 hold a month per file (`data/js/tweets/2012_01.js`, `Grailbird.data.tweets_2012_01 =
 * [ … ]`) of bare tweets, each with its `user`: that tweet's `user.screen_name` is its author.
 */
export const twitterArchiveAdapter: FormatAdapter = {
  name: 'twitter-archive',
  description:
    'X/Twitter account archive: data/tweets.js (or the older tweet.js) with its window.YTD wrapper, and note-tweet.js, the whole text of its long tweets',
  channel: 'twitter',
  extensions: ['.js'],
  signature:
    'starts with window.YTD.tweets.part0 = [ (or window.YTD.tweet.part0), elements {"tweet": {…}}; window.YTD.note_tweet.part0 = [, elements {"noteTweet": {…}}; or Grailbird.data.tweets_2012_01 = [ (archives of 2012–2018)',
  sniff(input) {
    const wrapper = WRAPPER.exec(input.headText);
    if (wrapper !== null) return TWEET_FILES.has(wrapper[1] ?? '') || wrapper[1] === NOTE_FILE ? 0.95 : 0.6;
    return MONTH_FILE.test(input.headText) ? 0.95 : 0;
  },
  read(source, options) {
    return WRAPPER.exec(source.headText)?.[1] === NOTE_FILE ? readNotes(source, options) : readArchive(source, options);
  },
};

/** An element of one of the archive's arrays, numbered in its row, or the rejection of one that does not parse. */
type ArchiveElement =
  { kind: 'value'; value: unknown; provenance: { file: string; line: number; row: number } } | { kind: 'invalid'; item: AdapterItem };

/** The elements of an archive file's array, each with where it is (line and row). */
async function* archiveElements(source: InputSource): AsyncIterable<ArchiveElement> {
  let row = 0;
  for await (const element of jsonArrayElements(source.path, source.text())) {
    row += 1;
    const provenance = { file: source.path, line: element.line, row };
    yield element.kind === 'invalid'
      ? { kind: 'invalid', item: invalidJsonItem(element, provenance) }
      : { kind: 'value', value: element.value, provenance };
  }
}

/**
 * The archive's `note-tweet.js`: the whole text of each long tweet, which `tweets.js` holds cut
 * short. Each note is handed to the run's join for the tweets files beside it and counted as
 * filtered `long-tweet-text`: its words are stored with its tweet, never as a record of their own.
 */
async function* readNotes(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  for await (const element of archiveElements(source)) {
    if (element.kind === 'invalid') {
      yield element.item;
      continue;
    }
    const { provenance } = element;
    const note = noteTweetOf(element.value);
    if (note === null) {
      yield notATweetItem(
        'expected a long tweet\'s note {"noteTweet": {"noteTweetId", "createdAt", "core": {"text"}}}',
        element.value,
        provenance,
      );
      continue;
    }
    options.archiveNotes?.addNote(source.path, note);
    yield {
      kind: 'filtered',
      rule: 'long-tweet-text',
      provenance,
      sourceId: note.id,
      detail: "the whole text of a long tweet, stored with its tweet when the archive's tweets.js is read with it",
    };
  }
}

async function* readArchive(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const wrapper = WRAPPER.exec(source.headText);
  const name = wrapper?.[1];
  if (name !== undefined && !TWEET_FILES.has(name)) {
    throw new InputError(`this is the archive's window.YTD.${name} file, not its tweets`, {
      location: { file: source.path, line: 1, col: 1 },
      hint: "give the archive's data/tweets.js (older archives: tweet.js)",
      code: 'NOT_FEEDBACK',
    });
  }
  const dataFile = MONTH_ARCHIVE_DATA.exec(source.headText)?.[1];
  if (dataFile !== undefined) {
    throw new InputError(`this is the archive's ${dataFile}.js, not its tweets`, {
      location: { file: source.path, line: 1, col: 1 },
      hint: "give the archive's month files (data/js/tweets/2013_03.js) or its tweets.csv",
      code: 'NOT_FEEDBACK',
    });
  }
  if (wrapper === null && !MONTH_FILE.test(source.headText) && !ARRAY_ASSIGNMENT.test(source.headText)) {
    throw new InputError('JavaScript that holds no tweets (not an archive file of tweets); not read', {
      location: { file: source.path, line: 1, col: 1 },
      hint: "give the archive's data/tweets.js (older archives: tweet.js, or data/js/tweets/2013_03.js)",
      code: 'NOT_FEEDBACK',
    });
  }
  const owner = await findOwner(source);
  const notes = new NoteTweetIndex(options.archiveNotes?.notesBeside(source.path) ?? []);
  const cutShort = { count: 0, first: null as { line: number; row: number } | null };
  const seen = new Set<string>();
  for await (const element of archiveElements(source)) {
    if (element.kind === 'invalid') {
      yield element.item;
      continue;
    }
    const { provenance } = element;
    const tweet = archiveTweet(element.value);
    if (tweet === null) {
      yield notATweetItem('expected an archive element {"tweet": {…}}', element.value, provenance);
      continue;
    }
    const id = tweetId(tweet['id_str']) ?? tweetId(tweet['id']);
    if (id === null) {
      yield missingTweetIdItem(tweet, provenance);
      continue;
    }
    seen.add(id);
    const facts = archiveFacts(tweet, id, owner);
    const own = facts.retweetOf === null && retweetPrefixHandle(facts.text) === null;
    const whole = own ? notes.wholeText(id, facts.date, facts.text) : null;
    if (whole === null && own && looksCutShort(facts.text)) {
      cutShort.count += 1;
      cutShort.first ??= { line: provenance.line, row: provenance.row };
    }
    yield tweetItem(
      whole === null
        ? facts
        : {
            ...facts,
            text: whole.text,
            links: [...(facts.links ?? []), ...whole.links],
            meta: { ...facts.meta, hashtags: [...new Set([...(facts.meta.hashtags ?? []), ...whole.hashtags])] },
          },
      provenance,
    );
    const original = asObject(tweet['retweeted_status']);
    const originalId = original === null ? null : (tweetId(original['id_str']) ?? tweetId(original['id']));
    if (original !== null && originalId !== null && !seen.has(originalId)) {
      seen.add(originalId);
      yield tweetItem(archiveFacts(original, originalId, null, id), { ...provenance, part: 'retweeted_status' });
    }
  }
  if (cutShort.first !== null) yield cutShortWarning(source.path, cutShort.count, cutShort.first, !notes.empty);
}

/**
 * The one warning for a tweets file whose long tweets stay cut short: no note file of the archive
 * was read before it, or (`notesRead`) one was but held none of theirs.
 */
function cutShortWarning(file: string, count: number, first: { line: number; row: number }, notesRead: boolean): AdapterItem {
  const tweets = count === 1 ? '1 tweet ends' : `${count} tweets end`;
  const message = notesRead
    ? `${tweets} in "…" as X cuts a long tweet short, and the archive's note-tweet.js holds no whole text for ${count === 1 ? 'it' : 'them'}; stored as cut short`
    : `${tweets} in "…" as X cuts a long tweet short; the whole text is in the archive's data/note-tweet.js: ingest it with this file (or the archive's folder or zip) to read ${count === 1 ? 'it' : 'them'} whole`;
  return { kind: 'warning', message, provenance: { file, ...first } };
}

function archiveTweet(value: unknown): JsonObject | null {
  const object = asObject(value);
  if (object === null) return null;
  const inner = asObject(object['tweet']);
  if (inner !== null) return inner;
  return 'id_str' in object || 'full_text' in object ? object : null;
}

/**
 * A tweet of the archive as {@link TweetFacts}. `retweetedVia` is set for the original a month
 * file of the 2012–2018 archive carries inside a retweet (`retweeted_status`), which is someone
 * else's tweet: its author is its own `user`, never the archive's owner.
 */
function archiveFacts(tweet: JsonObject, id: string, owner: string | null, retweetedVia: string | null = null): TweetFacts {
  const text = asString(tweet['full_text']) ?? asString(tweet['text']) ?? '';
  const prefixHandle = retweetPrefixHandle(text);
  const original = asObject(tweet['retweeted_status']);
  const originalId = original === null ? null : (tweetId(original['id_str']) ?? tweetId(original['id']));
  const originalAuthor = asString(field(original, 'user', 'screen_name')) ?? prefixHandle;
  const editIds = asArray(
    field(tweet, 'edit_info', 'initial', 'editTweetIds') ?? field(tweet, 'edit_info', 'edit', 'editControlInitial', 'editTweetIds'),
  )
    .map(tweetId)
    .filter((value): value is string => value !== null);
  return {
    id,
    author: asString(field(tweet, 'user', 'screen_name')) ?? (retweetedVia === null ? owner : null),
    date: toIsoDate(tweet['created_at']),
    text,
    inReplyTo: tweetId(tweet['in_reply_to_status_id_str']) ?? tweetId(tweet['in_reply_to_status_id']),
    retweetOf:
      original !== null ? { id: originalId, author: originalAuthor } : prefixHandle === null ? null : { id: null, author: prefixHandle },
    quotedId: tweetId(tweet['quoted_status_id_str']) ?? linkedTweetId(tweet, id),
    editVersions: editIds.length > 1 ? editIds : null,
    links: entityLinks(field(tweet, 'entities', 'urls')),
    meta: {
      lang: asString(tweet['lang']),
      source: sourceLabel(tweet['source']),
      hashtags: asArray(field(tweet, 'entities', 'hashtags')).flatMap((tag) => asString(field(tag, 'text')) ?? []),
      likeCount: tweetCount(tweet['favorite_count']),
      retweetCount: tweetCount(tweet['retweet_count']),
      retweetedVia,
    },
  };
}

/** The id of a tweet the text links to (how the archive records a quote tweet), or null. */
function linkedTweetId(tweet: JsonObject, ownId: string): string | null {
  for (const url of asArray(field(tweet, 'entities', 'urls'))) {
    const match = STATUS_LINK.exec(asString(field(url, 'expanded_url')) ?? '');
    if (match !== null && match[3] === undefined && match[2] !== undefined && match[2] !== ownId) return match[2];
  }
  return null;
}

/**
 * First pass over the archive: finds the owner's handle from the earliest tweet (in file order)
 * that shows it: a media link `twitter.com/<owner>/status/<its own id>/photo/1`, or a reply to
 * another tweet of the same archive (`in_reply_to_screen_name` is then the owner). Null when no
 * tweet shows it. A broken file is left for the second pass to report.
 */
async function findOwner(source: InputSource): Promise<string | null> {
  const ids = new Set<string>();
  const selfReplies: { index: number; repliedTo: string; handle: string }[] = [];
  let mediaOwner: { index: number; handle: string } | null = null;
  let index = 0;
  try {
    for await (const element of jsonArrayElements(source.path, source.text())) {
      index += 1;
      if (element.kind !== 'value') continue;
      const tweet = archiveTweet(element.value);
      if (tweet === null) continue;
      const id = tweetId(tweet['id_str']) ?? tweetId(tweet['id']);
      if (id === null) continue;
      ids.add(id);
      if (mediaOwner === null) {
        const handle = ownMediaHandle(tweet, id);
        if (handle !== null) mediaOwner = { index, handle };
      }
      const repliedTo = tweetId(tweet['in_reply_to_status_id_str']);
      const handle = asString(tweet['in_reply_to_screen_name']);
      if (repliedTo !== null && handle !== null && (mediaOwner === null || index < mediaOwner.index)) {
        selfReplies.push({ index, repliedTo, handle });
      }
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
  }
  const selfReply = selfReplies.find((reply) => ids.has(reply.repliedTo));
  if (selfReply !== undefined && (mediaOwner === null || selfReply.index < mediaOwner.index)) return selfReply.handle;
  return mediaOwner?.handle ?? null;
}

function ownMediaHandle(tweet: JsonObject, id: string): string | null {
  const media = [
    ...asArray(field(tweet, 'entities', 'media')),
    ...asArray(field(tweet, 'extended_entities', 'media')),
    ...asArray(field(tweet, 'entities', 'urls')),
  ];
  for (const item of media) {
    const match = STATUS_LINK.exec(asString(field(item, 'expanded_url')) ?? '');
    if (match !== null && match[2] === id && match[1] !== undefined) return match[1];
  }
  return null;
}
