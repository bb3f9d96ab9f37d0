import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import { toIsoDate } from '../../record/dates.js';
import { jsonValueItems } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { nonEmptyStrings, notAPost, postCount, postMeta } from '../readers/post-fields.js';
import { withoutTrackingParameters } from '../../text/tracking-parameters.js';

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
  const facets = asArray(record['facets']);
  const tags = [...features(facets, 'app.bsky.richtext.facet#tag').map(({ feature }) => feature['tag']), ...asArray(record['tags'])];
  const meta = postMeta([
    ['lang', asString(asArray(record['langs'])[0])],
    ['hashtags', [...new Set(nonEmptyStrings(tags))]],
    ['altText', altTexts(record['embed'])],
    ['likeCount', postCount(post['likeCount'])],
    ['repostCount', postCount(post['repostCount'])],
    ['quotedUri', quotedUri(record['embed'])],
    ['repostedVia', repostedVia],
  ]);
  return {
    kind: 'record',
    draft: {
      sourceId: uri,
      author,
      date: toIsoDate(record['createdAt']) ?? toIsoDate(post['indexedAt']),
      text: expandedLinks(asString(record['text']) ?? '', facets),
      url: `https://bsky.app/profile/${author ?? address[1] ?? ''}/post/${address[2] ?? ''}`,
      inReplyTo: asString(field(record, 'reply', 'parent', 'uri')),
      meta,
      provenance,
    },
  };
}

/** The features of one kind among a record's facets, each with the byte range it covers. */
function features(facets: readonly unknown[], type: string): { feature: JsonObject; start: number; end: number }[] {
  return facets.flatMap((facet) => {
    const start = field(facet, 'index', 'byteStart');
    const end = field(facet, 'index', 'byteEnd');
    return asArray(field(facet, 'features')).flatMap((value) => {
      const feature = asObject(value);
      if (feature === null || feature['$type'] !== type || typeof start !== 'number' || typeof end !== 'number') return [];
      return [{ feature, start, end }];
    });
  });
}

/**
 * The text with each link the app shortened for display (`example.org/consultation/ca...`) written
 * out as its full address, from the link facets' byte ranges (UTF-8); a range that does not fit
 * the text, or overlaps another, is left as it is.
 */
function expandedLinks(text: string, facets: readonly unknown[]): string {
  const links = features(facets, 'app.bsky.richtext.facet#link').sort((first, second) => first.start - second.start);
  if (links.length === 0) return text;
  const bytes = Buffer.from(text, 'utf8');
  const parts: string[] = [];
  let at = 0;
  for (const { feature, start, end } of links) {
    const target = asString(feature['uri']);
    if (target === null || !Number.isInteger(start) || !Number.isInteger(end) || start < at || end <= start || end > bytes.length) continue;
    const shown = bytes.subarray(start, end).toString('utf8');
    if (!/(?:\.\.\.|…)$/.test(shown)) continue;
    parts.push(bytes.subarray(at, start).toString('utf8'), withoutTrackingParameters(target));
    at = end;
  }
  parts.push(bytes.subarray(at).toString('utf8'));
  return parts.join('');
}

/** The alt texts of a record's images, also when they come beside a quoted post. */
function altTexts(embed: unknown): string[] {
  const images = asArray(field(embed, 'images')).length > 0 ? asArray(field(embed, 'images')) : asArray(field(embed, 'media', 'images'));
  return nonEmptyStrings(images.map((image) => field(image, 'alt')));
}

/** The `at://` URI of the post a record quotes, or null. */
function quotedUri(embed: unknown): string | null {
  const type = asString(field(embed, '$type'));
  if (type === 'app.bsky.embed.record') return asString(field(embed, 'record', 'uri'));
  if (type === 'app.bsky.embed.recordWithMedia') return asString(field(embed, 'record', 'record', 'uri'));
  return null;
}
