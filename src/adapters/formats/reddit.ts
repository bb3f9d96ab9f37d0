import type { AdapterItem, FilterRule, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { commentMeta, commentText, notAComment } from '../readers/blog-comment-fields.js';
import { editTime, postCount, postMeta } from '../readers/post-fields.js';

/** Where Reddit's relative `permalink`s live. */
const REDDIT_ORIGIN = 'https://www.reddit.com';

/** The author Reddit shows for an account that no longer exists (the words may remain). */
const DELETED_AUTHOR = '[deleted]';

/** What a comment's or post's body says once its words are gone, and why they went. */
const GONE_BODIES: readonly (readonly [RegExp, FilterRule, string])[] = [
  [/^\[deleted\]$/, 'deleted', 'deleted by its author'],
  [/^\[removed\]$/, 'moderated-out', 'removed by the moderators'],
  [/^\[ ?removed by reddit/i, 'moderated-out', 'removed by Reddit'],
];

/** The sign-off bots put under their comments ("I am a bot, and this action was performed automatically"). */
const BOT_SIGNATURE = /\bI(?:\s+am|'m)\s+a\s+bot\b/i;

/** A bot's account name: `…Bot`, `…_bot`, `…-bot` (a name merely ending in "bot", such as Talbot, is not one). */
const BOT_NAME = /(?:Bot|[-_]bot)$/;

/** What sniffing looks for. */
const LISTING = /"kind"\s*:\s*"Listing"/;
const THING = /"kind"\s*:\s*"(?:t1|t3|more)"/;
const BARE_COMMENT = [/"body"\s*:/, /"parent_id"\s*:\s*"t[13]_/, /"link_id"\s*:\s*"t3_/] as const;
const BARE_POST = [/"subreddit"\s*:/, /"selftext"\s*:/, /"num_comments"\s*:/] as const;

/** A thing of a Listing waiting to be read, with where it is in the file. */
interface PendingThing {
  thing: unknown;
  part: string;
}

/** A post read earlier in the file, which the comments under it name by `link_id`. */
interface PostPage {
  title: string | null;
  url: string | null;
}

/**
 * Reddit threads and comments as saved: a thread (`/r/<sub>/comments/<id>/<slug>.json`: a Listing
 * holding the post, then a Listing of its comments with their replies nested under `replies`), a
 * Listing of comments or posts (`/user/<name>/comments.json`, `/r/<sub>/comments.json`,
 * `/r/<sub>/new.json`), and comments or posts one per line as the Pushshift and Arctic Shift dumps
 * hold them (also their API's `{"data": [...]}` pages). A comment's id is its fullname (`t1_…`),
 * which its replies name as `parent_id`; a post's is `t3_…`. Replies are walked with a stack, never
 * recursively; a thread nested past the JSON readers' depth limit is refused `JSON_TOO_DEEP`.
 */
export const redditAdapter: FormatAdapter = {
  name: 'reddit',
  description: 'Reddit threads and comments: a thread or Listing saved as .json, or comments one per line (Pushshift, Arctic Shift)',
  channel: 'forum',
  platformPostIds: true,
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature:
    '{"kind": "Listing"} holding things of kind t1, t3 or more; or objects with "body", "parent_id": "t1_…/t3_…" and "link_id": "t3_…"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    if (LISTING.test(head) && THING.test(head)) return 0.95;
    if (/"kind"\s*:\s*"t[13]"\s*,\s*"data"\s*:\s*\{/.test(head)) return 0.9;
    if (BARE_COMMENT.every((pattern) => pattern.test(head))) return 0.9;
    if (BARE_POST.every((pattern) => pattern.test(head))) return 0.85;
    return 0;
  },
  read(source) {
    return readReddit(source);
  },
};

function readReddit(source: InputSource): AsyncIterable<AdapterItem> {
  const posts = new Map<string, PostPage>();
  return jsonValueItems(source, (value, provenance) => valueItems(value, provenance, posts));
}

/** A Listing, a thing (`{kind, data}`), an API page of bare comments, an error, or one bare comment or post. */
function* valueItems(value: unknown, provenance: Provenance, posts: Map<string, PostPage>): Iterable<AdapterItem> {
  const object = asObject(value);
  const prefix = provenance.part ?? '';
  if (object !== null && (asString(object['kind']) !== null || Array.isArray(field(object, 'data', 'children')))) {
    yield* thingItems(object, provenance, posts);
    return;
  }
  if (object !== null && Array.isArray(object['data'])) {
    for (const [index, item] of asArray(object['data']).entries()) {
      yield bareItem(item, { ...provenance, part: `${prefix === '' ? '' : `${prefix}.`}data[${index}]` }, posts);
    }
    return;
  }
  const error = object === null ? undefined : object['error'];
  if (object !== null && (typeof error === 'number' || typeof error === 'string') && !('body' in object)) {
    const message = asString(object['message']) ?? asString(object['reason']) ?? 'no message';
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: `API error ${String(error)}: ${message}`.slice(0, 200) };
    return;
  }
  yield bareItem(value, provenance, posts);
}

/**
 * The things of a Listing (or one thing) in reading order: each comment, then its replies depth
 * first. Walked with a stack, never recursively; how deep it can go is bounded by the JSON
 * readers, which refuse a value nested more than `MAX_JSON_DEPTH` levels (`JSON_TOO_DEEP`).
 */
function* thingItems(root: JsonObject, provenance: Provenance, posts: Map<string, PostPage>): Iterable<AdapterItem> {
  const base = provenance.part ?? '';
  const stack: PendingThing[] = [];
  const pushChildren = (listing: unknown, part: string): void => {
    const children = asArray(field(listing, 'data', 'children'));
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push({ thing: children[index], part: `${part}[${index}]` });
  };
  if (asString(root['kind']) === 'Listing' || asString(root['kind']) === null)
    pushChildren(root, `${base === '' ? '' : `${base}.`}children`);
  else stack.push({ thing: root, part: base });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const at: Provenance = next.part === '' ? provenance : { ...provenance, part: next.part };
    const kind = asString(field(next.thing, 'kind'));
    const data = asObject(field(next.thing, 'data'));
    if (data === null || (kind !== 't1' && kind !== 't3' && kind !== 'more')) {
      yield notAComment('expected a Reddit comment, post or "more" placeholder (kind t1, t3 or more, with its data)', next.thing, at);
      continue;
    }
    if (kind === 'more') {
      yield morePlaceholder(data, at);
      continue;
    }
    yield kind === 't3' ? postItem(data, at, posts) : commentItem(data, at, posts);
    const replies = data['replies'];
    if (kind === 't1' && asObject(replies) !== null) pushChildren(replies, `${next.part}.replies`);
  }
}

/** A comment or post with no `kind` around it, as the dumps and their APIs write them. */
function bareItem(value: unknown, provenance: Provenance, posts: Map<string, PostPage>): AdapterItem {
  const object = asObject(value);
  if (object !== null && typeof object['body'] === 'string') return commentItem(object, provenance, posts);
  if (object !== null && typeof object['title'] === 'string') return postItem(object, provenance, posts);
  return notAComment('expected a Reddit comment (with its body) or post (with its title)', value, provenance);
}

/** A "load more comments" placeholder: the ids of comments the file does not hold. */
function morePlaceholder(data: JsonObject, provenance: Provenance): AdapterItem {
  const count = postCount(data['count']) ?? asArray(data['children']).length;
  const name = asString(data['name']);
  return {
    kind: 'filtered',
    rule: 'not-a-comment',
    provenance,
    ...(name === null ? {} : { sourceId: name }),
    detail: `a "more comments" placeholder for ${count} comment${count === 1 ? '' : 's'} not in the file`,
  };
}

/** Why an item is not stored although it was read: its words are gone, or it is not a person's feedback. */
function notStoredReason(data: JsonObject, body: string | null): { rule: FilterRule; detail: string } | null {
  const trimmed = body?.trim() ?? '';
  for (const [pattern, rule, detail] of GONE_BODIES) if (pattern.test(trimmed)) return { rule, detail };
  const author = asString(data['author']);
  if (author === 'AutoModerator') return { rule: 'not-feedback', detail: 'posted by AutoModerator' };
  const distinguished = asString(data['distinguished']);
  if (distinguished === 'moderator' || distinguished === 'admin') {
    return {
      rule: 'not-feedback',
      detail: `a notice marked as the ${distinguished === 'admin' ? "site's" : "moderators'"} (distinguished: ${distinguished})`,
    };
  }
  if (author !== null && BOT_NAME.test(author)) return { rule: 'not-feedback', detail: `posted by the bot account ${author}` };
  if (BOT_SIGNATURE.test(trimmed.replace(/\^/g, ''))) return { rule: 'not-feedback', detail: 'signed as a bot' };
  return null;
}

/** A comment as a record, or filtered when deleted, removed, a moderators' notice or a bot's. */
function commentItem(data: JsonObject, provenance: Provenance, posts: Map<string, PostPage>): AdapterItem {
  const sourceId = fullname(data, 't1');
  const body = typeof data['body'] === 'string' ? data['body'] : null;
  if (sourceId === null || body === null) return notAComment('expected a Reddit comment with an id and a body', data, provenance);
  const reason = notStoredReason(data, body);
  if (reason !== null) return { kind: 'filtered', ...reason, provenance, sourceId };
  const postId = asString(data['link_id']);
  const post = postId === null ? undefined : posts.get(postId);
  const postUrl = post?.url ?? redditUrl(asString(data['link_permalink']));
  const meta = postMeta([
    ...Object.entries(commentMeta(post?.title ?? unescaped(asString(data['link_title'])), postUrl)),
    ['postId', postId],
    ['subreddit', asString(data['subreddit'])],
    ['score', postCount(data['score'])],
    ['editedAt', editTime(data['edited'])],
  ]);
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: authorOf(data),
      date: toIsoDate(data['created_utc']),
      text: commentText(markdownBody(body), 'markdown', []),
      url: redditUrl(asString(data['permalink'])) ?? commentUrl(data, postId, postUrl),
      inReplyTo: asString(data['parent_id']),
      meta,
      provenance,
    },
  };
}

