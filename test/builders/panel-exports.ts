import { blueskyPost, blueskyUri, mastodonStatus, mastodonUri, twitterStatus } from './social-posts.js';

/** A channel the hashtag-panel pass serves. */
export type PanelChannel = 'twitter' | 'mastodon' | 'bluesky';

/** One post of a hashtag panel, the same on every channel. */
export interface PanelPost {
  /** The test's name for the post; its id on each channel is made from it. */
  key: string;
  /** The author's user name (a handle on each channel). */
  author: string;
  text: string;
  /** Minutes after the panel started. */
  minute: number;
  /** The key of the post it replies to. */
  replyTo?: string;
}

const START = Date.parse('2024-11-20T09:00:00.000Z');

function dateOf(post: PanelPost): string {
  return new Date(START + post.minute * 60_000).toISOString();
}

/** A number made from the key, the same for the same key: a tweet's or status' id. */
function numericId(key: string): string {
  let value = 0;
  for (const character of key) value = (value * 31 + character.charCodeAt(0)) % 1_000_000;
  return `1135${String(value).padStart(6, '0')}00000000`;
}

function blueskyHandle(author: string): string {
  return `${author}.bsky.social`;
}

/** The post's `sourceId` as ingest stores it on the channel. */
export function panelSourceId(channel: PanelChannel, key: string, author: string): string {
  if (channel === 'twitter') return numericId(key);
  if (channel === 'mastodon') return mastodonUri({ id: numericId(key), user: author, server: 'mastodon.social' });
  return blueskyUri({ rkey: `3l${key}`, handle: blueskyHandle(author) });
}

/**
 * The posts as one export of the channel: API v1.1 JSON Lines (`.jsonl`), a Mastodon tag
 * timeline (`.json`, newest first, as the API gives it) or a Bluesky searchPosts response (`.json`).
 */
export function panelExport(channel: PanelChannel, posts: readonly PanelPost[]): { extension: string; content: string } {
  const byKey = new Map(posts.map((post) => [post.key, post]));
  if (channel === 'twitter') {
    const lines = posts.map((post) =>
      JSON.stringify(
        twitterStatus({
          id: numericId(post.key),
          user: post.author,
          text: post.text,
          createdAt: dateOf(post),
          ...(post.replyTo === undefined ? {} : { inReplyTo: numericId(post.replyTo) }),
        }),
      ),
    );
    return { extension: '.jsonl', content: `${lines.join('\n')}\n` };
  }
  if (channel === 'mastodon') {
    const statuses = [...posts].reverse().map((post) =>
      mastodonStatus({
        id: numericId(post.key),
        user: post.author,
        server: 'mastodon.social',
        content: `<p>${post.text}</p>`,
        createdAt: dateOf(post),
        inReplyToId: post.replyTo === undefined ? null : numericId(post.replyTo),
      }),
    );
    return { extension: '.json', content: JSON.stringify(statuses) };
  }
  const views = posts.map((post) => {
    const parent = post.replyTo === undefined ? undefined : byKey.get(post.replyTo);
    return blueskyPost({
      rkey: `3l${post.key}`,
      handle: blueskyHandle(post.author),
      text: post.text,
      createdAt: dateOf(post),
      ...(parent === undefined ? {} : { replyTo: panelSourceId('bluesky', parent.key, parent.author) }),
    });
  });
  return { extension: '.json', content: JSON.stringify({ posts: views }) };
}
