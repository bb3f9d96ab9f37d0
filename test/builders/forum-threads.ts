/** The parts of a Reddit comment a test sets; the rest take an ordinary comment's values. */
export interface RedditCommentFields {
  /** The comment's id without its `t1_` prefix. */
  id: string;
  body?: string;
  author?: string;
  /** The parent's fullname (`t3_…` or `t1_…`); the thread's post when not given. */
  parentId?: string;
  distinguished?: 'moderator' | 'admin' | null;
  createdUtc?: number | string;
  /** When the comment was last edited, in epoch seconds (`edited`); `false` (never edited) when not given. */
  edited?: number | false;
  /** The replies, as things ({@link redditThing}); none (`""`) when not given. */
  replies?: readonly unknown[];
}

/** The post every built comment belongs to. */
export const REDDIT_POST_ID = '1h2k9qx';

const THREAD_PATH = `/r/CarersUK/comments/${REDDIT_POST_ID}/council_consultation_on_home_care_charges/`;

/** A comment's data as Reddit's API gives it (`kind: t1`), or as a dump line holds it. */
export function redditCommentData(fields: RedditCommentFields): Record<string, unknown> {
  return {
    subreddit: 'CarersUK',
    replies: fields.replies === undefined ? '' : redditListing(fields.replies),
    id: fields.id,
    author: fields.author ?? 'quiet_carer_88',
    created_utc: fields.createdUtc ?? 1732963041.0,
    parent_id: fields.parentId ?? `t3_${REDDIT_POST_ID}`,
    score: 4,
    author_fullname: 't2_9x1kq3v2',
    body: fields.body ?? 'Question 6 on disability-related expenses was confusing.',
    edited: fields.edited ?? false,
    name: `t1_${fields.id}`,
    distinguished: fields.distinguished ?? null,
    stickied: false,
    permalink: `${THREAD_PATH}${fields.id}/`,
    link_id: `t3_${REDDIT_POST_ID}`,
    depth: 0,
  };
}

/** A comment as a thing of a Listing: `{kind: "t1", data}`. */
export function redditComment(fields: RedditCommentFields): Record<string, unknown> {
  return redditThing('t1', redditCommentData(fields));
}

/** A self post (`kind: t3`) with its title and text. */
export function redditPost(title: string, selftext: string): Record<string, unknown> {
  return redditThing('t3', {
    subreddit: 'CarersUK',
    selftext,
    title,
    name: `t3_${REDDIT_POST_ID}`,
    id: REDDIT_POST_ID,
    author: 'leeds_sandwich_carer',
    is_self: true,
    num_comments: 3,
    score: 48,
    permalink: THREAD_PATH,
    url: `https://www.reddit.com${THREAD_PATH}`,
    created_utc: 1732961520.0,
  });
}

/** A "load more comments" placeholder naming comments the response leaves out. */
export function redditMore(parentId: string, children: readonly string[]): Record<string, unknown> {
  return redditThing('more', {
    count: children.length,
    name: `t1_${children[0] ?? 'x'}`,
    id: children[0] ?? 'x',
    parent_id: parentId,
    depth: 0,
    children,
  });
}

/** One thing of a Listing. */
export function redditThing(kind: string, data: Record<string, unknown>): Record<string, unknown> {
  return { kind, data };
}

/** A Listing of things. */
export function redditListing(children: readonly unknown[]): Record<string, unknown> {
  return { kind: 'Listing', data: { after: null, dist: null, modhash: '', geo_filter: '', children, before: null } };
}

/** A thread as `/comments/<id>.json` returns it: the post's Listing, then the comments' Listing. */
export function redditThread(post: unknown, comments: readonly unknown[]): unknown[] {
  return [redditListing([post]), redditListing(comments)];
}

/** A chain of `depth` comments, each the only reply to the one before (ids `d1`, `d2`, …). */
export function redditReplyChain(depth: number): Record<string, unknown> {
  let replies: unknown[] = [];
  for (let level = depth; level >= 1; level -= 1) {
    const parentId = level === 1 ? `t3_${REDDIT_POST_ID}` : `t1_d${level - 1}`;
    replies = [redditComment({ id: `d${level}`, body: `reply ${level}`, parentId, replies })];
  }
  return replies[0] as Record<string, unknown>;
}
