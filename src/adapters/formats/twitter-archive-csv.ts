import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { ReadablePrefix } from '../readers/readable-prefix.js';
import { readTweetTable, tweetSheetLayout, tweetTableScore, type TweetRow } from '../readers/tweet-table.js';
import { sourceLabel, tweetId, tweetItem } from '../readers/tweet-item.js';

const SIGNATURE = ['tweet_id', 'in_reply_to_status_id', 'timestamp', 'text', 'retweeted_status_id'];

/** A link to a tweet, `http://twitter.com/<user>/status/<id>`, with a `/photo/1` or `/video/1` after a media link. */
const STATUS_LINK = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/(\w{1,15})\/status(?:es)?\/(\d+)(\/(?:photo|video)\/\d+)?\/?$/;

/**
 * `tweets.csv`, the table at the top of the Twitter archive handed out from 2012 to 2018 (beside
 * `data/js/tweets/`): `tweet_id, in_reply_to_status_id, in_reply_to_user_id, timestamp, source,
 * text, retweeted_status_id, retweeted_status_user_id, retweeted_status_timestamp,
 * expanded_urls`. Every row is the account owner's tweet, and no column names the owner: the
 * handle is taken from a link to the owner's own photo or video (`expanded_urls` holding
 * `twitter.com/<owner>/status/<that row's id>/photo/1`) in a first pass, else left null. A row
 * with a `retweeted_status_id` is a retweet (the original's text is not in the file).
 */
export const twitterArchiveCsvAdapter: FormatAdapter = {
  name: 'twitter-archive-csv',
  description: "tweets.csv of the Twitter archive of 2012–2018 (the owner's tweets as a table)",
  channel: 'twitter',
  extensions: ['.csv'],
  signature: 'header with tweet_id, in_reply_to_status_id, timestamp, text, retweeted_status_id',
  sniff(input) {
    return tweetTableScore(input.headText, SIGNATURE);
  },
  read(source, options) {
    return readArchiveTable(source, options);
  },
};

/** The archive's tweets.csv opened in a spreadsheet and saved as a workbook (its owner is not looked for there). */
export const twitterArchiveSheetLayout = tweetSheetLayout(
  'twitter-archive-csv',
  SIGNATURE,
  () => (row, provenance) => archiveRowItems(row, provenance, null),
);

async function* readArchiveTable(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  let owner: string | null = null;
  const prefix = new ReadablePrefix();
  const findOwner = (row: TweetRow): Iterable<AdapterItem> => {
    if (owner === null) owner = ownMediaHandle(row);
    return [];
  };
  for await (const item of prefix.of(readTweetTable(source, options, 'Twitter archive', SIGNATURE, findOwner))) void item;
  const author = owner;
  yield* readTweetTable(source, options, 'Twitter archive', SIGNATURE, (row, provenance) => archiveRowItems(row, provenance, author));
  prefix.throwBreak();
}

function* archiveRowItems(row: TweetRow, provenance: Provenance, owner: string | null): Iterable<AdapterItem> {
  const id = tweetId(row.cell('tweet_id'));
  if (id === null) {
    yield {
      kind: 'rejected',
      code: 'INVALID_TWEET_ID',
      message: `tweet_id ${JSON.stringify(row.cell('tweet_id') ?? '')} is not a tweet id (was the file re-saved from a spreadsheet?)`,
      provenance,
    };
    return;
  }
  const retweetedId = tweetId(row.cell('retweeted_status_id'));
  yield tweetItem(
    {
      id,
      author: owner,
      date: toIsoDate(row.cell('timestamp')),
      text: row.rawCell('text') ?? '',
      inReplyTo: tweetId(row.cell('in_reply_to_status_id')),
      retweetOf: retweetedId === null ? null : { id: retweetedId, author: null },
      quotedId: statusLinks(row).find((link) => link.id !== id && !link.media)?.id ?? null,
      editVersions: null,
      meta: { source: sourceLabel(row.cell('source')) },
    },
    provenance,
  );
}

/** The tweet links among a row's `expanded_urls` (a comma-separated list, each link written twice). */
function statusLinks(row: TweetRow): { handle: string; id: string; media: boolean }[] {
  return (row.cell('expanded_urls') ?? '').split(',').flatMap((url) => {
    const match = STATUS_LINK.exec(url.trim());
    const handle = match?.[1];
    const id = match?.[2];
    return handle === undefined || id === undefined ? [] : [{ handle, id, media: match?.[3] !== undefined }];
  });
}

/** The owner's handle when the row links to its own photo or video, else null. */
function ownMediaHandle(row: TweetRow): string | null {
  const id = tweetId(row.cell('tweet_id'));
  return statusLinks(row).find((link) => link.media && link.id === id)?.handle ?? null;
}
