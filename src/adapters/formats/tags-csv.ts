import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { asArray, asString, field } from '../readers/json-fields.js';
import { readTweetTable, tweetSheetLayout, tweetTableScore, type TweetRow } from '../readers/tweet-table.js';
import { entityLinks, sourceLabel, statusUrlId, tweetId, tweetItem } from '../readers/tweet-item.js';

const SIGNATURE = ['id_str', 'from_user', 'text', 'created_at'];

/**
 * A TAGS (Twitter Archiving Google Sheet) archive saved as CSV: `id_str, from_user, text,
 * created_at, time, …, in_reply_to_status_id_str, source, …, status_url, entities_str`. Cells
 * written `NA` (the sheet went through R) count as empty. The date comes from `created_at`
 * (Twitter's own, in UTC) rather than `time`, which the sheet shifts to its own time zone.
 */
export const tagsCsvAdapter: FormatAdapter = {
  name: 'tags-csv',
  description: 'TAGS (Twitter Archiving Google Sheet) archive saved as CSV',
  channel: 'twitter',
  extensions: ['.csv', '.tsv'],
  signature: 'header with id_str, from_user, text, created_at (and status_url, entities_str)',
  sniff(input) {
    return tweetTableScore(input.headText, SIGNATURE);
  },
  read(source, options) {
    return readTweetTable(source, options, 'TAGS', SIGNATURE, tagsRowItems);
  },
};

/** A TAGS archive's sheet in a workbook (the Google Sheet downloaded as .xlsx or .ods). */
export const tagsSheetLayout = tweetSheetLayout('tags-csv', SIGNATURE, () => tagsRowItems);

function* tagsRowItems(row: TweetRow, provenance: Provenance): Iterable<AdapterItem> {
  const statusUrl = row.cell('status_url');
  const id = tweetId(row.cell('id_str')) ?? statusUrlId(statusUrl);
  if (id === null) {
    yield {
      kind: 'rejected',
      code: 'INVALID_TWEET_ID',
      message: `id_str ${JSON.stringify(row.cell('id_str') ?? '')} is not a tweet id and status_url gives none (was the sheet saved from a spreadsheet that turned ids into numbers?)`,
      provenance,
    };
    return;
  }
  const author = row.cell('from_user');
  const entities = parsedEntities(row.cell('entities_str'));
  yield tweetItem(
    {
      id,
      author,
      date: toIsoDate(row.cell('created_at')) ?? toIsoDate(row.cell('time')),
      text: row.rawCell('text') ?? '',
      inReplyTo: tweetId(row.cell('in_reply_to_status_id_str')),
      retweetOf: null,
      quotedId: null,
      editVersions: null,
      url: author === null ? statusUrl : null,
      links: entityLinks(field(entities, 'urls')),
      meta: {
        source: sourceLabel(row.cell('source')),
        hashtags: asArray(field(entities, 'hashtags')).flatMap((tag) => asString(field(tag, 'text')) ?? []),
      },
    },
    provenance,
  );
}

/** The tweet's entities from the `entities_str` cell (JSON), or null when it holds none. */
function parsedEntities(cell: string | null): unknown {
  if (cell === null) return null;
  try {
    return JSON.parse(cell) as unknown;
  } catch {
    return null;
  }
}
