import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import { EXPORT_OWNER_META, type JsonValue, type Provenance, type RecordDraft } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { apiErrorSummary, asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { commentMeta, commentText, commenterName, notAComment } from '../readers/blog-comment-fields.js';
import { postCount } from '../readers/post-fields.js';
import { downloadedMetaString } from '../readers/utf8-mojibake.js';

/** An IG Comment's `timestamp`: ISO 8601 with a `+0000` offset. */
const GRAPH_TIMESTAMP = /"timestamp"\s*:\s*"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}"/;

/** A Graph API page's start: `{"data": [`, pretty-printed or not, alone or in an array of pages. */
const GRAPH_PAGE = /^\s*\[?\s*\{\s*"data"\s*:\s*\[/;

/** An IG Media object's own fields, around the comments it embeds. */
const MEDIA_FIELDS = /"(?:media_type|media_product_type|comments_count|shortcode)"\s*:|"permalink"\s*:\s*"https:\/\/www\.instagram\.com\//;

/**
 * The names a "Download Your Information" comment entry gives its fields under `string_map_data`,
 * in the language of the account's settings: English, Dutch, German, Polish, Turkish, Arabic,
 * Russian, Italian, Romanian, Spanish and Albanian.
 */
const DYI_LABELS = {
  comment: [
    'Comment',
    'Opmerking',
    'Kommentar',
    'Komentarz',
    'Yorum',
    'تعليق',
    'Комментарий',
    'Commento',
    'Comentariu',
    'Comentario',
    'Koment',
  ],
  mediaOwner: [
    'Media Owner',
    'Media-eigenaar',
    'Medieninhaber',
    'Właściciel mediów',
    'Medya sahibi',
    'مالك الوسائط',
    'Владелец медиафайла',
    'Proprietario del contenuto multimediale',
    'Proprietarul conținutului media',
    'Propietario del contenido multimedia',
    'Pronari i medias',
  ],
  time: ['Time', 'Tijd', 'Zeit', 'Godzina', 'Saat', 'الوقت', 'Время', 'Ora', 'Hora'],
} as const;

/** A label as it stands in the file: itself, or its UTF-8 bytes each written as a `\u00XX` escape. */
function labelPattern(label: string): string {
  const escaped = [...Buffer.from(label, 'utf8')]
    .map((byte) =>
      byte < 0x80 ? String.fromCharCode(byte).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&') : `\\\\u00${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
  const plain = label.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return escaped === plain ? plain : `${plain}|${escaped}`;
}

function labelKey(labels: readonly string[]): RegExp {
  return new RegExp(`"(?:${labels.map(labelPattern).join('|')})"\\s*:\\s*\\{`, 'i');
}

/** A DYI comment entry's `Comment` key, in any of its languages. */
const DYI_COMMENT_KEY = labelKey(DYI_LABELS.comment);

/** Its `Media Owner` or `Time` key. */
const DYI_OWNER_OR_TIME_KEY = labelKey([...DYI_LABELS.mediaOwner, ...DYI_LABELS.time]);

/**
 * The members a DYI comments file lists its entries under: reels comments, and post comments in
 * exports of about 2021 to 2022 (before `post_comments_1.json` became a bare array).
 */
const DYI_ENTRY_MEMBERS = ['comments_reels_comments', 'comments_media_comments'] as const;

/** A DYI comments file that lists its entries under a member. */
const DYI_MEMBER_FILE = /^\s*\{\s*"(?:comments_reels_comments|comments_media_comments)"\s*:\s*\[/;

/** The comments file of exports from before 2021 (`comments.json`): `[time, text, media owner]` triples. */
const DYI_TRIPLES_MEMBER = 'media_comments';

/** Its start. */
const DYI_TRIPLES_FILE = /^\s*\{\s*"media_comments"\s*:\s*\[\s*(?:\]|\[\s*"\d{4}-\d\d-\d\d)/;

/**
 * Instagram comments: Graph API pages of IG Comments (`/{ig-media-id}/comments` with `text`,
 * `timestamp`, `username`, `like_count` and replies nested under `replies.data`), one page, pages
 * one per line or an array of pages; an IG Media object with its `comments` embedded; and the
 * comments files of a "Download Your Information" export (`post_comments_1.json`,
 * `reels_comments.json`: the account's own comments, as `string_map_data` named in the account's
 * language; the `comments_media_comments` of 2021–2022 and the `media_comments` triples of older
 * exports), whose strings are UTF-8 bytes written as `\u00XX` escapes, decoded back. Read like Facebook's comments: comments
 * under an account's post are blog comments.
 */
export const instagramCommentsAdapter: FormatAdapter = {
  name: 'instagram-comments',
  description: 'Instagram comments: Graph API IG Comment pages or a media object with its comments, or Download Your Information comments',
  channel: 'blog-comment',
  platformPostIds: true,
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature:
    '{"data": [...]} comments with "text", "timestamp" (…T…+0000) and "username" or "like_count"; a media object with "comments": {"data": …}; "string_map_data": {"Comment": …}; {"comments_media_comments": [...]}; {"media_comments": [[…]]}',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    if (DYI_MEMBER_FILE.test(head) || DYI_TRIPLES_FILE.test(head)) return 0.95;
    if (/"string_map_data"\s*:\s*\{/.test(head) && DYI_COMMENT_KEY.test(head) && DYI_OWNER_OR_TIME_KEY.test(head)) return 0.95;
    const comment = GRAPH_TIMESTAMP.test(head) && /"text"\s*:/.test(head) && !/"created_time"\s*:/.test(head);
    if (!comment) return 0;
    if (GRAPH_PAGE.test(head) && /"(?:username|like_count)"\s*:/.test(head)) return 0.85;
    if (/"comments"\s*:\s*\{\s*"data"\s*:\s*\[/.test(head) && MEDIA_FIELDS.test(head)) return 0.85;
    return 0;
  },
  read(source) {
    return readInstagramComments(source);
  },
};

/** The post comments were read under, when the file gives it. */
interface MediaContext {
  id: string | null;
  permalink: string | null;
}

const NO_MEDIA: MediaContext = { id: null, permalink: null };

function readInstagramComments(source: InputSource): AsyncIterable<AdapterItem> {
  return jsonValueItems(source, valueItems);
}

/** A page of comments, a media object with its comments, a DYI file or entry, an error, or one comment. */
function* valueItems(value: unknown, provenance: Provenance): Iterable<AdapterItem> {
  const object = asObject(value);
  const prefix = provenance.part === undefined ? '' : `${provenance.part}.`;
  const at = (part: string): Provenance => ({ ...provenance, part: `${prefix}${part}` });
  if (object !== null && Array.isArray(object['data'])) {
    for (const [index, comment] of asArray(object['data']).entries()) yield* commentItems(comment, at(`data[${index}]`), null, NO_MEDIA);
    return;
  }
  const embedded = asObject(object?.['comments']);
  if (object !== null && embedded !== null && Array.isArray(embedded['data'])) {
    const media: MediaContext = { id: asString(object['id']), permalink: asString(object['permalink']) };
    for (const [index, comment] of asArray(embedded['data']).entries()) {
      yield* commentItems(comment, at(`comments.data[${index}]`), null, media);
    }
    return;
  }
  const member = DYI_ENTRY_MEMBERS.find((name) => Array.isArray(object?.[name]));
  if (object !== null && member !== undefined) {
    for (const [index, entry] of asArray(object[member]).entries()) yield dyiItem(entry, at(`${member}[${index}]`));
    return;
  }
  if (object !== null && Array.isArray(object[DYI_TRIPLES_MEMBER])) {
    for (const [index, entry] of asArray(object[DYI_TRIPLES_MEMBER]).entries())
      yield dyiTripleItem(entry, at(`${DYI_TRIPLES_MEMBER}[${index}]`));
    return;
  }
  if (object !== null && (asObject(object['string_map_data']) !== null || Array.isArray(object['string_list_data']))) {
    yield dyiItem(object, provenance);
    return;
  }
  const error = apiErrorSummary(value);
  if (error !== null) {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: error };
    return;
  }
  yield* commentItems(value, provenance, null, NO_MEDIA);
}

/**
 * An IG Comment, then the replies nested under its `replies.data` (one level: Instagram's replies
 * are not answered in turn). A comment the account hid is filtered `moderated-out`.
 */
function* commentItems(value: unknown, provenance: Provenance, parentId: string | null, media: MediaContext): Iterable<AdapterItem> {
  const comment = asObject(value);
  const id = asString(field(comment, 'id'));
  if (comment === null || id === null || typeof comment['text'] !== 'string') {
    yield notAComment('expected an IG Comment with an id and a text', value, provenance);
    return;
  }
  if (comment['hidden'] === true) {
    yield { kind: 'filtered', rule: 'moderated-out', provenance, sourceId: id, detail: 'hidden by the account (hidden: true)' };
  } else {
    yield { kind: 'record', draft: commentDraft(comment, id, provenance, parentId, media) };
  }
  if (parentId !== null) return;
  const prefix = provenance.part === undefined ? '' : `${provenance.part}.`;
  for (const [index, reply] of asArray(field(comment, 'replies', 'data')).entries()) {
    yield* commentItems(reply, { ...provenance, part: `${prefix}replies.data[${index}]` }, id, media);
  }
}

function commentDraft(comment: JsonObject, id: string, provenance: Provenance, parentId: string | null, media: MediaContext): RecordDraft {
  const mediaId = asString(field(comment, 'media', 'id')) ?? media.id;
  const meta: Record<string, JsonValue> = commentMeta(null, media.permalink);
  if (mediaId !== null) meta['mediaId'] = mediaId;
  const likes = postCount(comment['like_count']);
  if (likes !== null) meta['likeCount'] = likes;
  return {
    sourceId: id,
    author: commenterName(asString(comment['username']) ?? asString(field(comment, 'from', 'username')), []),
    date: toIsoDate(comment['timestamp']),
    text: commentText(asString(comment['text']), 'text', []),
    url: null,
    inReplyTo: asString(comment['parent_id']) ?? parentId,
    meta,
    provenance,
  };
}

/**
 * One entry of a DYI comments file: a comment the account made. From 2022 its fields are under
 * `string_map_data`, named in the account's language (`Comment`, the `Media Owner` whose post it
 * was left on, its `Time`); before, under `string_list_data` (`[{"value": comment, "timestamp"}]`)
 * with the media owner as the entry's `title`. The file does not name the account, so the record
 * has no author, but it is marked as the export owner's words ({@link EXPORT_OWNER_META}) so that a
 * file's comments count as one voice; there is no id, so its id is its content hash.
 */
function dyiItem(value: unknown, provenance: Provenance): AdapterItem {
  const entry = asObject(value);
  const fields = asObject(entry?.['string_map_data']);
  if (fields === null) return dyiListedItem(entry, value, provenance);
  const comment = labelled(fields, DYI_LABELS.comment);
  const written = comment?.['value'];
  const text = typeof written === 'string' ? (downloadedMetaString(written) ?? '') : null;
  if (text === null) {
    return notAComment('expected a comment entry with string_map_data: {"Comment": {"value": …}}', value, provenance);
  }
  const owner = downloadedMetaString(labelled(fields, DYI_LABELS.mediaOwner)?.['value']);
  const time = positiveTimestamp(labelled(fields, DYI_LABELS.time)?.['timestamp']) ?? positiveTimestamp(comment?.['timestamp']);
  const href = asString(comment?.['href']);
  const postUrl = href !== null && /^https:\/\/(?:www\.)?instagram\.com\//.test(href) ? href : null;
  return dyiRecord(text, owner, toIsoDate(time), provenance, postUrl);
}

/** An entry of the 2021 layout: `{"title": media owner, "string_list_data": [{"value": comment, "timestamp"}]}`. */
function dyiListedItem(entry: JsonObject | null, value: unknown, provenance: Provenance): AdapterItem {
  const listed = asObject(asArray(entry?.['string_list_data'])[0]);
  const written = listed?.['value'];
  if (listed === null || typeof written !== 'string') {
    return notAComment('expected a comment entry with string_map_data or string_list_data: [{"value": …}]', value, provenance);
  }
  const owner = downloadedMetaString(entry?.['title']);
  return dyiRecord(
    downloadedMetaString(written) ?? '',
    owner === '' ? null : owner,
    toIsoDate(positiveTimestamp(listed['timestamp'])),
    provenance,
  );
}

/** An entry of a `comments.json` from before 2021: `[time, comment, media owner]`. */
function dyiTripleItem(value: unknown, provenance: Provenance): AdapterItem {
  const [time, written, owner] = Array.isArray(value) ? (value as unknown[]) : [];
  if (typeof written !== 'string') {
    return notAComment('expected a comment as [time, text, media owner]', value, provenance);
  }
  return dyiRecord(downloadedMetaString(written) ?? '', downloadedMetaString(owner), toIsoDate(time), provenance);
}

/** The record of a comment the export's account made; `postUrl` is the address of the post it was left on, when the entry gives it. */
function dyiRecord(
  text: string,
  mediaOwner: string | null,
  date: string | null,
  provenance: Provenance,
  postUrl: string | null = null,
): AdapterItem {
  const meta: Record<string, JsonValue> = { [EXPORT_OWNER_META]: true };
  if (mediaOwner !== null) meta['mediaOwner'] = mediaOwner;
  if (postUrl !== null) meta['postUrl'] = postUrl;
  return {
    kind: 'record',
    draft: { sourceId: null, author: null, date, text: commentText(text, 'text', []), url: null, inReplyTo: null, meta, provenance },
  };
}

/** The field of a DYI entry named by one of a label's translations (the key itself may be written as UTF-8 bytes). */
function labelled(fields: JsonObject, labels: readonly string[]): JsonObject | null {
  for (const [key, value] of Object.entries(fields)) {
    const name = downloadedMetaString(key) ?? key;
    if (labels.some((label) => label.toLowerCase() === name.toLowerCase())) return asObject(value);
  }
  return null;
}

/** A unix timestamp when it is one; the DYI export writes 0 where an entry has no time of its own. */
function positiveTimestamp(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}
