import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { asArray, asObject, asString, field } from '../readers/json-fields.js';
import { notAPost, postCount, postMeta } from '../readers/post-fields.js';
import { postRecordFields } from '../readers/bluesky-post-record.js';

/** A post's address: `at://<did>/app.bsky.feed.post/<rkey>`. */
const POST_URI = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/;

/** The label by which an author asks that logged-out viewers not be shown their posts. */
const NO_UNAUTHENTICATED = '!no-unauthenticated';

/** The reason a feed shows a post that another account reposted. */
const REASON_REPOST = 'app.bsky.feed.defs#reasonRepost';

/** A post the thread names but the AppView no longer has, or will not show. */
const NOT_FOUND_POST = 'app.bsky.feed.defs#notFoundPost';
const BLOCKED_POST = 'app.bsky.feed.defs#blockedPost';

/** One node of a thread waiting to be read, with where it is in the response. */
interface ThreadNode {
  node: unknown;
  part: string;
}

/**
 * Bluesky posts from the public AppView API, as saved: `app.bsky.feed.searchPosts` and `getPosts`
 * (`{"posts": [...]}`), `getPostThread` (`{"thread": …}`, the post's parents first, then the post,
 * then its replies), `getAuthorFeed`, `getTimeline` and feed pages (`{"feed": [{post, reply,
 * reason}]}`); one response, responses one per line, or an array of posts or feed items. A
 * post's id is its `at://` URI.
 */
