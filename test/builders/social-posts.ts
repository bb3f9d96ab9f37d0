/** The parts of a Mastodon status a test sets; the rest take a public status' usual values. */
export interface MastodonStatusFields {
  /** The answering server's own id for the status. */
  id: string;
  /** The user's name; the account is on `server`. */
  user?: string;
  /** The server the status was written on (its uri and url are there). */
  server?: string;
  /** The status' id on the server it was written on (in its uri); `id` when not given. */
  originId?: string;
  content?: string;
  spoilerText?: string;
  visibility?: 'public' | 'unlisted' | 'private' | 'direct';
  inReplyToId?: string | null;
  createdAt?: string;
  /** When the status was last edited (`edited_at`); null (never edited) when not given. */
  editedAt?: string | null;
  reblog?: Record<string, unknown> | null;
}

/** A Mastodon Account entity, as a status embeds it. */
export function mastodonAccount(user: string, server: string, answeringServer = 'mastodon.social'): Record<string, unknown> {
  return {
    id: `1093${user.length}00000000000`,
    username: user,
    acct: server === answeringServer ? user : `${user}@${server}`,
    display_name: `${user} (display name)`,
    locked: false,
    bot: false,
    created_at: '2022-11-07T00:00:00.000Z',
    note: '<p>Carer. Views my own.</p>',
    url: `https://${server}/@${user}`,
    uri: `https://${server}/users/${user}`,
    avatar: 'https://files.mastodon.social/accounts/avatars/000/000/001/original/avatar.png',
    followers_count: 120,
    following_count: 98,
    statuses_count: 1500,
    emojis: [],
    fields: [],
  };
}

/** The address a status has on every server: `https://<server>/users/<user>/statuses/<origin id>`. */
export function mastodonUri(fields: MastodonStatusFields): string {
  return `https://${fields.server ?? 'mastodon.social'}/users/${fields.user ?? 'carer'}/statuses/${fields.originId ?? fields.id}`;
}

/** A Mastodon Status entity as `GET /api/v1/…` returns it. */
export function mastodonStatus(fields: MastodonStatusFields): Record<string, unknown> {
  const server = fields.server ?? 'mastodon.social';
  const user = fields.user ?? 'carer';
  const origin = fields.originId ?? fields.id;
  return {
    id: fields.id,
    created_at: fields.createdAt ?? '2024-11-20T09:07:44.000Z',
    in_reply_to_id: fields.inReplyToId ?? null,
    in_reply_to_account_id: fields.inReplyToId === undefined || fields.inReplyToId === null ? null : '109312277654321098',
    sensitive: (fields.spoilerText ?? '') !== '',
    spoiler_text: fields.spoilerText ?? '',
    visibility: fields.visibility ?? 'public',
    language: 'en',
    uri: fields.reblog === undefined || fields.reblog === null ? mastodonUri(fields) : `${mastodonUri(fields)}/activity`,
    url: fields.reblog === undefined || fields.reblog === null ? `https://${server}/@${user}/${origin}` : null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: fields.editedAt ?? null,
    content: fields.content ?? `<p>Status ${fields.id} about respite for carers</p>`,
    reblog: fields.reblog ?? null,
    account: mastodonAccount(user, server),
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
  };
}

/** The parts of a Bluesky post view a test sets. */
export interface BlueskyPostFields {
  /** The record key (a TID such as `3lbfo3xg4ls2v`). */
  rkey: string;
  handle?: string;
  text?: string;
  createdAt?: string;
  /** The URI of the post this one replies to. */
  replyTo?: string;
  facets?: readonly unknown[];
  /** Labels on the author (`!no-unauthenticated`). */
  authorLabels?: readonly string[];
}

/** The DID a test gives a handle: `did:plc:` and 24 letters made from it. */
export function blueskyDid(handle: string): string {
  const letters = handle
    .replace(/[^a-z]/g, '')
    .padEnd(24, 'q')
    .slice(0, 24);
  return `did:plc:${letters}`;
}

/** A post's `at://` URI. */
export function blueskyUri(fields: Pick<BlueskyPostFields, 'rkey' | 'handle'>): string {
  return `at://${blueskyDid(fields.handle ?? 'carer.bsky.social')}/app.bsky.feed.post/${fields.rkey}`;
}