/** A post as a record (its title, a blank line, then its own text), remembered for the comments under it. */
function postItem(data: JsonObject, provenance: Provenance, posts: Map<string, PostPage>): AdapterItem {
  const sourceId = fullname(data, 't3');
  const title = unescaped(asString(data['title']));
  if (sourceId === null || title === null) return notAComment('expected a Reddit post with an id and a title', data, provenance);
  const url = redditUrl(asString(data['permalink']));
  posts.set(sourceId, { title, url });
  const selftext = typeof data['selftext'] === 'string' ? data['selftext'] : '';
  const reason = notStoredReason(data, selftext);
  if (reason !== null) return { kind: 'filtered', ...reason, provenance, sourceId };
  const body = commentText(markdownBody(selftext), 'markdown', []);
  const link = data['is_self'] === false ? asString(data['url']) : null;
  return {
    kind: 'record',
    draft: {
      sourceId,
      author: authorOf(data),
      date: toIsoDate(data['created_utc']),
      text: body.trim() === '' ? title : `${title}\n\n${body}`,
      url,
      inReplyTo: null,
      meta: postMeta([
        ['subreddit', asString(data['subreddit'])],
        ['score', postCount(data['score'])],
        ['commentCount', postCount(data['num_comments'])],
        ['linkUrl', link],
        ['editedAt', editTime(data['edited'])],
      ]),
      provenance,
    },
  };
}

