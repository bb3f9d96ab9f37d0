import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { readTweetTable, tweetSheetLayout, tweetTableScore, type TweetRow } from '../readers/tweet-table.js';
import { sourceLabel, statusUrlId, tweetCount, tweetId, tweetItem, type TweetLink } from '../readers/tweet-item.js';

const SIGNATURE = ['user_id', 'status_id', 'screen_name', 'text', 'is_retweet'];

/**
 * The CSV that rtweet (R, versions before 1.0) writes with `write_as_csv` / `save_as_csv`:
 * `user_id, status_id, created_at, screen_name, text, source, reply_to_status_id, is_quote,
 * is_retweet, …, retweet_status_id, retweet_text, …`. Ids carry rtweet's `x` prefix (`x1170…`),
 * logicals are `TRUE`/`FALSE`, list columns are space-separated, and `NA` counts as empty. A
 * retweet row carries the original's text, date and author, so the original becomes a record.
 */
export const rtweetCsvAdapter: FormatAdapter = {
  name: 'rtweet-csv',
  description: 'rtweet (R) tweets saved with write_as_csv / save_as_csv (rtweet before 1.0)',
  channel: 'twitter',
  extensions: ['.csv', '.tsv'],
  signature: 'header with user_id, status_id, screen_name, text, is_retweet',
  sniff(input) {
    return tweetTableScore(input.headText, SIGNATURE);
  },
  read(source, options) {
    const seen = new Set<string>();
    return readTweetTable(source, options, 'rtweet', SIGNATURE, (row, provenance) => rtweetRowItems(row, provenance, seen));
  },
};

/** An rtweet table's sheet in a workbook (saved with write_xlsx, or the CSV saved from Excel). */
export const rtweetSheetLayout = tweetSheetLayout('rtweet-csv', SIGNATURE, () => {
  const seen = new Set<string>();
  return (row, provenance) => rtweetRowItems(row, provenance, seen);
});

function* rtweetRowItems(row: TweetRow, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const id = rtweetId(row.cell('status_id')) ?? statusUrlId(row.cell('status_url'));
  if (id === null) {
    yield {
      kind: 'rejected',
      code: 'INVALID_TWEET_ID',
      message: `status_id ${JSON.stringify(row.cell('status_id') ?? '')} is not a tweet id and status_url gives none (was the file re-saved from a spreadsheet?)`,
      provenance,
    };
    return;
  }
  seen.add(id);
  const isRetweet = isTrue(row.cell('is_retweet'));
  const originalId = rtweetId(row.cell('retweet_status_id'));
  const originalAuthor = row.cell('retweet_screen_name');
  yield tweetItem(
    {
      id,
      author: row.cell('screen_name'),
      date: toIsoDate(row.cell('created_at')),
      text: row.rawCell('text') ?? '',
      inReplyTo: rtweetId(row.cell('reply_to_status_id')),
      retweetOf: isRetweet ? { id: originalId, author: originalAuthor } : null,
      quotedId: rtweetId(row.cell('quoted_status_id')),
      editVersions: null,
      links: rowLinks(row),
      meta: {
        lang: row.cell('lang'),
        source: sourceLabel(row.cell('source')),
        hashtags: listCell(row.cell('hashtags')),
        likeCount: tweetCount(row.cell('favorite_count')),
        retweetCount: tweetCount(row.cell('retweet_count')),
      },
    },
    provenance,
  );
  const originalText = row.rawCell('retweet_text');
  if (!isRetweet || originalId === null || originalText === null || seen.has(originalId)) return;
  seen.add(originalId);
  yield tweetItem(
    {
      id: originalId,
      author: originalAuthor,
      date: toIsoDate(row.cell('retweet_created_at')),
      text: originalText,
      inReplyTo: null,
      retweetOf: null,
      quotedId: null,
      editVersions: null,
      links: rowLinks(row),
      meta: {
        source: sourceLabel(row.cell('retweet_source')),
        likeCount: tweetCount(row.cell('retweet_favorite_count')),
        retweetCount: tweetCount(row.cell('retweet_retweet_count')),
        retweetedVia: id,
      },
    },
    { ...provenance, part: 'retweet_text' },
  );
}

/** An rtweet id cell: digits, with the `x` that `write_as_csv` puts before ids to keep them text. */
function rtweetId(cell: string | null): string | null {
  return cell === null ? null : tweetId(cell.replace(/^x/, ''));
}

/** The shortened links of a row (`urls_t.co`) paired with their addresses (`urls_expanded_url`), in order. */
function rowLinks(row: TweetRow): TweetLink[] {
  const addresses = listCell(row.cell('urls_expanded_url'));
  return listCell(row.cell('urls_t.co')).flatMap((url, index) => {
    const expandedUrl = addresses[index];
    return expandedUrl === undefined ? [] : [{ url, expandedUrl }];
  });
}

function isTrue(cell: string | null): boolean {
  return cell !== null && /^(true|t|1)$/i.test(cell);
}

/** A list column: space-separated values, or R's `c("a", "b")` when saved with write.csv. */
function listCell(cell: string | null): string[] {
  if (cell === null) return [];
  if (cell.startsWith('c(')) return [...cell.matchAll(/"([^"]*)"/g)].flatMap((match) => match[1] ?? []);
  return cell.split(/\s+/).filter((value) => value !== '');
}
