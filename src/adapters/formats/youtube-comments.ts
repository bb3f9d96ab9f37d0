import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { invalidJsonItem, jsonArrayElements, jsonValueItems, partWithin, readsAsJsonLines } from '../readers/json-elements.js';
import { apiErrorSummary, asArray, asObject, asString, field } from '../readers/json-fields.js';
import { commentMeta, commentText, commenterName, notAComment } from '../readers/blog-comment-fields.js';
import { editTime } from '../readers/post-fields.js';

/** The `kind` of the responses and resources this adapter reads. */
const KINDS = /"kind"\s*:\s*"youtube#(?:commentThreadListResponse|commentListResponse|commentThread|comment)"/;

/** A response page's kind near the start of a pretty-printed file: its `items` are streamed. */
const PAGE_KIND = /^\s*\{\s*(?:"[^"]*"\s*:\s*(?:"[^"]*"|\d+)\s*,\s*){0,4}"kind"\s*:\s*"youtube#comment(?:Thread)?ListResponse"/;

/** What a comment's `moderationStatus` (given to the channel's owner) means, apart from `published`. */
const MODERATION_RULES: Readonly<Record<string, FilterRule>> = {
  heldForReview: 'unapproved',
  likelySpam: 'spam',
  rejected: 'moderated-out',
};

/**
 * YouTube Data API v3 comments: `commentThreads.list` responses (each thread's top-level comment
 * and the replies it carries) and `comments.list` responses (replies fetched by `parentId`), one
 * page per file, pages one per line (JSON Lines), or an array of pages, threads or comments.
 * Comments under a filmed blog or a recorded event are read as blog comments.
 */
export const youtubeCommentsAdapter: FormatAdapter = {
  name: 'youtube-comments',
  description: 'YouTube Data API v3 comments: commentThreads.list / comments.list responses (JSON or JSON Lines of pages)',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: '"kind": "youtube#commentThreadListResponse", "youtube#commentListResponse" or "youtube#commentThread"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    return KINDS.test(head) ? 0.95 : 0;
  },
  read(source) {
    return readYoutubeComments(source);
  },
};

async function* readYoutubeComments(source: InputSource): AsyncIterable<AdapterItem> {
  const streamed = !readsAsJsonLines(source) && PAGE_KIND.test(source.headText);
  if (!streamed) {
    yield* jsonValueItems(source, valueItems);
    return;
  }
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'items', optional: true })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `items[${element.index ?? 0}]` };
    if (element.kind === 'invalid') yield invalidJsonItem(element, provenance);
    else yield* valueItems(element.value, provenance);
  }
}

/** The items of one value: a response page (its items), a thread, a comment, or an API error. */
function* valueItems(value: unknown, provenance: Provenance): Iterable<AdapterItem> {
  const object = asObject(value);
  const kind = asString(field(object, 'kind'));
  if (object !== null && (kind === 'youtube#commentThreadListResponse' || kind === 'youtube#commentListResponse')) {
    for (const [index, item] of asArray(object['items']).entries())
      yield* resourceItems(item, { ...provenance, part: partWithin(provenance.part, `items[${index}]`) });
    return;
  }
  const problem = object === null ? null : apiErrorSummary(object);
  if (problem !== null) {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: problem };
    return;
  }
  yield* resourceItems(value, provenance);
}

/** The comments of a thread (its top-level comment, then the replies it carries), or one comment. */
function* resourceItems(value: unknown, provenance: Provenance): Iterable<AdapterItem> {
  const object = asObject(value);
  const kind = asString(field(object, 'kind'));
  if (object !== null && kind === 'youtube#commentThread') {
    const top = field(object, 'snippet', 'topLevelComment');
    const threadId = asString(object['id']);
    const videoId = asString(field(object, 'snippet', 'videoId'));
    const at = (part: string): Provenance => ({ ...provenance, part: partWithin(provenance.part, part) });
    yield commentItem(top, at('snippet.topLevelComment'), { parentId: null, videoId });
    const parentId = asString(field(top, 'id')) ?? threadId;
    for (const [index, reply] of asArray(field(object, 'replies', 'comments')).entries()) {
      yield commentItem(reply, at(`replies.comments[${index}]`), { parentId, videoId });
    }
    return;
  }
  if (object !== null && kind === 'youtube#comment') {
    yield commentItem(object, provenance, { parentId: null, videoId: null });
    return;
  }
  yield notAComment('expected a YouTube comment thread or comment (kind youtube#commentThread or youtube#comment)', value, provenance);
}

/** What a comment takes from the thread it was read in. */
interface ThreadContext {
  /** The top-level comment a reply answers, when read inside a thread. */
  parentId: string | null;
  /** The thread's video, when the comment's own snippet lacks it. */
  videoId: string | null;
}

function commentItem(value: unknown, provenance: Provenance, thread: ThreadContext): AdapterItem {
  const comment = asObject(value);
  const id = asString(field(comment, 'id'));
  const snippet = asObject(field(comment, 'snippet'));
  if (comment === null || snippet === null || id === null) {
    return notAComment('expected a YouTube comment with an id and a snippet', value, provenance);
  }
  const moderation = asString(snippet['moderationStatus']);
  const rule = moderation === null ? undefined : MODERATION_RULES[moderation];
  if (rule !== undefined) return { kind: 'filtered', rule, provenance, sourceId: id, detail: `moderationStatus "${moderation}"` };
  const original = asString(snippet['textOriginal']);
  const display = asString(snippet['textDisplay']);
  const videoId = asString(snippet['videoId']) ?? thread.videoId;
  const videoUrl = videoId === null ? null : `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;
  const meta: Record<string, JsonValue> = commentMeta(null, videoUrl);
  if (videoId !== null) meta['videoId'] = videoId;
  const likes = snippet['likeCount'];
  if (typeof likes === 'number' && Number.isFinite(likes)) meta['likeCount'] = likes;
  const editedAt = editTime(snippet['updatedAt'], snippet['publishedAt']);
  if (editedAt !== null) meta['editedAt'] = editedAt;
  return {
    kind: 'record',
    draft: {
      sourceId: id,
      author: commenterName(asString(snippet['authorDisplayName']), []),
      date: toIsoDate(asString(snippet['publishedAt'])),
      text: original === null ? commentText(display, 'html', []) : commentText(original, 'text', []),
      url: videoUrl === null ? null : `${videoUrl}&lc=${encodeURIComponent(id)}`,
      inReplyTo: asString(snippet['parentId']) ?? thread.parentId,
      meta,
      provenance,
    },
  };
}
