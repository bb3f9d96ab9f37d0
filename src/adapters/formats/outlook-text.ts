import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { isOverlong, type InputSource } from '../../source/input-source.js';
import { formatBytes } from '../../source/byte-size.js';
import { readDateInOrder } from '../../record/ordered-dates.js';
import { MAX_MESSAGE_BYTES } from '../readers/mbox-messages.js';

/** The first field of a message Outlook saved as text: `From:<TAB>`, in the languages Outlook writes it. */
const FROM_FIELD = /^(?:From|Von|De|Van|Da|Oddi wrth)\s?:\t/u;
/** The time it was sent, in the same block: `Sent:<TAB>` (or `Date:<TAB>`). */
const SENT_FIELD = /^(?:Sent|Date|Gesendet|Envoyé|Enviado|Verzonden|Inviato|Anfonwyd)\s?:\t/u;
/** The header fields carried over to the message read: name in Outlook's text, name in the e-mail header. */
const FIELDS: readonly (readonly [RegExp, string])[] = [
  [FROM_FIELD, 'From'],
  [/^(?:To|An|À|Para|Aan|A|At)\s?:\t/u, 'To'],
  [/^(?:Cc)\s?:\t/u, 'Cc'],
  [/^(?:Subject|Betreff|Objet|Asunto|Onderwerp|Oggetto|Pwnc)\s?:\t/u, 'Subject'],
];
/** How many lines below `From:` the `Sent:` field may stand (To, Cc, Bcc lines between). */
const SENT_WITHIN_LINES = 6;

/** True when the line at `index` opens a message: a `From:<TAB>` field with a `Sent:<TAB>` field under it before a blank line. */
function opensMessage(lines: readonly string[], index: number): boolean {
  if (!FROM_FIELD.test(lines[index] ?? '')) return false;
  for (let next = index + 1; next < lines.length && next <= index + SENT_WITHIN_LINES; next += 1) {
    const line = lines[next] ?? '';
    if (line.trim() === '') return false;
    if (SENT_FIELD.test(line)) return true;
  }
  return false;
}

/** A line read ahead: the lines under a `From:` field show whether it opens a message. */
interface WindowLine {
  text: string;
  line: number;
  /** True for a line over the line limit, which makes its message too large to read. */
  overlong: boolean;
}

/** One message of the file: its first line, its header lines and its body lines. */
interface SavedMessage {
  line: number;
  header: string[];
  body: string[];
  chars: number;
}

/**
 * The message as an RFC 5322 message for the e-mail reader: From, To, Cc and Subject as saved, the
 * `Sent:` time (the sender's local time, read as UTC, day first when written with numbers, as a UK
 * Outlook writes it) as its Date, and the body as UTF-8 text.
 */
function asRfc5322(message: SavedMessage): Buffer {
  const header: string[] = [];
  for (const line of message.header) {
    const value = line.slice(line.indexOf('\t') + 1).trim();
    const field = FIELDS.find(([pattern]) => pattern.test(line))?.[1];
    if (field !== undefined) header.push(`${field}: ${value}`);
    else if (SENT_FIELD.test(line)) {
      const date = readDateInOrder(value, 'day-month-year');
      if (date !== null) header.push(`Date: ${new Date(date).toUTCString()}`);
    }
  }
  header.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
  return Buffer.from(`${header.join('\r\n')}\r\n\r\n${message.body.join('\r\n')}\r\n`, 'utf8');
}

/**
 * E-mails saved from Outlook as text (File › Save As › Text Only): one message, or several
 * selected and saved together into one file, each opening with Outlook's `From:<TAB>` /
 * `Sent:<TAB>` / `To:<TAB>` / `Subject:<TAB>` block. Each message is read as an e-mail: the
 * sender's new words, the sender's name as author, the sent time as date.
 */
export const outlookTextAdapter: FormatAdapter = {
  name: 'outlook-text',
  description: "E-mails saved from Outlook as text (Save As › Text Only; one or several messages in one .txt): each message's new words",
  channel: 'email',
  extensions: ['.txt'],
  signature: 'starts with Outlook\'s header block in text: "From:<TAB>…" with "Sent:<TAB>…" under it',
  sniff(input) {
    const lines = input.headText
      .replace(/^(?:[ \t]*\r?\n)+/, '')
      .split(/\r?\n/, SENT_WITHIN_LINES + 2)
      .map((line) => line.replace(/^\uFEFF/, ''));
    return opensMessage(lines, 0) ? 0.95 : 0;
  },
  read(source) {
    return readSavedMessages(source);
  },
};

async function* readSavedMessages(source: InputSource): AsyncIterable<AdapterItem> {
  const { emailMessageItems } = await import('../readers/email-message.js');
  let current: SavedMessage | null = null;
  let count = 0;
  let inHeader = false;
  let tooLarge = false;
  const window: WindowLine[] = [];

  async function* finish(message: SavedMessage): AsyncIterable<AdapterItem> {
    count += 1;
    const label = `message ${count}`;
    const provenance = { file: source.path, line: message.line, part: label };
    if (tooLarge) {
      yield {
        kind: 'rejected',
        code: 'MESSAGE_TOO_LARGE',
        message: `${label} is over ${formatBytes(MAX_MESSAGE_BYTES)}, the limit for one message; skipped`,
        provenance,
      };
      return;
    }
    yield* await emailMessageItems(asRfc5322(message), { provenance, label });
  }

  async function* take(item: WindowLine, following: readonly string[]): AsyncIterable<AdapterItem> {
    const previousBlank = current === null || current.body.length === 0 || (current.body[current.body.length - 1] ?? '').trim() === '';
    if (!inHeader && previousBlank && opensMessage([item.text, ...following], 0)) {
      if (current !== null) yield* finish(current);
      current = { line: item.line, header: [item.text], body: [], chars: item.text.length };
      inHeader = true;
      tooLarge = false;
      return;
    }
    if (current === null) return;
    current.chars += item.text.length + 1;
    if (item.overlong || current.chars > MAX_MESSAGE_BYTES) {
      tooLarge = true;
      current.body = [];
      return;
    }
    if (inHeader) {
      if (item.text.trim() === '') inHeader = false;
      else if (/^\S[^:\t]{0,40}:\t/u.test(item.text)) current.header.push(item.text);
      else if (/^[ \t]/.test(item.text) && current.header.length > 0) current.header[current.header.length - 1] += ` ${item.text.trim()}`;
      else {
        inHeader = false;
        current.body.push(item.text);
      }
      return;
    }
    current.body.push(item.text);
  }

  for await (const item of source.lines()) {
    window.push(isOverlong(item) ? { text: '', line: item.line, overlong: true } : { text: item.text, line: item.line, overlong: false });
    if (window.length <= SENT_WITHIN_LINES) continue;
    const head = window.shift();
    if (head !== undefined)
      yield* take(
        head,
        window.map((entry) => entry.text),
      );
  }
  while (window.length > 0) {
    const head = window.shift();
    if (head !== undefined)
      yield* take(
        head,
        window.map((entry) => entry.text),
      );
  }
  if (current !== null) yield* finish(current);
}
