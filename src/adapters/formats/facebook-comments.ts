import { InputError } from '../../errors.js';
import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonArrayElements, jsonValueItems, partWithin, readsAsJsonLines } from '../readers/json-elements.js';
import { apiErrorSummary, asArray, asObject, asString, field } from '../readers/json-fields.js';
import { commentText, commenterName, notAComment } from '../readers/blog-comment-fields.js';
import { downloadedMetaString } from '../readers/utf8-mojibake.js';

/** The member a "Download Your Information" comments file lists its entries under (older exports: `comments`). */
const DYI_MEMBER = /^\s*\{\s*"(comments_v2|comments)"\s*:\s*\[/;

/** A DYI entry: `{"timestamp": …, "data": [{"comment": {…}}]`. */
const DYI_ENTRY = /"data"\s*:\s*\[\s*\{\s*"comment"\s*:\s*\{/;

/** A Graph API comment's fields, as a page's head shows them. */
const GRAPH_COMMENT = /"created_time"\s*:\s*"\d{4}-\d\d-\d\dT/;

/**
 * A conversation of Messenger or Instagram direct messages in a "Download Your Information"
 * export (`messages/inbox/<name>_<id>/message_1.json`): its participants and messages. Private.
 */
const DYI_CONVERSATION = /^\s*\{\s*"participants"\s*:\s*\[/;
const DYI_CONVERSATION_MESSAGES = /"(?:sender_name|timestamp_ms)"\s*:/;

/** A Graph API page's start: `{"data": [`, pretty-printed or not. */
const GRAPH_PAGE = /^\s*\[?\s*\{\s*"data"\s*:\s*\[/;

/**
 * Facebook comments: Graph API comment pages (`/{object-id}/comments`: `data` with `message`,
 * `from`, `created_time`, `parent`, and replies nested under `comments.data`), one page, pages
 * one per line or an array of pages; and the comments file of a "Download Your Information"
 * export (`comments_v2`), whose strings are UTF-8 bytes written as `\u00XX` escapes, decoded back.
 * The private conversations the same export holds (Messenger and Instagram direct messages) are
 * recognised and never read: `NOT_FEEDBACK`, which a folder or archive lists as not feedback.
 */
export const facebookCommentsAdapter: FormatAdapter = {
  name: 'facebook-comments',
  description: 'Facebook comments: Graph API comment pages, or the comments_v2 file of Download Your Information',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: '{"comments_v2": [...]} entries with "data": [{"comment": …}], or {"data": [...]} comments with "created_time" and "message"',
  sniff(input) {
    const head = input.headText;
    if (DYI_MEMBER.test(head) && DYI_ENTRY.test(head)) return 0.95;
    if (DYI_CONVERSATION.test(head) && DYI_CONVERSATION_MESSAGES.test(head)) return 0.95;
    if (GRAPH_PAGE.test(head) && GRAPH_COMMENT.test(head) && /"message"\s*:/.test(head) && !/"text"\s*:/.test(head)) return 0.8;
    return 0;
  },
  read(source) {
    return readFacebookComments(source);
  },
};

async function* readFacebookComments(source: InputSource): AsyncIterable<AdapterItem> {
  if (DYI_CONVERSATION.test(source.headText)) {
    throw new InputError('a conversation of private messages (Messenger or Instagram), not public comments; not read', {
      location: { file: source.path },
      hint: "ingest the export's comments file (comments_v2) instead",
      code: 'NOT_FEEDBACK',
    });
  }
  const member = readsAsJsonLines(source) ? null : (DYI_MEMBER.exec(source.headText)?.[1] ?? null);
  if (member !== null) {
    for await (const element of jsonArrayElements(source.path, source.text(), { member })) {
      const provenance: Provenance = { file: source.path, line: element.line, part: `${member}[${element.index ?? 0}]` };
      if (element.kind === 'invalid') yield invalidJsonItem(element, provenance);
      else yield dyiItem(element.value, provenance);
    }
    return;
  }
  const pretty = !readsAsJsonLines(source) && GRAPH_PAGE.test(source.headText) && !source.headText.trimStart().startsWith('[');
  if (!pretty) {
    yield* jsonValueItems(source, graphValueItems);
    return;
  }
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'data' })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `data[${element.index ?? 0}]` };
    if (element.kind === 'invalid') yield invalidJsonItem(element, provenance);
    else yield* graphCommentItems(element.value, provenance, null);
  }
}

/** A Graph API page (its comments), a comment, an error response, or a whole DYI file written on one line. */
function* graphValueItems(value: unknown, provenance: Provenance): Iterable<AdapterItem> {
  const object = asObject(value);
  if (object !== null && Array.isArray(object['data'])) {
    for (const [index, comment] of asArray(object['data']).entries()) {
      yield* graphCommentItems(comment, { ...provenance, part: partWithin(provenance.part, `data[${index}]`) }, null);
    }
    return;
  }
  const member = object !== null && object['comments_v2'] !== undefined ? 'comments_v2' : 'comments';
  const entries = object === null ? [] : asArray(object[member]);
  if (entries.length > 0) {
    for (const [index, entry] of entries.entries())
      yield dyiItem(entry, { ...provenance, part: partWithin(provenance.part, `${member}[${index}]`) });
    return;
  }
  const error = apiErrorSummary(value);
  if (error !== null) {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: error };
    return;
  }
  yield* graphCommentItems(value, provenance, null);
}

/** A Graph API comment, then the replies nested under its `comments.data` (one level: Facebook threads are two deep). */
function* graphCommentItems(value: unknown, provenance: Provenance, parentId: string | null): Iterable<AdapterItem> {
  const comment = asObject(value);
  const id = asString(field(comment, 'id'));
  if (comment === null || id === null || !('message' in comment || 'attachment' in comment)) {
    yield notAComment('expected a Graph API comment with an id and a message', value, provenance);
    return;
  }
  const meta: Record<string, JsonValue> = {};
  for (const key of ['like_count', 'comment_count'] as const) {
    const count = comment[key];
    if (typeof count === 'number' && Number.isFinite(count)) meta[key === 'like_count' ? 'likeCount' : 'replyCount'] = count;
  }
  const attachment = asString(field(comment, 'attachment', 'type'));
  if (attachment !== null) meta['attachment'] = attachment;
  yield {
    kind: 'record',
    draft: {
      sourceId: id,
      author: commenterName(asString(field(comment, 'from', 'name')), []),
      date: toIsoDate(asString(comment['created_time'])),
      text: commentText(asString(comment['message']), 'text', []),
      url: asString(comment['permalink_url']),
      inReplyTo: asString(field(comment, 'parent', 'id')) ?? parentId,
      meta,
      provenance,
    },
  };
  if (parentId !== null) return;
  for (const [index, reply] of asArray(field(comment, 'comments', 'data')).entries()) {
    yield* graphCommentItems(reply, { ...provenance, part: partWithin(provenance.part, `comments.data[${index}]`) }, id);
  }
}

/** One entry of a DYI comments file: the comment its `data` holds, strings decoded back to UTF-8. */
function dyiItem(value: unknown, provenance: Provenance): AdapterItem {
  const entry = asObject(value);
  const comment = asObject(
    asArray(field(entry, 'data'))
      .map((item) => field(item, 'comment'))
      .find((item) => asObject(item) !== null),
  );
  if (entry === null || comment === null) {
    if (entry !== null && 'attachments' in entry) {
      return { kind: 'filtered', rule: 'empty-text', provenance, detail: 'a comment with only an attachment' };
    }
    return notAComment('expected a comment entry with data: [{"comment": {…}}]', value, provenance);
  }
  const title = downloadedMetaString(entry['title']);
  const meta: Record<string, JsonValue> = {};
  if (title !== null) meta['title'] = title;
  const group = downloadedMetaString(comment['group']);
  if (group !== null) meta['group'] = group;
  return {
    kind: 'record',
    draft: {
      sourceId: null,
      author: commenterName(downloadedMetaString(comment['author']), []),
      date: toIsoDate(comment['timestamp'] ?? entry['timestamp']),
      text: commentText(downloadedMetaString(comment['comment']), 'text', []),
      url: null,
      inReplyTo: null,
      meta,
      provenance,
    },
  };
}