/** An `app.bsky.feed.defs#postView`, as searchPosts, getPosts and threads give it. */
export function blueskyPost(fields: BlueskyPostFields): Record<string, unknown> {
  const handle = fields.handle ?? 'carer.bsky.social';
  const did = blueskyDid(handle);
  const reply =
    fields.replyTo === undefined
      ? {}
      : { reply: { root: { uri: fields.replyTo, cid: 'bafyreiroot' }, parent: { uri: fields.replyTo, cid: 'bafyreiparent' } } };
  return {
    uri: blueskyUri({ rkey: fields.rkey, handle }),
    cid: `bafyrei${fields.rkey}`,
    author: {
      did,
      handle,
      displayName: `${handle} (display name)`,
      avatar: `https://cdn.bsky.app/img/avatar/plain/${did}/bafkreiavatar@jpeg`,
      labels: (fields.authorLabels ?? []).map((val) => ({
        src: did,
        uri: `at://${did}/app.bsky.actor.profile/self`,
        val,
        cts: '2024-09-02T11:20:31.000Z',
      })),
      createdAt: '2023-09-14T18:02:11.104Z',
    },
    record: {
      $type: 'app.bsky.feed.post',
      createdAt: fields.createdAt ?? '2024-11-20T09:06:51.402Z',
      langs: ['en'],
      text: fields.text ?? `Post ${fields.rkey} about respite for carers`,
      ...(fields.facets === undefined ? {} : { facets: fields.facets }),
      ...reply,
    },
    replyCount: 0,
    repostCount: 0,
    likeCount: 0,
    quoteCount: 0,
    indexedAt: fields.createdAt ?? '2024-11-20T09:06:51.402Z',
    labels: [],
  };
}

/** A thread node (`threadViewPost`) holding a post and its replies. */
export function threadNode(post: Record<string, unknown>, replies: readonly unknown[] = [], parent?: unknown): Record<string, unknown> {
  return { $type: 'app.bsky.feed.defs#threadViewPost', post, ...(parent === undefined ? {} : { parent }), replies };
}

/** A feed item as getAuthorFeed gives it: the post, and the account that reposted it when it is there as a repost. */
export function feedItem(post: Record<string, unknown>, repostRkey?: string): Record<string, unknown> {
  if (repostRkey === undefined) return { post };
  const by = blueskyDid('reposter.bsky.social');
  return {
    post,
    reason: {
      $type: 'app.bsky.feed.defs#reasonRepost',
      by: { did: by, handle: 'reposter.bsky.social' },
      uri: `at://${by}/app.bsky.feed.repost/${repostRkey}`,
      cid: `bafyrei${repostRkey}`,
      indexedAt: '2024-11-20T10:00:00.000Z',
    },
  };
}

/** A link facet over the UTF-8 bytes of `shown` in `text`. */
export function linkFacet(text: string, shown: string, uri: string): Record<string, unknown> {
  const start = Buffer.byteLength(text.slice(0, text.indexOf(shown)), 'utf8');
  return {
    index: { byteStart: start, byteEnd: start + Buffer.byteLength(shown, 'utf8') },
    features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
  };
}

/** The parts of an API v1.1 tweet a test sets. */
export interface TwitterStatusFields {
  id: string;
  /** The author's handle. */
  user?: string;
  text?: string;
  /** ISO 8601; written as v1.1 writes `created_at` (`Fri Jun 07 19:00:00 +0000 2019`). */
  createdAt?: string;
  /** The id of the tweet this one replies to. */
  inReplyTo?: string;
}

/** A tweet as API v1.1 (and twarc 1, tweepy) saves it, one per line of JSON Lines. */
export function twitterStatus(fields: TwitterStatusFields): Record<string, unknown> {
  const date = new Date(fields.createdAt ?? '2019-06-07T19:00:00.000Z');
  const [weekday, day, month, year, time] = date.toUTCString().replace(',', '').split(' ');
  return {
    created_at: `${weekday} ${month} ${day} ${time} +0000 ${year}`,
    id_str: fields.id,
    text: fields.text ?? `Tweet ${fields.id} about respite for carers`,
    in_reply_to_status_id_str: fields.inReplyTo ?? null,
    user: { id_str: `19${(fields.user ?? 'carer').length}0000`, screen_name: fields.user ?? 'carer' },
    lang: 'en',
    entities: { hashtags: [], urls: [], user_mentions: [], symbols: [] },
  };
}
