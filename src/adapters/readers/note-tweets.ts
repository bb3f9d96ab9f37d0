import type { NoteTweet } from '../format-adapter.js';
import { asArray, asObject, asString, field } from './json-fields.js';
import { decodeTweetEntities, tweetId, type TweetLink } from './tweet-item.js';

/**
 * A long tweet's note as `data/note-tweet.js` holds it (`{"noteTweet": {"noteTweetId", "createdAt",
 * "core": {"text", "urls", "hashtags"…}}}`), or null when the element lacks its id, date or text.
 */
export function noteTweetOf(value: unknown): NoteTweet | null {
  const note = asObject(field(value, 'noteTweet'));
  if (note === null) return null;
  const id = tweetId(note['noteTweetId']);
  const text = asString(field(note, 'core', 'text'));
  const createdAt = Date.parse(asString(note['createdAt']) ?? '');
  if (id === null || text === null || Number.isNaN(createdAt)) return null;
  const links = asArray(field(note, 'core', 'urls')).flatMap((entry) => {
    const url = asString(field(entry, 'shortUrl'));
    const expandedUrl = asString(field(entry, 'expandedUrl'));
    return url === null || expandedUrl === null ? [] : [{ url, expandedUrl }];
  });
  const hashtags = asArray(field(note, 'core', 'hashtags')).flatMap((tag) => asString(field(tag, 'text')) ?? []);
  return { id, createdAt, text, links, hashtags };
}

/**
 * A text X cut short in `tweets.js`: its start, `…`, then only the links X keeps after it (the
 * quoted tweet's, the photo's).
 */
const CUT_SHORT = /^([\s\S]*?)…((?:\s+https?:\/\/t\.co\/[A-Za-z0-9]+)*)\s*$/;
/** The `@handle`s a reply's text starts with: `tweets.js` writes them, the note leaves them out. */
const LEADING_MENTIONS = /^(?:@\w{1,15}\s+)*/;
const SHORTENED_LINK = /https?:\/\/t\.co\/[A-Za-z0-9]+/g;
/** How far apart a tweet's `created_at` and its note's `createdAt` may be (they are the same second in the archives seen). */
const MAX_CLOCK_GAP_MS = 5000;
/** X's first tweet id time (2010-11-04): a tweet id holds its milliseconds since then above its 22 low bits. */
const SNOWFLAKE_EPOCH_MS = 1288834974657;
/**
 * X counts a tweet's length with most scripts beyond Latin, Greek, Cyrillic and the like as two
 * characters each: a text cut short at 280 that way holds at least this many.
 */
const CUT_SHORT_WEIGHT = 240;

/** A tweet's whole text taken from its note, in the form `tweets.js` writes text (`&` `<` `>` escaped). */
export interface WholeTweetText {
  text: string;
  links: readonly TweetLink[];
  hashtags: readonly string[];
}

/**
 * The notes of an archive, looked up by the tweets `tweets.js` cut short. A tweet is joined to the
 * note written within {@link MAX_CLOCK_GAP_MS} of it whose text starts with the tweet's words
 * before the `…` (compared with their spacing and shortened links set aside, and without the
 * `@handle`s a reply starts with, which notes leave out); among several, the one whose id was
 * made nearest in time to the tweet's.
 */
export class NoteTweetIndex {
  private readonly bySecond = new Map<number, NoteTweet[]>();

  constructor(notes: readonly NoteTweet[]) {
    for (const note of notes) {
      const second = Math.floor(note.createdAt / 1000);
      const list = this.bySecond.get(second);
      if (list === undefined) this.bySecond.set(second, [note]);
      else list.push(note);
    }
  }

  /** True when no note was read. */
  get empty(): boolean {
    return this.bySecond.size === 0;
  }

  /**
   * The whole text of a tweet `tweets.js` cut short (`text` as it writes it, escaped), from its
   * note: the reply's `@handle`s, the note's text, and the links kept after the `…` that the note
   * does not hold. Null when the text is not cut short or no note matches.
   */
  wholeText(id: string, date: string | null, text: string): (WholeTweetText & { noteId: string }) | null {
    const cut = CUT_SHORT.exec(decodeTweetEntities(text));
    const written = date === null ? Number.NaN : Date.parse(date);
    if (cut === null || Number.isNaN(written)) return null;
    const start = cut[1] ?? '';
    const lead = LEADING_MENTIONS.exec(start)?.[0] ?? '';
    const withLead = comparable(start);
    const withoutLead = comparable(start.slice(lead.length));
    if (withoutLead === '') return null;
    let best: { note: NoteTweet; lead: string; gap: number } | null = null;
    const second = Math.floor(written / 1000);
    for (let near = second - MAX_CLOCK_GAP_MS / 1000; near <= second + MAX_CLOCK_GAP_MS / 1000; near += 1) {
      for (const note of this.bySecond.get(near) ?? []) {
        if (Math.abs(note.createdAt - written) > MAX_CLOCK_GAP_MS) continue;
        const noteText = comparable(note.text);
        const noteLead = noteText.startsWith(withLead) ? '' : noteText.startsWith(withoutLead) ? lead : null;
        if (noteLead === null || noteText.length <= withoutLead.length) continue;
        const gap = idTimeGap(id, note.id) ?? Math.abs(note.createdAt - written);
        if (best === null || gap < best.gap) best = { note, lead: noteLead, gap };
      }
    }
    if (best === null) return null;
    const { note } = best;
    const kept = (cut[2] ?? '').match(SHORTENED_LINK) ?? [];
    const tail = kept.filter((link) => !note.text.includes(link));
    const whole = `${best.lead}${note.text}${tail.map((link) => ` ${link}`).join('')}`;
    return { text: escapeTweetEntities(whole), links: note.links, hashtags: note.hashtags, noteId: note.id };
  }
}

/**
 * True for a tweet text that looks cut short as `tweets.js` cuts a long tweet: ending in `…` (then
 * only links) after about 280 characters as X counts them.
 */
export function looksCutShort(text: string): boolean {
  const cut = CUT_SHORT.exec(decodeTweetEntities(text));
  if (cut === null) return false;
  const start = cut[1] ?? '';
  return weightedLength(start.slice((LEADING_MENTIONS.exec(start)?.[0] ?? '').length)) >= CUT_SHORT_WEIGHT;
}

function comparable(text: string): string {
  return text.replace(SHORTENED_LINK, '\u0000').replace(/\s+/g, ' ').trim();
}

function escapeTweetEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How far apart in milliseconds two X ids were made, or null when either is too short to be one of X's time-based ids. */
function idTimeGap(first: string, second: string): number | null {
  const time = (id: string): number | null => (id.length < 15 ? null : Number(BigInt(id) >> 22n) + SNOWFLAKE_EPOCH_MS);
  const a = time(first);
  const b = time(second);
  return a === null || b === null ? null : Math.abs(a - b);
}

/** A text's length as X counts it for the 280 limit: Latin, Greek, Cyrillic and common punctuation one each, anything else two. */
function weightedLength(text: string): number {
  let length = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const light =
      code <= 0x10ff || (code >= 0x2000 && code <= 0x200d) || (code >= 0x2010 && code <= 0x201f) || (code >= 0x2032 && code <= 0x2037);
    length += light ? 1 : 2;
  }
  return length;
}
