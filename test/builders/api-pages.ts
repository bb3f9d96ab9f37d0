/** One comment as Facebook's Graph API returns it (`/{object-id}/comments`). */
export interface GraphCommentFields {
  id: string;
  message: string;
  name?: string;
  createdTime?: string;
  parentId?: string;
}

/** A Graph API comment object: `{id, message, created_time, from: {name, id}, parent: {id}}`, absent parts left out. */
export function graphComment(fields: GraphCommentFields): Record<string, unknown> {
  return {
    created_time: fields.createdTime ?? '2024-01-02T14:30:00+0000',
    ...(fields.name === undefined ? {} : { from: { name: fields.name, id: `u-${fields.name.length}` } }),
    message: fields.message,
    id: fields.id,
    ...(fields.parentId === undefined ? {} : { parent: { id: fields.parentId } }),
  };
}

/** A Graph API page: the records under `data`, cursors under `paging`. */
export function graphPage(records: readonly unknown[]): Record<string, unknown> {
  return {
    data: records,
    paging: { cursors: { before: 'QVFIUb', after: 'QVFIUa' }, next: 'https://graph.facebook.com/v19.0/1/comments?after=QVFIUa' },
  };
}

/** `count` Graph comments with ids `1_<n>` and distinct messages. */
export function graphComments(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) =>
    graphComment({ id: `1_${index + 1}`, message: `Comment ${index + 1} about respite for carers`, name: `Person ${index + 1}` }),
  );
}

/** One YouTube comment resource (`youtube#comment`). */
export interface YoutubeCommentFields {
  id: string;
  textOriginal?: string;
  textDisplay?: string;
  author?: string;
  publishedAt?: string;
  videoId?: string;
  parentId?: string;
}

/** A YouTube Data API v3 comment resource. */
export function youtubeComment(fields: YoutubeCommentFields): Record<string, unknown> {
  return {
    kind: 'youtube#comment',
    etag: `etag-${fields.id}`,
    id: fields.id,
    snippet: {
      channelId: 'UCchannel',
      videoId: fields.videoId ?? 'vid00000001',
      ...(fields.textDisplay === undefined ? {} : { textDisplay: fields.textDisplay }),
      ...(fields.textOriginal === undefined ? {} : { textOriginal: fields.textOriginal }),
      ...(fields.parentId === undefined ? {} : { parentId: fields.parentId }),
      authorDisplayName: fields.author ?? '@viewer',
      authorChannelUrl: 'http://www.youtube.com/@viewer',
      authorChannelId: { value: 'UCviewer' },
      canRate: true,
      viewerRating: 'none',
      likeCount: 0,
      publishedAt: fields.publishedAt ?? '2024-01-02T10:00:00Z',
      updatedAt: fields.publishedAt ?? '2024-01-02T10:00:00Z',
    },
  };
}

/** A YouTube comment thread: its top-level comment and, when given, the replies the API includes. */
export function youtubeThread(top: YoutubeCommentFields, replies: readonly YoutubeCommentFields[] = []): Record<string, unknown> {
  return {
    kind: 'youtube#commentThread',
    etag: `etag-thread-${top.id}`,
    id: top.id,
    snippet: {
      channelId: 'UCchannel',
      videoId: top.videoId ?? 'vid00000001',
      topLevelComment: youtubeComment(top),
      canReply: true,
      totalReplyCount: replies.length,
      isPublic: true,
    },
    ...(replies.length === 0 ? {} : { replies: { comments: replies.map((reply) => youtubeComment({ ...reply, parentId: top.id })) } }),
  };
}

/** A `commentThreads.list` response page. */
export function youtubeThreadPage(threads: readonly unknown[], nextPageToken?: string): Record<string, unknown> {
  return {
    kind: 'youtube#commentThreadListResponse',
    etag: 'etag-page',
    ...(nextPageToken === undefined ? {} : { nextPageToken }),
    pageInfo: { totalResults: threads.length, resultsPerPage: 20 },
    items: threads,
  };
}

/** A `comments.list` response page (the replies to one comment, fetched with `parentId`). */
export function youtubeCommentPage(comments: readonly unknown[]): Record<string, unknown> {
  return {
    kind: 'youtube#commentListResponse',
    etag: 'etag-page',
    pageInfo: { totalResults: comments.length, resultsPerPage: 20 },
    items: comments,
  };
}

/** Values as a JSON Lines file: one JSON text a line. */
export function jsonLinesOf(values: readonly unknown[]): string {
  return `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;
}

/** What a format's sniff is given for a file named `input<extension>` that starts with `headText`. */
export function sniffInputOf(headText: string, extension = '.json') {
  return { path: `input${extension}`, extension, headText, headBytes: Buffer.from(headText) };
}

/** One IG Comment as the Instagram Graph API returns it (`/{ig-media-id}/comments`). */
export interface IgCommentFields {
  id: string;
  text: string;
  username?: string;
  timestamp?: string;
  likeCount?: number;
  hidden?: boolean;
  replies?: readonly Record<string, unknown>[];
}

/** An IG Comment object: `{id, text, timestamp, username, like_count, hidden, replies: {data}}`, absent parts left out. */
export function igComment(fields: IgCommentFields): Record<string, unknown> {
  return {
    id: fields.id,
    text: fields.text,
    timestamp: fields.timestamp ?? '2024-12-02T08:40:03+0000',
    ...(fields.username === undefined ? {} : { username: fields.username }),
    like_count: fields.likeCount ?? 0,
    ...(fields.hidden === undefined ? {} : { hidden: fields.hidden }),
    ...(fields.replies === undefined ? {} : { replies: { data: fields.replies } }),
  };
}

/** An IG Media object with its comments embedded by field expansion (`fields=…,comments{…}`). */
export function igMedia(comments: readonly unknown[]): Record<string, unknown> {
  return {
    id: '17998034911546781',
    caption: 'Have your say on care charges',
    media_type: 'IMAGE',
    permalink: 'https://www.instagram.com/p/DDA3kZ7oQ2x/',
    timestamp: '2024-12-01T10:00:07+0000',
    username: 'leedscitycouncil',
    comments: { data: comments },
  };
}

/**
 * One entry of a "Download your information" Instagram comments file, its strings (its field names
 * too, which follow the account's language) written as Meta writes them (UTF-8 bytes as `\u00XX`).
 */
export function igExportComment(
  comment: string,
  mediaOwner: string,
  timestamp: number,
  labels: { comment: string; mediaOwner: string; time: string } = { comment: 'Comment', mediaOwner: 'Media Owner', time: 'Time' },
): Record<string, unknown> {
  const asBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
  return {
    media_list_data: [{ uri: 'media/posts/202412/469131225_n.jpg' }],
    string_map_data: {
      [asBytes(labels.comment)]: { value: asBytes(comment) },
      [asBytes(labels.mediaOwner)]: { value: asBytes(mediaOwner) },
      [asBytes(labels.time)]: { timestamp },
    },
  };
}
