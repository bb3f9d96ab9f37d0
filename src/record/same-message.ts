import { createHash } from 'node:crypto';
import type { FeedbackRecord } from './record.js';

/** The most two copies of one e-mail's sent time differ: a time shown in another zone (UTC−12 to UTC+14). */
const MAX_ZONE_SHIFT_MS = 14 * 60 * 60 * 1000;
/** Zones differ from UTC by whole quarter hours (UTC+5:45, UTC+9:30). */
const ZONE_STEP_MS = 15 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** What is kept of a stored e-mail to know another copy of it: its id, sent minute, subject, and whether it had a Message-ID. */
interface MessageSighting {
  id: string;
  minute: number;
  subject: string | null;
  hasMessageId: boolean;
}

/** Words compared with their spacing and line breaks evened out and their Unicode forms made one. */
function evened(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The formats that read a saved e-mail message (as against a table or JSON export that merely has
 * an e-mail channel): only a message saved twice can be read twice under two ids.
 */
const SAVED_MESSAGE_FORMATS: ReadonlySet<string> = new Set(['eml', 'emlx', 'mbox', 'outlook-msg', 'mail-text']);

/** The key of a saved e-mail's sender and words, or null for a record that is not a saved e-mail with a sender, a date and words. */
function messageKey(record: FeedbackRecord): string | null {
  if (!SAVED_MESSAGE_FORMATS.has(record.format) || record.author === null || record.date === null) return null;
  const author = evened(record.author)
    .replace(/^["']|["']$/gu, '')
    .toLowerCase();
  const text = evened(record.text);
  if (author === '' || text === '') return null;
  return createHash('sha256').update(`${author}\u0000${text}`).digest('base64url').slice(0, 22);
}

function sightingOf(record: FeedbackRecord): MessageSighting | null {
  const time = record.date === null ? Number.NaN : Date.parse(record.date);
  if (Number.isNaN(time)) return null;
  const subject = record.meta['subject'];
  return {
    id: record.id,
    minute: Math.floor(time / MINUTE_MS) * MINUTE_MS,
    subject: typeof subject === 'string' && subject.trim() !== '' ? evened(subject).toLowerCase() : null,
    hasMessageId: !record.sourceId.startsWith('content:'),
  };
}

/**
 * True when two sightings of one sender's words are one e-mail: one has a Message-ID and the other
 * has none (a copy saved as text), their subjects agree when both have one, and their sent times
 * agree to the minute once a time zone is allowed for (a whole number of quarter hours, at most 14
 * hours): Outlook saves the sent time as text in the saver's zone, without the zone or the seconds.
 */
function sameMessage(a: MessageSighting, b: MessageSighting): boolean {
  if (a.hasMessageId === b.hasMessageId) return false;
  if (a.subject !== null && b.subject !== null && a.subject !== b.subject) return false;
  const shift = Math.abs(a.minute - b.minute);
  return shift <= MAX_ZONE_SHIFT_MS && shift % ZONE_STEP_MS === 0;
}

/**
 * The e-mails read so far, to know a second copy of one that has another id: the same message
 * saved as text (no Message-ID, so its id is a hash of its content) and as `.eml` or `.msg`.
 * Two copies with Message-IDs are one record only by their id; so are two without.
 */
export class MessageIndex {
  private readonly sightings = new Map<string, MessageSighting[]>();

  /** Remembers a stored record (anything but an e-mail with a sender, a date and words is passed over). */
  add(record: FeedbackRecord): void {
    const key = messageKey(record);
    const sighting = key === null ? null : sightingOf(record);
    if (key === null || sighting === null) return;
    const held = this.sightings.get(key);
    if (held === undefined) this.sightings.set(key, [sighting]);
    else held.push(sighting);
  }

  /** The id of the stored record that `record` is another copy of, or undefined when there is none. */
  sameAs(record: FeedbackRecord): string | undefined {
    const key = messageKey(record);
    const sighting = key === null ? null : sightingOf(record);
    if (key === null || sighting === null) return undefined;
    return this.sightings.get(key)?.find((held) => held.id !== record.id && sameMessage(held, sighting))?.id;
  }
}
