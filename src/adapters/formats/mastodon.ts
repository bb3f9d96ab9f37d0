import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import type { InputSource } from '../../source/input-source.js';
import type { JsonValue, Provenance } from '../../record/record.js';
import { InputError } from '../../errors.js';
import { toIsoDate } from '../../record/dates.js';
import { htmlToPlainText } from '../../text/html-to-plain-text.js';
import { invalidJsonItem, jsonArrayElements, jsonElementProvenance, jsonFileValues, partWithin } from '../readers/json-elements.js';
import { asArray, asObject, asString, field, type JsonObject } from '../readers/json-fields.js';
import { editTime, nonEmptyStrings, notAPost, postCount, postMeta } from '../readers/post-fields.js';
import { ReadablePrefix } from '../readers/readable-prefix.js';

/** The head of a status as the REST API gives it: a content warning, a visibility and the author's account. */
const STATUS_FIELDS = [/"spoiler_text"\s*:/, /"visibility"\s*:\s*"/, /"account"\s*:\s*\{/];

/** `GET /api/v1/statuses/:id/context`: `{"ancestors": [...], "descendants": [...]}`. */
const CONTEXT_HEAD = /^\s*\{\s*"(?:ancestors|descendants)"\s*:\s*\[/;

/** `GET /api/v2/search`: `{"accounts": [...], "statuses": [...], "hashtags": [...]}`. */
const SEARCH_HEAD = /^\s*\{\s*"accounts"\s*:\s*\[/;

/** An ActivityStreams collection of activities, as a Mastodon archive's `outbox.json` holds them. */
const OUTBOX_HEAD = /"type"\s*:\s*"OrderedCollection"/;

/** A collection whose items are addresses, not activities: an archive's `likes.json` or `bookmarks.json`. */
const ADDRESS_COLLECTION_HEAD = /"orderedItems"\s*:\s*\[\s*"/;

/** An ActivityPub actor (an account's profile, as an archive's `actor.json` holds it). */
const ACTOR_TYPE = /"type"\s*:\s*"(?:Person|Service|Application|Group|Organization)"/;

/** The audience that makes an ActivityPub post public, in each of the forms servers write it. */
const PUBLIC_AUDIENCE = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

/**
 * The paragraph Mastodon adds to a quote post for servers that cannot show quotes (`RE: <link>`):
 * a pointer to the quoted post, not the author's words. Its start; it runs to the next `</p>`.
 */
const QUOTE_INLINE_START = /<p\s+class="quote-inline"/gi;
const PARAGRAPH_END = /<\/p>/gi;

/** Who may see a post: the REST API's `visibility`, or what an activity's audience amounts to. */
type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** One post as either layout describes it, before it becomes an item. */
interface PostFacts {
  /** The post's `uri`: the same on every server that shows it. */
  uri: string;
  author: string | null;
  date: string | null;
  contentWarning: string | null;
  html: string;
  url: string | null;
  inReplyTo: string | null;
  visibility: Visibility | null;
  meta: Record<string, JsonValue>;
}

/**
 * Mastodon posts: REST API responses as saved (an array of statuses from a timeline, hashtag
 * timeline, account's statuses or favourites; a thread's context `{ancestors, descendants}`; a
 * search result's `statuses`; one status), JSON Lines of statuses or of such responses, and the
 * `outbox.json` of an account's archive (`Create` activities holding `Note`s). A post's id is its
 * `uri`, the one every server gives it, so the same post fetched from two servers is stored once.
 */
export const mastodonAdapter: FormatAdapter = {
  name: 'mastodon',
  description:
    "Mastodon statuses: REST API responses (timelines, a thread's context, search), JSON Lines of statuses, an archive's outbox.json",
  channel: 'mastodon',
  extensions: ['.json', '.jsonl', '.ndjson'],
  signature:
    'statuses with "spoiler_text", "visibility" and an "account", {"ancestors": [...]}, {"accounts": [...], "statuses": [...]}, or an ActivityStreams "OrderedCollection"',
  sniff(input) {
    const head = input.headText;
    if (!/^\s*[[{]/.test(head)) return 0;
    if (STATUS_FIELDS.every((pattern) => pattern.test(head))) return 0.95;
    if (CONTEXT_HEAD.test(head)) return 0.9;
    if (SEARCH_HEAD.test(head) && /"(?:statuses|acct)"\s*:/.test(head)) return 0.9;
    if (OUTBOX_HEAD.test(head) && /"orderedItems"\s*:/.test(head) && /activitystreams/.test(head)) return 0.9;
    if (isArchiveActor(head)) return 0.9;
    return 0;
  },
  read(source) {
    if (isArchiveActor(source.headText)) {
      throw new InputError("an ActivityPub account's profile (an archive's actor.json), not its posts; not read", {
        location: { file: source.path },
        hint: "give the archive's outbox.json, which holds the account's posts",
        code: 'NOT_FEEDBACK',
      });
    }
    return OUTBOX_HEAD.test(source.headText) && /^\s*\{/.test(source.headText) ? readOutbox(source) : readStatuses(source);
  },
};

/**
 * Reads REST statuses. A status names the one it replies to by that server's own id, so a first
 * pass over the file learns each status' `uri` by id; `inReplyTo` is then the replied-to `uri`
 * when the file holds that status, and null otherwise (the local id is kept in `meta.inReplyToId`).
 */
async function* readStatuses(source: InputSource): AsyncIterable<AdapterItem> {
  const uris = new Map<string, string>();
  const prefix = new ReadablePrefix();
  for await (const element of prefix.of(jsonFileValues(source))) {
    if (element.kind !== 'value') continue;
    for (const { status } of statusesOf(element.value)) {
      for (const candidate of [status, field(status, 'reblog'), field(status, 'status')]) {
        const id = asString(field(candidate, 'id'));
        const uri = asString(field(candidate, 'uri'));
        if (id !== null && uri !== null) uris.set(id, uri);
      }
    }
  }
  const seen = new Set<string>();
  for await (const element of jsonFileValues(source)) {
    const provenance = jsonElementProvenance(source.path, element);
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    const error = apiError(element.value);
    if (error !== null) {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: error };
      continue;
    }
    for (const { status, part } of statusesOf(element.value)) {
      yield* statusItems(status, part === undefined ? provenance : { ...provenance, part: partWithin(provenance.part, part) }, uris, seen);
    }
  }
  prefix.throwBreak();
}

/**
 * The statuses a response holds, each with where it is inside the value (none for a value that is
 * one status); a search result's `accounts` are people, not posts, and are never read.
 */
function statusesOf(value: unknown): { status: unknown; part: string | undefined }[] {
  if (Array.isArray(value)) return value.map((status: unknown, index: number) => ({ status, part: `[${index}]` }));
  const object = asObject(value);
  const members = object === null ? [] : ['ancestors', 'descendants', 'statuses'].filter((member) => Array.isArray(object[member]));
  const accountsOnly =
    object !== null && members.length === 0 && Array.isArray(object['accounts']) && !('uri' in object || 'last_status' in object);
  if (accountsOnly) return [];
  if (object === null || members.length === 0 || 'content' in object) return [{ status: value, part: undefined }];
  return members.flatMap((member) => asArray(object[member]).map((status, index) => ({ status, part: `${member}[${index}]` })));
}

/** One line for an API error response (`{"error": "Record not found"}`), or null when the value is none. */
function apiError(value: unknown): string | null {
  const error = asString(field(value, 'error'));
  if (error === null || field(value, 'id') !== undefined) return null;
  const description = asString(field(value, 'error_description'));
  return `API error: ${description === null ? error : `${error}: ${description}`}`.slice(0, 200);
}

/**
 * A status' items: a boost is filtered `retweet` (the booster's voice adds no words), followed by
 * the boosted status as its own author's record the first time the file shows it; a followers-only
 * or direct status is filtered `not-feedback`, never stored.
 */
function* statusItems(value: unknown, provenance: Provenance, uris: ReadonlyMap<string, string>, seen: Set<string>): Iterable<AdapterItem> {
  const status = asObject(value);
  if (status !== null && 'last_status' in status && !('uri' in status)) {
    yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: 'a direct conversation (/api/v1/conversations), private' };
    return;
  }
  const notification = asString(status?.['type']);
  if (status !== null && notification !== null && !('uri' in status)) {
    if (notification === 'mention' && asObject(status['status']) !== null) {
      yield* statusItems(status['status'], within(provenance, 'status'), uris, seen);
    } else {
      yield { kind: 'filtered', rule: 'not-feedback', provenance, detail: `a notification (${notification}), not a post` };
    }
    return;
  }
  const uri = asString(field(status, 'uri'));
  if (status === null || uri === null) {
    yield notAPost(status === null ? 'expected a Mastodon status object' : 'status has no uri', value, provenance);
    return;
  }
  seen.add(uri);
  const boosted = asObject(status['reblog']);
  if (boosted === null) {
    yield postItem(statusFacts(status, uri, uris), provenance);
    return;
  }
  const boostedUri = asString(boosted['uri']);
  const by = accountHandle(boosted['account']);
  yield {
    kind: 'filtered',
    rule: 'retweet',
    provenance,
    sourceId: uri,
    detail: `boost of ${boostedUri ?? 'a status'}${by === null ? '' : ` by @${by}`}`,
  };
  if (boostedUri === null || seen.has(boostedUri)) return;
  seen.add(boostedUri);
  const facts = statusFacts(boosted, boostedUri, uris);
  yield postItem({ ...facts, meta: { ...facts.meta, boostedVia: uri } }, within(provenance, 'reblog'));
}

/** The provenance of a member of the item at `provenance`. */
function within(provenance: Provenance, member: string): Provenance {
  return { ...provenance, part: provenance.part === undefined ? member : `${provenance.part}.${member}` };
}

function statusFacts(status: JsonObject, uri: string, uris: ReadonlyMap<string, string>): PostFacts {
  const replyId = asString(status['in_reply_to_id']);
  const inReplyTo = replyId === null ? null : (uris.get(replyId) ?? null);
  const meta = postMeta([
    ['lang', asString(status['language'])],
    ['hashtags', nonEmptyStrings(asArray(status['tags']).map((tag) => field(tag, 'name')))],
    ['altText', nonEmptyStrings(asArray(status['media_attachments']).map((media) => field(media, 'description')))],
    ['pollOptions', nonEmptyStrings(asArray(field(status, 'poll', 'options')).map((option) => field(option, 'title')))],
    ['likeCount', postCount(status['favourites_count'])],
    ['boostCount', postCount(status['reblogs_count'])],
    ['quotedUri', asString(field(status, 'quote', 'quoted_status', 'uri'))],
    ['inReplyToId', replyId !== null && inReplyTo === null ? replyId : null],
    ['editedAt', editTime(status['edited_at'])],
  ]);
  const visibility = asString(status['visibility']);
  return {
    uri,
    author: accountHandle(status['account']),
    date: toIsoDate(status['created_at']),
    contentWarning: asString(status['spoiler_text']),
    html: asString(status['content']) ?? '',
    url: asString(status['url']) ?? uri,
    inReplyTo,
    visibility:
      visibility === 'public' || visibility === 'unlisted' || visibility === 'private' || visibility === 'direct' ? visibility : null,
    meta,
  };
}

/**
 * The author as `user@server`: the account's `acct` names only the user for an account of the
 * server that answered, so the server is taken from the account's own address.
 */
function accountHandle(account: unknown): string | null {
  const acct = asString(field(account, 'acct'));
  if (acct === null) return null;
  if (acct.includes('@')) return acct;
  const host = hostOf(asString(field(account, 'url')));
  return host === null ? acct : `${acct}@${host}`;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** True for an ActivityPub actor object with its inbox and outbox: an account's profile, not a post. */
function isArchiveActor(head: string): boolean {
  return (
    /^\s*\{/.test(head) && /activitystreams/.test(head) && ACTOR_TYPE.test(head) && /"outbox"\s*:/.test(head) && /"inbox"\s*:/.test(head)
  );
}

/**
 * Reads an archive's `outbox.json`, its `orderedItems` streamed: each `Create` is its post, each
 * `Announce` a boost (filtered `retweet`; the archive holds only the boosted post's address).
 */
async function* readOutbox(source: InputSource): AsyncIterable<AdapterItem> {
  if (ADDRESS_COLLECTION_HEAD.test(source.headText)) {
    throw new InputError(
      "a collection of posts' addresses (an archive's likes.json or bookmarks.json), not the account's own words; not read",
      {
        location: { file: source.path },
        hint: "give the archive's outbox.json, which holds the account's posts",
        code: 'NOT_FEEDBACK',
      },
    );
  }
  let index = 0;
  for await (const element of jsonArrayElements(source.path, source.text(), { member: 'orderedItems', optional: true })) {
    const provenance: Provenance = { file: source.path, line: element.line, part: `orderedItems[${index}]` };
    index += 1;
    if (element.kind === 'invalid') {
      yield invalidJsonItem(element, provenance);
      continue;
    }
    yield activityItem(element.value, provenance);
  }
}

function activityItem(value: unknown, provenance: Provenance): AdapterItem {
  const activity = asObject(value);
  const type = asString(field(activity, 'type'));
  const activityId = asString(field(activity, 'id'));
  if (type === 'Announce') {
    const object = asString(field(activity, 'object')) ?? asString(field(activity, 'object', 'id'));
    return {
      kind: 'filtered',
      rule: 'retweet',
      provenance,
      ...(activityId === null ? {} : { sourceId: activityId }),
      detail: `boost of ${object ?? 'a post'}`,
    };
  }
  const note = asObject(field(activity, 'object'));
  const uri = asString(field(note, 'id'));
  if (activity === null || type !== 'Create' || note === null || uri === null) {
    return notAPost('expected a Create or Announce activity with its object', value, provenance);
  }
  const contentMap = asObject(note['contentMap']);
  const hashtags = asArray(note['tag']).filter((tag) => field(tag, 'type') === 'Hashtag');
  const meta = postMeta([
    ['lang', contentMap === null ? null : (Object.keys(contentMap)[0] ?? null)],
    ['hashtags', nonEmptyStrings(hashtags.map((tag) => field(tag, 'name'))).map((name) => name.replace(/^#/, ''))],
    ['altText', nonEmptyStrings(asArray(note['attachment']).map((media) => field(media, 'name')))],
    ['pollOptions', nonEmptyStrings(asArray(note['oneOf'] ?? note['anyOf']).map((option) => field(option, 'name')))],
    ['editedAt', editTime(note['updated'], note['published'])],
  ]);
  const actor = asString(note['attributedTo']) ?? asString(field(activity, 'actor'));
  return postItem(
    {
      uri,
      author: actorHandle(actor),
      date: toIsoDate(note['published'] ?? field(activity, 'published')),
      contentWarning: asString(note['summary']),
      html: asString(note['content']) ?? '',
      url: noteUrl(note['url']) ?? uri,
      inReplyTo: asString(note['inReplyTo']),
      visibility: audienceVisibility(note),
      meta,
    },
    provenance,
  );
}

/** The author of an actor address (`https://server/users/name`) as `name@server`. */
function actorHandle(actor: string | null): string | null {
  if (actor === null) return null;
  try {
    const url = new URL(actor);
    const name = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .pop();
    return name === undefined ? null : `${name.replace(/^@/, '')}@${url.host}`;
  } catch {
    return null;
  }
}

/** A Note's `url`: a string, a `Link` object, or a list of either (the first `text/html` one). */
function noteUrl(value: unknown): string | null {
  for (const candidate of Array.isArray(value) ? value : [value]) {
    const url = asString(candidate) ?? asString(field(candidate, 'href'));
    if (url !== null) return url;
  }
  return null;
}

/**
 * What a Note's audience amounts to: public when `to` holds the public collection, unlisted when
 * only `cc` does, followers-only when it is addressed to a followers collection, else direct.
 */
function audienceVisibility(note: JsonObject): Visibility {
  const audience = (key: string): string[] => nonEmptyStrings(Array.isArray(note[key]) ? asArray(note[key]) : [note[key]]);
  const to = audience('to');
  const cc = audience('cc');
  if (to.some((address) => PUBLIC_AUDIENCE.has(address))) return 'public';
  if (cc.some((address) => PUBLIC_AUDIENCE.has(address))) return 'unlisted';
  if ([...to, ...cc].some((address) => /\/followers$/.test(address))) return 'private';
  return 'direct';
}

/**
 * One post's item: a followers-only or direct post is filtered `not-feedback` (its author did not
 * publish it); else a record whose text is the content warning, then the post's HTML as plain text.
 */
function postItem(facts: PostFacts, provenance: Provenance): AdapterItem {
  if (facts.visibility === 'private' || facts.visibility === 'direct') {
    return {
      kind: 'filtered',
      rule: 'not-feedback',
      provenance,
      sourceId: facts.uri,
      detail:
        facts.visibility === 'direct'
          ? 'a direct message (visibility "direct"), not public'
          : 'a followers-only post (visibility "private"), not public',
    };
  }
  const body = facts.html === '' ? '' : htmlToPlainText(withoutInlineQuotes(facts.html));
  const warning = facts.contentWarning?.trim() ?? '';
  const meta = facts.visibility === 'unlisted' ? { ...facts.meta, visibility: 'unlisted' } : facts.meta;
  return {
    kind: 'record',
    draft: {
      sourceId: facts.uri,
      author: facts.author,
      date: facts.date,
      text: warning === '' ? body : body === '' ? warning : `${warning}\n\n${body}`,
      url: facts.url,
      inReplyTo: facts.inReplyTo,
      meta,
      provenance,
    },
  };
}

/**
 * The post's HTML without the paragraphs Mastodon adds for quotes ({@link QUOTE_INLINE_START} to
 * the next `</p>`), found in one pass: a lazy pattern looked for the end again from every start,
 * and a post of 40,000 unclosed ones took 22 s.
 */
function withoutInlineQuotes(html: string): string {
  const kept: string[] = [];
  let from = 0;
  QUOTE_INLINE_START.lastIndex = 0;
  for (let start = QUOTE_INLINE_START.exec(html); start !== null; start = QUOTE_INLINE_START.exec(html)) {
    PARAGRAPH_END.lastIndex = QUOTE_INLINE_START.lastIndex;
    const end = PARAGRAPH_END.exec(html);
    if (end === null) break;
    kept.push(html.slice(from, start.index));
    from = PARAGRAPH_END.lastIndex;
    QUOTE_INLINE_START.lastIndex = from;
  }
  kept.push(html.slice(from));
  return kept.join('');
}
