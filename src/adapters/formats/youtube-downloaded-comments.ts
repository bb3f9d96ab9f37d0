import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { counted } from '../../counted.js';
import { jsonValueItems, partWithin } from '../readers/json-elements.js';
import { asObject, asString } from '../readers/json-fields.js';
import { commentText, commenterName, notAComment } from '../readers/blog-comment-fields.js';

/**
 * A comment as youtube-comment-downloader writes it: its YouTube comment id (`Ug…`, a reply's
 * `Ug….…`) under `cid`, near its `text`.
 */
const COMMENT_HEAD = /^\s*[[{]\s*(?:"comments"\s*:\s*\[\s*\{\s*)?(?:\{\s*)?"cid"\s*:\s*"Ug[\w-]{10,}/;

/** `time` as YouTube shows it to a viewer: how long ago, in one unit (`3 weeks ago`, `1 year ago (edited)`). */
const RELATIVE_TIME = /^\s*(\d+)\s+(second|minute|hour|day|week|month|year)s?\s+ago\s*(\(edited\))?\s*$/i;

/** Units fine enough for the date the downloader worked out from them to fall in the right month. */
const DATED_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month']);

/** A like count written out in full (`12`); YouTube rounds larger ones (`1.2K`). */
const WHOLE_COUNT = /^\d+$/;

/**
 * The comments youtube-comment-downloader (a widely used script that reads a video's comments
 * from the page, without an API key) writes: JSON Lines, one comment an object (`cid`, `text`,
 * `time`, `author`, `channel`, `votes`, `replies`, `photo`, `heart`, `reply`, `time_parsed`), or
 * the same comments in an array or under `comments` (its pretty-printed output). Comments under a
 * filmed blog or a recorded event, read as blog comments, as the YouTube Data API's are.
 */
export const youtubeDownloadedCommentsAdapter: FormatAdapter = {
  name: 'youtube-comment-downloader',
  description:
    'YouTube comments saved by youtube-comment-downloader (JSON Lines of {cid, text, time, author, votes, heart, reply, time_parsed}, or its pretty-printed {"comments": […]})',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: 'objects whose "cid" is a YouTube comment id ("Ug…") beside "text", "author" and "time"',
  sniff(input) {
    return COMMENT_HEAD.test(input.headText) && /"text"\s*:/.test(input.headText) && /"author"\s*:/.test(input.headText) ? 0.95 : 0;
  },
  read(source) {
    return readDownloadedComments(source);
  },
};

async function* readDownloadedComments(source: InputSource): AsyncIterable<AdapterItem> {
  let undated = 0;
  let firstUndated: Provenance | undefined;
  function* valueItems(value: unknown, provenance: Provenance): Iterable<AdapterItem> {
    const listed = asObject(value)?.['comments'];
    const comments = Array.isArray(listed)
      ? listed.map((comment: unknown, index) => ({
          comment,
          at: { ...provenance, part: partWithin(provenance.part, `comments[${index}]`) },
        }))
      : [{ comment: value, at: provenance }];
    for (const { comment, at } of comments) {
      const item = commentItem(comment, at);
      if (item.kind === 'record' && item.draft.date === null && typeof asObject(comment)?.['time_parsed'] === 'number') {
        undated += 1;
        firstUndated ??= at;
      }
      yield item;
    }
  }
  yield* jsonValueItems(source, valueItems);
  if (undated > 0 && firstUndated !== undefined) {
    yield {
      kind: 'warning',
      message: `${counted(undated, 'comment')} ${undated === 1 ? 'is' : 'are'} dated by YouTube only as years ago, or in words tlap cannot place in a month (${undated === 1 ? 'here' : 'the first here'}): no date, the words kept in meta.time`,
      provenance: firstUndated,
    };
  }
}

/**
 * The date the downloader worked out from `time`, when `time` says it is fine enough to place the
 * comment in its month (English `N units ago`, seconds to months), or gives nothing to judge by.
 * Years ago, or a time in words of another language, leaves the comment undated.
 */
function commentDate(time: string | null, parsed: unknown): string | null {
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return null;
  if (time === null || time.trim() === '') return isoFromSeconds(parsed);
  const relative = RELATIVE_TIME.exec(time);
  if (relative === null || !DATED_UNITS.has((relative[2] ?? '').toLowerCase())) return null;
  return isoFromSeconds(parsed);
}

function isoFromSeconds(parsed: number): string | null {
  const date = new Date(parsed * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function commentItem(value: unknown, provenance: Provenance): AdapterItem {
  const comment = asObject(value);
  const id = asString(comment?.['cid'] ?? null);
  const text = asString(comment?.['text'] ?? null);
  if (comment === null || id === null || text === null) {
    return notAComment('expected a comment with a "cid" and a "text", as youtube-comment-downloader writes one', value, provenance);
  }
  const time = asString(comment['time'] ?? null);
  const meta: Record<string, JsonValue> = {};
  if (time !== null && time.trim() !== '') meta['time'] = time.trim();
  if (time !== null && /\(edited\)/i.test(time)) meta['edited'] = true;
  const votes = asString(comment['votes'] ?? null)?.trim() ?? '';
  if (WHOLE_COUNT.test(votes)) meta['likeCount'] = Number(votes);
  else if (votes !== '') meta['votes'] = votes;
  if (comment['heart'] === true) meta['heartedByCreator'] = true;
  const paid = asString(comment['paid'] ?? null);
  if (paid !== null && paid.trim() !== '') meta['paid'] = paid.trim();
  const dot = id.indexOf('.');
  return {
    kind: 'record',
    draft: {
      sourceId: id,
      author: commenterName(asString(comment['author'] ?? null), []),
      date: commentDate(time, comment['time_parsed']),
      text: commentText(text, 'text', []),
      url: null,
      inReplyTo: dot > 0 ? id.slice(0, dot) : null,
      meta,
      provenance,
    },
  };
}
