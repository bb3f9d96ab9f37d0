import type { AdapterItem, FormatAdapter } from '../format-adapter.js';
import { isOverlong, type InputSource } from '../../source/input-source.js';
import { formatBytes } from '../../source/byte-size.js';
import { readDateInOrder } from '../../record/ordered-dates.js';
import { introducesQuotedMessage } from '../../text/email-reply-text.js';
import { MAX_MESSAGE_BYTES } from '../readers/mbox-messages.js';

/** A header field line as mail programs save it in text: a name, a colon, then a tab or a space. */
const FIELD_LINE = /^([^\s:][^:\t]{0,30}?)\s?:([\t ])/u;
/** The most lines a saved header block has (From, Sent, To, Cc, Bcc, Subject, Importance, Attachments…). */
const MAX_HEADER_LINES = 12;

/** Field names (lower case) in the languages Outlook and Apple Mail write them, and the e-mail header each is. */
const FIELD_NAMES: ReadonlyMap<string, 'From' | 'Date' | 'To' | 'Cc' | 'Subject'> = new Map([
  ...['from', 'von', 'de', 'van', 'da', 'oddi wrth'].map((name) => [name, 'From'] as const),
  ...['sent', 'date', 'gesendet', 'datum', 'envoyé', 'enviado', 'fecha', 'verzonden', 'inviato', 'data', 'anfonwyd', 'dyddiad'].map(
    (name) => [name, 'Date'] as const,
  ),
  ...['to', 'an', 'à', 'para', 'aan', 'a', 'at'].map((name) => [name, 'To'] as const),
  ['cc', 'Cc'],
  ...['subject', 'betreff', 'objet', 'asunto', 'onderwerp', 'oggetto', 'pwnc'].map((name) => [name, 'Subject'] as const),
]);

/** Header fields only a raw message has: a file that holds them is an `.eml`, not a message saved as text. */
const TRANSPORT_FIELDS = new Set(['message-id', 'mime-version', 'received', 'content-type', 'return-path', 'delivered-to']);

/** A header block as saved: its field names (lower case), whether a tab follows the colons, and its lines. */
interface HeaderBlock {
  names: string[];
  tab: boolean;
  lines: string[];
}

/**
 * The header block of a saved message starting at `index`: three or more field lines up to a blank
 * line, the first a `From:`, with a date (`Sent:`, `Date:`) and a `To:` or `Subject:`, and none
 * that only a raw message has; null otherwise.
 */
function headerBlockAt(lines: readonly string[], index: number): HeaderBlock | null {
  const first = FIELD_LINE.exec(lines[index] ?? '');
  if (first === null || FIELD_NAMES.get((first[1] ?? '').toLowerCase()) !== 'From') return null;
  const block: HeaderBlock = { names: [], tab: first[2] === '\t', lines: [] };
  for (let next = index; next < lines.length && next < index + MAX_HEADER_LINES; next += 1) {
    const line = lines[next] ?? '';
    if (line.trim() === '') break;
    const field = FIELD_LINE.exec(line);
    if (field === null) {
      if (/^[ \t]/.test(line) && block.lines.length > 0) {
        block.lines[block.lines.length - 1] += ` ${line.trim()}`;
        continue;
      }
      return null;
    }
    const name = (field[1] ?? '').toLowerCase();
    if (TRANSPORT_FIELDS.has(name)) return null;
    block.names.push(name);
    block.lines.push(line);
  }
  const kinds = new Set(block.names.map((name) => FIELD_NAMES.get(name)));
  return block.names.length >= 3 && kinds.has('Date') && (kinds.has('To') || kinds.has('Subject')) ? block : null;
}

/** True when a later block opens a message as the file's first one did: the same separator and the same first three fields. */
function sameLayout(block: HeaderBlock, first: HeaderBlock): boolean {
  return block.tab === first.tab && block.names.slice(0, 3).join('\n') === first.names.slice(0, 3).join('\n');
}

/** Zone names mail programs in the UK and Europe write after a time, as offsets from UTC. */
const ZONE_OFFSETS: ReadonlyMap<string, string> = new Map([
  ['bst', 'GMT+1'],
  ['cet', 'GMT+1'],
  ['cest', 'GMT+2'],
]);

/** A time with its zone named (`16:13:00 BST`, as Apple Mail writes it) given as an offset instead (`16:13:00 GMT+1`). */
function withZoneOffset(value: string): string {
  const zone = /\s([A-Za-z]{3,4})$/.exec(value);
  const offset = zone === null ? undefined : ZONE_OFFSETS.get((zone[1] ?? '').toLowerCase());
  return offset === undefined || zone === null ? value : `${value.slice(0, zone.index)} ${offset}`;
}

/**
 * The message as an RFC 5322 message for the e-mail reader: From, To, Cc and Subject as saved, the
 * sent time (the sender's local time, read as UTC unless a zone or offset follows it; day first when
 * written with numbers, as UK mail programs write it) as its Date, and the body as UTF-8 text.
 */
