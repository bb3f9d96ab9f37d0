import { InputError } from '../../errors.js';
import { formatBytes } from '../../source/byte-size.js';
import type { AdapterItem } from '../format-adapter.js';

/** The largest single message read (bigger ones are rejected with `MESSAGE_TOO_LARGE`). */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** The rejection of a file holding one message of `bytes`, over {@link MAX_MESSAGE_BYTES}: skipped unread. */
export function messageTooLargeRejection(provenance: { file: string; line: number }, bytes: number): AdapterItem {
  return {
    kind: 'rejected',
    code: 'MESSAGE_TOO_LARGE',
    message: `the message is ${formatBytes(bytes)}, over the ${formatBytes(MAX_MESSAGE_BYTES)} limit for one message; skipped`,
    provenance,
  };
}

/** One message cut out of an mbox, as raw bytes (the `From ` separator line not included). */
export type MboxEntry =
  | {
      kind: 'message';
      /** The message's raw bytes with `>From ` lines unescaped. */
      raw: Buffer;
      /** 1-based line of its `From ` separator line. */
      line: number;
      /** 1-based position of the message in the file. */
      index: number;
    }
  | {
      /** A message over the size limit: skipped without being held in memory. */
      kind: 'too-large';
      line: number;
      index: number;
      /** Its size in bytes. */
      bytes: number;
    };

/** Options for {@link mboxMessages}. */
export interface MboxOptions {
  /** The file name for error messages. */
  path: string;
  /** Messages larger than this are reported as `too-large` instead of being collected. */
  maxMessageBytes: number;
}

/** Lines longer than this are passed through in pieces; a separator line is never that long. */
const MAX_LINE_PIECE = 64 * 1024;
const MAX_SEPARATOR_LENGTH = 1000;
const DAY_NAME = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/;
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * True when a line looks like an mbox separator: `From <sender> <asctime date>`, such as
 * `From jane@example.org  Wed Sep 22 05:05:28 2004` (a day name, a time and a four-digit year),
 * so that a body line like "From here on, …" is not taken for one.
 */
export function isMboxSeparator(line: string): boolean {
  if (line.length > MAX_SEPARATOR_LENGTH) return false;
  const match = /^From (?:"[^"]*"|\S+)[ \t]+(.+)$/.exec(line);
  const date = match?.[1];
  if (date === undefined) return false;
  return DAY_NAME.test(date) && /\b\d{1,2}:\d{2}\b/.test(date) && /\b\d{4}\b/.test(date);
}

/** True when a line is an RFC 5322 header field (`Name: value`). */
export function isHeaderField(line: string): boolean {
  return HEADER_FIELD.test(line);
}

/** A piece of a line of raw bytes: a whole line, or part of a very long one. */
interface LinePiece {
  /** The bytes, with the line's `\n` when this piece ends the line. */
  bytes: Buffer;
  /** 1-based line number. */
  line: number;
  /** True for the first piece of a line. */
  starts: boolean;
  /** True for the last piece of a line. */
  ends: boolean;
}

async function* linePieces(chunks: AsyncIterable<Buffer>): AsyncIterable<LinePiece> {
  let line = 1;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let started = false;
  for await (const chunk of chunks) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      if (newline === -1) {
        pending.push(chunk.subarray(start));
        pendingLength += chunk.length - start;
        if (pendingLength > MAX_LINE_PIECE) {
          yield { bytes: Buffer.concat(pending), line, starts: !started, ends: false };
          started = true;
          pending = [];
          pendingLength = 0;
        }
        break;
      }
      const piece = chunk.subarray(start, newline + 1);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
      yield { bytes, line, starts: !started, ends: true };
      pending = [];
      pendingLength = 0;
      started = false;
      line += 1;
      start = newline + 1;
    }
  }
  if (pendingLength > 0) yield { bytes: Buffer.concat(pending), line, starts: !started, ends: true };
}

/** The text of a whole line, without its line ending, for pattern tests (Latin-1 keeps bytes 1:1). */
function lineText(bytes: Buffer): string {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end -= 1;
  if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
  return bytes.toString('latin1', 0, end);
}

/** `>From `, `>>From `… (mboxrd escaping): the line loses one `>`. */
function unescapeFrom(bytes: Buffer): Buffer {
  if (bytes[0] !== 0x3e) return bytes;
  let index = 0;
  while (bytes[index] === 0x3e) index += 1;
  return bytes.toString('latin1', index, index + 5) === 'From ' ? bytes.subarray(1) : bytes;
}

/**
 * Splits an mbox (raw bytes, streamed) into messages. A message starts at a `From ` separator line
 * (see {@link isMboxSeparator}) that opens the file or follows a blank line, and is followed by a
 * header field; anything else starting with `From ` is body text. `>From ` lines are unescaped
 * (mboxrd). Bytes are never decoded, so 8-bit bodies reach the MIME parser intact. Throws an
 * InputError when the file does not start with a separator line.
 */
export async function* mboxMessages(chunks: AsyncIterable<Buffer>, options: MboxOptions): AsyncIterable<MboxEntry> {
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  let startLine = 0;
  let tooLarge = false;
  let previousBlank = true;
  let seenContent = false;
  let candidate: LinePiece | null = null;

  const finish = (): MboxEntry | null => {
    if (index === 0) return null;
    const entry: MboxEntry = tooLarge
      ? { kind: 'too-large', line: startLine, index, bytes: size }
      : { kind: 'message', raw: Buffer.concat(parts, size), line: startLine, index };
    parts = [];
    size = 0;
    tooLarge = false;
    return entry;
  };
  const append = (bytes: Buffer): void => {
    size += bytes.length;
    if (tooLarge) return;
    if (size > options.maxMessageBytes) {
      tooLarge = true;
      parts = [];
      return;
    }
    parts.push(bytes);
  };
  const begin = (line: number): void => {
    index += 1;
    startLine = line;
  };

  for await (const piece of linePieces(chunks)) {
    const whole = piece.starts && piece.ends;
    const text = whole ? lineText(piece.bytes) : '';
    if (!seenContent) {
      if (whole && text.trim() === '') continue;
      seenContent = true;
      if (!whole || !isMboxSeparator(text)) {
        throw new InputError(`not an mbox file: it does not start with a "From <sender> <date>" separator line`, {
          location: { file: options.path, line: piece.line, col: 1 },
          hint: 'give a single message the .eml extension, or check the export',
        });
      }
      begin(piece.line);
      previousBlank = false;
      continue;
    }
    if (candidate !== null) {
      const separator = candidate;
      candidate = null;
      if (whole && isHeaderField(text)) {
        const entry = finish();
        if (entry !== null) yield entry;
        begin(separator.line);
      } else {
        append(separator.bytes);
      }
    }
    if (whole && previousBlank && isMboxSeparator(text)) {
      candidate = piece;
      previousBlank = false;
      continue;
    }
    append(piece.starts ? unescapeFrom(piece.bytes) : piece.bytes);
    previousBlank = whole && text === '';
  }
  if (candidate !== null) append(candidate.bytes);
  const last = finish();
  if (last !== null) yield last;
}
