/** The channel a piece of feedback arrived through. */
export type Channel =
  'twitter' | 'mastodon' | 'bluesky' | 'blog-comment' | 'forum' | 'email' | 'event-note' | 'transcript' | 'survey' | 'other';

/** Every channel, in the order reports list them. */
export const CHANNELS: readonly Channel[] = [
  'twitter',
  'mastodon',
  'bluesky',
  'blog-comment',
  'forum',
  'email',
  'event-note',
  'transcript',
  'survey',
  'other',
];

/** The channels of short public posts under a hashtag, where a host may run a panel of numbered questions. */
export const MICROBLOG_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['twitter', 'mastodon', 'bluesky']);

/**
 * The `meta` key an adapter sets (to `true`) on a record that is the words of the account whose own
 * data export the file is, when the file does not name that account (Instagram's "Download your
 * information" comments): every such record of one file is one voice.
 */
export const EXPORT_OWNER_META = 'exportOwner';

/**
 * The `meta` key of a consultation answer whose respondent ids hold across its files (i.AI's
 * ThemeFinder layout: one folder per question, one respondent id throughout): the consultation's
 * folder. A record with it and a `meta.respondent` is that respondent's voice in that
 * consultation, whichever file it came from.
 */
export const CONSULTATION_META = 'consultation';

/** A JSON value, as kept in {@link FeedbackRecord.meta}. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Where a record came from, precise enough to open the export and find it. */
export interface Provenance {
  /** The export file, as given on the command line (relative to the working directory), or `-` for stdin. */
  file: string;
  /** 1-based line in the file where the item starts, for line-oriented and XML/JSON formats. */
  line?: number;
  /** 1-based data row (not counting header or title rows), for tables. */
  row?: number;
  /** The worksheet, for spreadsheets; the message index in an mbox; any other locator inside the file. */
  part?: string;
}

/**
 * One piece of feedback in one voice: a tweet, a comment, an email's new words, a speaker's turn,
 * one napkin note, one answer to one survey question. Every adapter produces this one shape.
 */
export interface FeedbackRecord {
  /**
   * Stable id: the same item ingested again, from the same or another export of the same platform,
   * gets the same id. A hash of the channel and `sourceId`.
   */
  id: string;
  /**
   * The export's own id for the item (tweet id, comment id, Message-ID, response id), always a string.
   * When the export has none, `content:` followed by a hash of author, date and text.
   */
  sourceId: string;
  /** The channel the feedback came through. */
  channel: Channel;
  /** The name of the adapter that read it (see `tlap formats`). */
  format: string;
  /** The author's display name or handle as the export gives it, or null when unknown or anonymous. */
  author: string | null;
  /** When it was written, ISO 8601 in UTC (`2014-01-31T09:15:00.000Z`), or null when unknown. */
  date: string | null;
  /** The person's own words as plain text: no markup, no quoted replies, no signatures, no caption timing. */
  text: string;
  /** A link to the item on its platform, or null. */
  url: string | null;
  /** The `sourceId` of the item this one replies to, or null. */
  inReplyTo: string | null;
  /** The export's other fields worth keeping (question, post title, subject, section, retweet links…). */
  meta: Record<string, JsonValue>;
  /** Where in which file the item was read. */
  provenance: Provenance;
}

/**
 * What an adapter produces for one item: a record without the fields the pipeline fills in
 * (`id`, `format`), with optional fields defaulting to null / `{}`.
 */
export interface RecordDraft {
  /** The export's own id; null when it has none (the pipeline then derives one from the content). */
  sourceId: string | null;
  /** The channel; when omitted, the adapter's default channel (or `--channel`) is used. */
  channel?: Channel;
  /**
   * The reader that read it, when not the file's own: a document attached to an e-mail is read by
   * the document's reader (`docx`) inside the e-mail's (`eml`).
   */
  format?: string;
  author?: string | null;
  date?: string | null;
  /**
   * The date the content-hash `sourceId` is made from, when it is not `date`: null for a date read
   * in a day order that was guessed or chosen (`02/01/2024`), so that no id depends on that order.
   */
  idDate?: string | null;
  /**
   * The author the content-hash `sourceId` is made from, when it is not `author`: the cell as
   * exported when an address or an `anonymous` was taken out of it, so that no id changes with that.
   */
  idAuthor?: string | null;
  text: string;
  url?: string | null;
  inReplyTo?: string | null;
  meta?: Record<string, JsonValue>;
  provenance: Provenance;
  /**
   * The `sourceId`s earlier versions of tlap gave this item, where its own has changed since: a
   * store holding the item under one of them already holds it, so ingesting the export again adds
   * nothing.
   */
  formerSourceIds?: readonly string[];
  /**
   * Whether `sourceId` is the platform's own id of the post, comment or message (one no other item
   * has: read again with other words, it is the same item, edited since), when that depends on the
   * item rather than on its format: a Telegram message's chat id and number is one, a message read
   * from a page that holds no chat id is not. Unset: the format's `platformPostIds` decides.
   */
  platformId?: boolean;
}

/** The date a draft's content-hash `sourceId` is made from: its {@link RecordDraft.idDate} when set, else its date. */
export function dateForId(draft: RecordDraft): string | null {
  return draft.idDate === undefined ? (draft.date ?? null) : draft.idDate;
}

/** The author a draft's content-hash `sourceId` is made from: its {@link RecordDraft.idAuthor} when set, else its author. */
export function authorForId(draft: RecordDraft): string | null {
  return draft.idAuthor === undefined ? (draft.author ?? null) : draft.idAuthor;
}

/** Returns true when `value` names a channel. */
export function isChannel(value: string): value is Channel {
  return CHANNEL_NAMES.has(value);
}

const CHANNEL_NAMES: ReadonlySet<string> = new Set(CHANNELS);