function asRfc5322(header: readonly string[], body: readonly string[]): Buffer {
  const fields: string[] = [];
  for (const line of header) {
    const field = FIELD_LINE.exec(line);
    const kind = field === null ? undefined : FIELD_NAMES.get((field[1] ?? '').toLowerCase());
    if (field === null || kind === undefined) continue;
    const value = line.slice(field[0].length).trim();
    if (kind !== 'Date') {
      fields.push(`${kind}: ${value}`);
      continue;
    }
    const date = readDateInOrder(withZoneOffset(value), 'day-month-year');
    if (date !== null) fields.push(`Date: ${new Date(date).toUTCString()}`);
  }
  fields.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
  return Buffer.from(`${fields.join('\r\n')}\r\n\r\n${body.join('\r\n')}\r\n`, 'utf8');
}

/**
 * E-mails saved as text by a mail program: Outlook's File › Save As › "Text Only" and Apple Mail's
 * Save As › "Plain Text", one message or several selected and saved into one file, each under its
 * header block (`From:<TAB>…`, `Sent:<TAB>…`, `To:<TAB>…`, `Subject:<TAB>…`; Apple Mail's `From: …`,
 * `Subject: …`, `Date: …`, `To: …`). Each message is read as an e-mail: the sender's new words, the
 * sender's name as author, the sent time as date.
 */
export const mailTextAdapter: FormatAdapter = {
  name: 'mail-text',
  description:
    "E-mails saved as text (Outlook's Save As › Text Only, Apple Mail's Save As › Plain Text; one or several in one .txt): each message's new words",
  channel: 'email',
  extensions: ['.txt'],
  signature:
    'starts with a saved header block: "From:<TAB>…" / "Sent:<TAB>…" (Outlook) or "From: …" / "Subject: …" / "Date: …" (Apple Mail), no Message-ID',
  sniff(input) {
    const lines = input.headText
      .replace(/^(?:[ \t]*\r?\n)+/, '')
      .split(/\r?\n/, MAX_HEADER_LINES + 1)
      .map((line) => line.replace(/^\uFEFF/, ''));
    return headerBlockAt(lines, 0) === null ? 0 : 0.95;
  },
  read(source) {
    return readSavedMessages(source);
  },
};

/** A line read ahead: the lines under a `From:` field show whether it opens a message. */
interface AheadLine {
  text: string;
  line: number;
  /** True for a line over the line limit, which makes its message too large to read. */
  overlong: boolean;
}

/** One message of the file as read so far. */
interface SavedMessage {
  line: number;
  header: string[];
  body: string[];
  chars: number;
  tooLarge: boolean;
}

async function* readSavedMessages(source: InputSource): AsyncIterable<AdapterItem> {
  const { emailMessageItems } = await import('../readers/email-message.js');
  let first: HeaderBlock | null = null;
  let current: SavedMessage | null = null;
  let headerLinesLeft = 0;
  let count = 0;
  let previousBlank = true;
  let lastWords = '';
  const ahead: AheadLine[] = [];

  async function* finish(message: SavedMessage): AsyncIterable<AdapterItem> {
    count += 1;
    const label = `message ${count}`;
    const provenance = { file: source.path, line: message.line, part: label };
    if (message.tooLarge) {
      yield {
        kind: 'rejected',
        code: 'MESSAGE_TOO_LARGE',
        message: `over the ${formatBytes(MAX_MESSAGE_BYTES)} limit for one message; skipped`,
        provenance,
      };
      return;
    }
    yield* await emailMessageItems(asRfc5322(message.header, message.body), { provenance, label });
  }

  async function* take(item: AheadLine): AsyncIterable<AdapterItem> {
    const opens = previousBlank && headerLinesLeft === 0 && !introducesQuotedMessage(lastWords);
    const block = opens ? headerBlockAt([item.text, ...ahead.map((entry) => entry.text)], 0) : null;
    const blank = item.text.trim() === '';
    if (!blank) lastWords = item.text;
    previousBlank = blank;
    if (block !== null && (first === null || sameLayout(block, first))) {
      first ??= block;
      if (current !== null) yield* finish(current);
      current = { line: item.line, header: block.lines, body: [], chars: 0, tooLarge: false };
      headerLinesLeft = block.names.length - 1;
      for (let index = 0; index < headerLinesLeft; index += 1) if (/^[ \t]/.test(ahead[index]?.text ?? '')) headerLinesLeft += 1;
      return;
    }
    if (current === null) return;
    if (headerLinesLeft > 0) {
      headerLinesLeft -= 1;
      return;
    }
    current.chars += item.text.length + 1;
    if (item.overlong || current.chars > MAX_MESSAGE_BYTES) {
      current.tooLarge = true;
      current.body = [];
      return;
    }
    if (!current.tooLarge && (current.body.length > 0 || !blank)) current.body.push(item.text);
  }

  for await (const item of source.lines()) {
    ahead.push(isOverlong(item) ? { text: '', line: item.line, overlong: true } : { text: item.text, line: item.line, overlong: false });
    if (ahead.length <= MAX_HEADER_LINES) continue;
    const next = ahead.shift();
    if (next !== undefined) yield* take(next);
  }
  for (let next = ahead.shift(); next !== undefined; next = ahead.shift()) yield* take(next);
  if (current !== null) yield* finish(current);
}
