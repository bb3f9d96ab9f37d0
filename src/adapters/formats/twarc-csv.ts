import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { asArray, asString, field } from '../readers/json-fields.js';
import { readTweetTable, tweetSheetLayout, tweetTableScore, type TweetRow } from '../readers/tweet-table.js';
import { entityLinks, sourceLabel, tweetCount, tweetId, tweetItem } from '../readers/tweet-item.js';

const SIGNATURE = ['id', 'conversation_id', 'author_id', 'text', 'created_at'];

/**
 * twarc-csv's flattened CSV of API v2 tweets (`twarc2 csv`): dot-named columns (`author.username`,
 * `public_metrics.like_count`, `referenced_tweets.retweeted.id`…), lists as JSON in cells, Python
 * `True`/`False`. Also reads the early layout, with one `referenced_tweets` JSON column, a `type`
 * column on referenced tweets inlined as rows, and the text JSON-encoded in its cell. Text
 * newlines, which twarc-csv writes as `\n`, are restored.
 */
export const twarcCsvAdapter: FormatAdapter = {
  name: 'twarc-csv',
  description: 'twarc-csv export of API v2 tweets (twarc2 csv): flattened dot-named columns',
  channel: 'twitter',
  extensions: ['.csv', '.tsv'],
  signature: 'header with id, conversation_id, author_id, text, created_at (and author.username, public_metrics.*)',
  sniff(input) {
    return tweetTableScore(input.headText, SIGNATURE);
  },
  read(source, options) {
    return readTweetTable(source, options, 'twarc-csv', SIGNATURE, twarcRowItems);
  },
};

/** A twarc-csv export's sheet in a workbook (the CSV opened in Excel and saved as .xlsx). */
export const twarcSheetLayout = tweetSheetLayout('twarc-csv', SIGNATURE, () => twarcRowItems);

function* twarcRowItems(row: TweetRow, provenance: Provenance): Iterable<AdapterItem> {
  const id = tweetId(row.cell('id'));
  if (id === null) {
    yield {
      kind: 'rejected',
      code: 'INVALID_TWEET_ID',
      message: `id ${JSON.stringify(row.cell('id') ?? '')} is not a tweet id`,
      provenance,
    };
    return;
  }
  const references = referencedTweets(row);
  const retweetedId = references.get('retweeted');
  const editIds = (row.cell('edit_history_tweet_ids') ?? '').match(/\d+/g) ?? [];
  yield tweetItem(
    {
      id,
      author: row.cell('author.username'),
      date: toIsoDate(row.cell('created_at')),
      text: twarcText(row.rawCell('text') ?? ''),
      inReplyTo: references.get('replied_to') ?? null,
      retweetOf: retweetedId === undefined ? null : { id: retweetedId, author: row.cell('retweeted_username') },
      quotedId: references.get('quoted') ?? null,
      editVersions: editIds.length > 1 ? editIds : null,
      links: entityLinks(parseJson(row.cell('entities.urls') ?? '')),
      meta: {
        lang: row.cell('lang'),
        source: sourceLabel(row.cell('source')),
        hashtags: hashtags(row.cell('entities.hashtags')),
        likeCount: tweetCount(row.cell('public_metrics.like_count')),
        retweetCount: tweetCount(row.cell('public_metrics.retweet_count')),
        conversationId: tweetId(row.cell('conversation_id')),
        referencedAs: row.cell('type'),
      },
    },
    provenance,
  );
}

/** Referenced tweet ids by type, from the `referenced_tweets.<type>.id` columns or the early JSON column. */
function referencedTweets(row: TweetRow): Map<string, string> {
  const references = new Map<string, string>();
  for (const type of ['replied_to', 'retweeted', 'quoted']) {
    const id = tweetId(row.cell(`referenced_tweets.${type}.id`));
    if (id !== null) references.set(type, id);
  }
  const early = row.cell('referenced_tweets');
  if (early !== null) {
    for (const reference of asArray(parseJson(early))) {
      const type = asString(field(reference, 'type'));
      const id = tweetId(field(reference, 'id'));
      if (type !== null && id !== null && !references.has(type)) references.set(type, id);
    }
  }
  return references;
}

/** The tweet text: a JSON-encoded cell (`"…\u2019…"`) decoded, else twarc-csv's `\n` turned back into newlines. */
export function twarcText(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    const decoded = parseJson(trimmed);
    if (typeof decoded === 'string') return decoded;
  }
  return cell.replace(/\\n/g, '\n');
}

function hashtags(cell: string | null): string[] {
  if (cell === null) return [];
  return asArray(parseJson(cell)).flatMap((tag) => {
    const text = typeof tag === 'string' ? tag : asString(field(tag, 'tag'));
    return text === null ? [] : [text.replace(/^#/, '')];
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