export const blueskyAdapter: FormatAdapter = {
  name: 'bluesky',
  description: 'Bluesky posts: AppView API responses (searchPosts, getPostThread, getAuthorFeed, getTimeline), one or one per line',
  channel: 'bluesky',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature: 'post views with an "at://…/app.bsky.feed.post/…" uri and a record of $type "app.bsky.feed.post"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    if (/"uri"\s*:\s*"at:\/\/[^"]*\/app\.bsky\.feed\.post\//.test(head) && /"\$type"\s*:\s*"app\.bsky\.feed\.post"/.test(head)) return 0.95;
    if (/^\s*\{\s*"thread"\s*:\s*\{\s*"\$type"\s*:\s*"app\.bsky\.feed\.defs#/.test(head)) return 0.9;
    return 0;
  },
  read(source) {
    return readBluesky(source);
  },
};

function readBluesky(source: InputSource): AsyncIterable<AdapterItem> {
  const seen = new Set<string>();
  return jsonValueItems(source, (value, provenance) => valueItems(value, provenance, seen));
}

/** A response page, a thread, a feed item or a post. */
function* valueItems(value: unknown, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const object = asObject(value);
  const prefix = provenance.part === undefined ? '' : `${provenance.part}.`;
  const at = (part: string): Provenance => ({ ...provenance, part: `${prefix}${part}` });
  if (object !== null && Array.isArray(object['posts'])) {
    for (const [index, post] of asArray(object['posts']).entries()) yield postItem(post, at(`posts[${index}]`), null);
    return;
  }
  if (object !== null && Array.isArray(object['feed'])) {
    for (const [index, item] of asArray(object['feed']).entries()) yield* feedItems(item, at(`feed[${index}]`), seen);
    return;
  }
  if (object !== null && asObject(object['thread']) !== null) {
    yield* threadItems(object['thread'], provenance, prefix);
    return;
  }
  const error = asString(field(object, 'error'));
  if (error !== null) {
    const message = asString(field(object, 'message'));
    yield {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      detail: `API error: ${message === null ? error : `${error}: ${message}`}`.slice(0, 200),
    };
    return;
  }
  if (object !== null && asObject(object['post']) !== null) {
    yield* feedItems(object, provenance, seen);
    return;
  }
  yield postItem(value, provenance, null);
}

/**
 * One feed item: its post; or, when the feed shows it because someone reposted it, a `retweet`
 * filtered item for the repost (the reposter adds no words), then the post as its own author's
 * record the first time the file shows it. The `reply` context (the thread's root and parent) is
 * not read: ingest the thread itself for it.
 */
function* feedItems(value: unknown, provenance: Provenance, seen: Set<string>): Iterable<AdapterItem> {
  const item = asObject(value);
  const post = item === null ? undefined : item['post'];
  const uri = asString(field(post, 'uri'));
  const reason = asObject(field(item, 'reason'));
  if (reason === null || asString(reason['$type']) !== REASON_REPOST) {
    if (uri !== null) seen.add(uri);
    yield postItem(post ?? value, { ...provenance, part: `${provenance.part === undefined ? '' : `${provenance.part}.`}post` }, null);
    return;
  }
  const repostUri = asString(reason['uri']);
  const by = asString(field(post, 'author', 'handle'));
  yield {
    kind: 'filtered',
    rule: 'retweet',
    provenance,
    ...(repostUri === null ? {} : { sourceId: repostUri }),
    detail: `repost of ${uri ?? 'a post'}${by === null ? '' : ` by @${by}`}`,
  };
  if (uri === null || seen.has(uri)) return;
  seen.add(uri);
  yield postItem(post, { ...provenance, part: `${provenance.part === undefined ? '' : `${provenance.part}.`}post` }, repostUri);
}

/**
 * A thread's posts in reading order: its parents from the top of the thread down, the post, then
 * its replies depth first. Walked with a list and a stack, never recursively, so a thread's depth
 * costs no call stack.
 */
function* threadItems(thread: unknown, provenance: Provenance, prefix: string): Iterable<AdapterItem> {
  const parents: ThreadNode[] = [];
  let part = `${prefix}thread`;
  for (let parent = field(thread, 'parent'); asObject(parent) !== null; parent = field(parent, 'parent')) {
    part = `${part}.parent`;
    parents.push({ node: parent, part });
  }
  for (const { node, part: at } of parents.reverse()) yield threadNodeItem(node, { ...provenance, part: at });
  const stack: ThreadNode[] = [{ node: thread, part: `${prefix}thread` }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    yield threadNodeItem(next.node, { ...provenance, part: next.part });
    const replies = asArray(field(next.node, 'replies'));
    for (let index = replies.length - 1; index >= 0; index -= 1) {
      stack.push({ node: replies[index], part: `${next.part}.replies[${index}]` });
    }
  }
}

/** A thread node: its post, or a post the thread names but cannot show. */
function threadNodeItem(node: unknown, provenance: Provenance): AdapterItem {
  const type = asString(field(node, '$type'));
  const uri = asString(field(node, 'uri'));
  const withId = uri === null ? {} : { sourceId: uri };
  if (type === NOT_FOUND_POST || field(node, 'notFound') === true) {
    return { kind: 'filtered', rule: 'deleted', provenance, ...withId, detail: 'a post of the thread that is no longer there' };
  }
  if (type === BLOCKED_POST || field(node, 'blocked') === true) {
    return {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      ...withId,
      detail: 'a post of the thread the AppView does not show (blocked)',
    };
  }
  return postItem(field(node, 'post'), { ...provenance, part: `${provenance.part ?? 'thread'}.post` }, null);
}

/**
 * One post view as a record: `sourceId` its `at://` URI, the text of its record with each link
 * written out in full, author the handle, the date the record was created, the post it replies
 * to. A post whose author asks not to be shown to logged-out viewers is filtered `not-feedback`.
 */
function postItem(value: unknown, provenance: Provenance, repostedVia: string | null): AdapterItem {
  const post = asObject(value);
  const uri = asString(field(post, 'uri'));
  const record = asObject(field(post, 'record'));
  const address = POST_URI.exec(uri ?? '');
  if (post === null || uri === null || record === null || address === null) {
    return notAPost('expected a Bluesky post view with an at:// uri and its record', value, provenance);
  }
  const labels = [...asArray(field(post, 'author', 'labels')), ...asArray(post['labels'])].map((label) => field(label, 'val'));
  if (labels.includes(NO_UNAUTHENTICATED)) {
    return {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      sourceId: uri,
      detail: 'its author asks that logged-out viewers not be shown their posts',
    };
  }
  const handle = asString(field(post, 'author', 'handle'));
  const author = handle === null || handle === 'handle.invalid' ? null : handle;
  const fields = postRecordFields(record);
  const meta = postMeta([
    ['lang', fields.lang],
    ['hashtags', fields.hashtags],
    ['altText', fields.altText],
    ['likeCount', postCount(post['likeCount'])],
    ['repostCount', postCount(post['repostCount'])],
    ['quotedUri', fields.quotedUri],
    ['repostedVia', repostedVia],
  ]);
  return {
    kind: 'record',
    draft: {
      sourceId: uri,
      author,
      date: fields.date ?? toIsoDate(post['indexedAt']),
      text: fields.text,
      url: `https://bsky.app/profile/${author ?? address[1] ?? ''}/post/${address[2] ?? ''}`,
      inReplyTo: fields.inReplyTo,
      meta,
      provenance,
    },
  };
}