/** The thing's fullname (`t1_…`, `t3_…`): its `name`, else its `id` with the kind's prefix. */
function fullname(data: JsonObject, kind: 't1' | 't3'): string | null {
  const name = asString(data['name']);
  if (name !== null && name.startsWith(`${kind}_`)) return name;
  const id = asString(data['id']);
  if (id === null) return null;
  return id.startsWith(`${kind}_`) ? id : `${kind}_${id}`;
}

/** The username, or null for an account that no longer exists. */
function authorOf(data: JsonObject): string | null {
  const author = asString(data['author']);
  return author === null || author === DELETED_AUTHOR ? null : author;
}

/**
 * The address of a comment saved without its `permalink` (the API before about 2017, and the
 * dumps of those years): the thread's address with the comment's id after it, or, without the
 * thread's, `/r/<sub>/comments/<post id>/_/<comment id>/`, which Reddit serves the same.
 */
function commentUrl(data: JsonObject, postId: string | null, postUrl: string | null): string | null {
  const id = asString(data['id']) ?? asString(data['name'])?.replace(/^t1_/, '') ?? null;
  if (id === null || !/^[a-z0-9]+$/i.test(id)) return null;
  if (postUrl !== null && /\/comments\/[a-z0-9]+\//i.test(postUrl)) return `${postUrl.replace(/\/?$/, '/')}${id}/`;
  const subreddit = asString(data['subreddit']);
  const post = postId?.replace(/^t3_/, '') ?? null;
  if (subreddit === null || post === null || !/^\w+$/.test(subreddit) || !/^[a-z0-9]+$/i.test(post)) return null;
  return `${REDDIT_ORIGIN}/r/${subreddit}/comments/${post}/_/${id}/`;
}

/** A permalink as a full address (Reddit gives `/r/<sub>/comments/…`). */
function redditUrl(permalink: string | null): string | null {
  if (permalink === null) return null;
  return permalink.startsWith('/') ? `${REDDIT_ORIGIN}${permalink}` : permalink;
}

/**
 * A Markdown body as typed, for the Markdown reader: Reddit writes `>` as `&gt;`, so a quoted
 * line (`&gt; what they said`) is a quote again; `&amp;` and `&lt;` stay entities, which the
 * reader decodes, so a typed `<` is never taken for a tag.
 */
function markdownBody(text: string): string {
  return text.replace(/&gt;/g, '>');
}

/** Reddit writes `&`, `<` and `>` in a title as `&amp;`, `&lt;`, `&gt;`: the title as typed. */
function unescaped(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
