import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { singleByteEncodingOf, UNDEFINED_IN_WINDOWS_1252, type SingleByteEncoding } from './mac-roman.js';
import iconv from 'iconv-lite';
import { InputError, UnknownNameError } from '../errors.js';
import { describeFsError } from './fs-errors.js';
import { formatBytes } from './byte-size.js';
import { countLineBreaks } from '../text/line-breaks.js';

/** How many bytes of a file are read up front for format detection. */
export const HEAD_BYTES = 64 * 1024;

/** The encodings tlap detects by itself; the `encoding` option accepts any name iconv-lite knows. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** One decoded line of a source, without its line terminator. */
export interface SourceLine {
  /** The line's text, without `\n` / `\r\n`. */
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/** A line longer than the limit the reader asked for: passed over without being held in memory. */
export interface OverlongLine {
  overlong: true;
  /** 1-based line number in the file. */
  line: number;
  /** Its length in characters. */
  chars: number;
  /** Its first {@link OVERLONG_EXCERPT_CHARS} characters. */
  excerpt: string;
}

/** What {@link InputSource.lines} yields: a line, or a line over the limit that was skipped. */
export type SourceLineItem = SourceLine | OverlongLine;

/** True for a line that was over the limit and skipped. */
export function isOverlong(item: SourceLineItem): item is OverlongLine {
  return 'overlong' in item;
}

/** The longest line {@link InputSource.lines} yields unless asked for longer ones: 1 Mi characters. */
export const MAX_LINE_CHARS = 1024 * 1024;

/** How much of a skipped over-long line is kept, for the rejection's excerpt. */
export const OVERLONG_EXCERPT_CHARS = 200;

/**
 * One input file, opened for reading. Adapters read it as decoded lines, decoded text chunks,
 * or raw bytes; nothing here holds the whole file unless an adapter asks for it with a limit.
 */
export interface InputSource {
  /** The path as the user gave it (relative to the working directory), or `-` for stdin. */
  readonly path: string;
  /** The file on disk to read (for stdin, a temporary copy). */
  readonly diskPath: string;
  /** The lower-case extension with its dot (`.csv`), or '' when there is none. */
  readonly extension: string;
  /** Size in bytes. */
  readonly size: number;
  /** The first {@link HEAD_BYTES} bytes, raw. */
  readonly headBytes: Buffer;
  /**
   * The same bytes decoded with {@link encoding}, for sniffing. In a file whose lines end in a
   * carriage return alone (classic Mac OS, old Mac Excel), here and in {@link text} and
   * {@link lines} each CR is a line feed.
   */
  readonly headText: string;
  /** The encoding text is decoded with: detected from the BOM and content, or named with the `encoding` option. */
  readonly encoding: string;
  /** True when the file starts with a byte order mark (it is never part of the decoded text). */
  readonly hasBom: boolean;
  /** Raw bytes, in chunks (for formats that decode themselves, like e-mail and spreadsheets). */
  bytes(): AsyncIterable<Buffer>;
  /**
   * Decoded text, in chunks that end at line boundaries, except that a line longer than
   * {@link LONG_LINE_PIECE_BYTES} comes in pieces (never split inside a character), so that no
   * line is ever held whole.
   */
  text(): AsyncIterable<string>;
  /**
   * Decoded lines with their numbers. A line longer than `maxChars` (default
   * {@link MAX_LINE_CHARS}) is passed over as it streams, never held whole, and comes as an
   * {@link OverlongLine} for the reader to reject.
   */
  lines(maxChars?: number): AsyncIterable<SourceLineItem>;
  /** The whole file, decoded; refused with an error naming the file when it is larger than `limitBytes`. */
  readText(limitBytes?: number): Promise<string>;
  /** The whole file, raw; refused when larger than `limitBytes`. */
  readBytes(limitBytes?: number): Promise<Buffer>;
  /**
   * 1-based numbers of the lines that were not valid UTF-8 and were read as {@link fallbackEncoding}
   * instead (filled in while the text is read; at most the first 1,000).
   */
  readonly fallbackLines: number[];
  /** The encoding of the lines that are not UTF-8: Windows-1252, or Mac OS Roman when the head of the file shows it. */
  readonly fallbackEncoding: SingleByteEncoding;
  /** How many lines were read as Windows-1252 in all. */
  readonly fallbackLineCount: number;
}

/** The path that stands for standard input, on the command line and in provenance. */
export const STDIN_PATH = '-';

/** The limit on a whole-file read, for formats that cannot stream: 256 MiB. */
export const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;

/**
 * Bytes read at a time, so that the text decoded from a chunk (one byte a character for Latin-1
 * text) stays under V8's 128 KiB limit for an ordinary heap object: a larger string is allocated
 * in the large-object space, which costs several times more to allocate and collect (decoding
 * 190 MB of ASCII in 256 KiB chunks took 600-760 ms of CPU; in 64 KiB chunks, 90-110 ms).
 */
const CHUNK_BYTES = 64 * 1024;

/** Text with no line break for this long is passed on in pieces rather than held until its line ends. */
export const LONG_LINE_PIECE_BYTES = 1024 * 1024;

/** Detects the encoding from a byte order mark; null when there is none. */
function bomEncoding(head: Buffer): { encoding: DetectedEncoding; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Guesses UTF-16 without a BOM from the pattern of zero bytes in ASCII-heavy text. */
function bomlessUtf16(head: Buffer): DetectedEncoding | null {
  const sample = Math.min(head.length - (head.length % 2), 4096);
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample; index += 2) {
    if (head[index] === 0) evenZeros += 1;
    if (head[index + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The lines read as Windows-1252, shared by every reading of one source so that re-reading never counts a line twice. */
class FallbackLog {
  readonly lines: number[] = [];
  count = 0;
  /** The last line number any reading has decoded. */
  private highestLine = 0;

  /** Records a line read as Windows-1252, unless an earlier reading of the file already did. */
  note(line: number): void {
    if (line <= this.highestLine) return;
    this.count += 1;
    if (this.lines.length < 1000) this.lines.push(line);
  }

  /** Marks every line up to `line` as decoded. */
  reached(line: number): void {
    if (line > this.highestLine) this.highestLine = line;
  }
}

/**
 * Decodes a byte block that ends at a line boundary, line by line when it is not all valid UTF-8:
 * such a line is read as Windows-1252 and logged. A line that is not Windows-1252 either is an
 * InputError naming the file and line (never a silent U+FFFD), unless `strict` is false (for
 * the head read for sniffing, which may end in the middle of a character).
 */
class LenientUtf8Decoder {
  private nextLine = 1;

  constructor(
    private readonly path: string,
    private readonly log: FallbackLog | null,
    private readonly strict = true,
    private readonly fallback: SingleByteEncoding = 'windows-1252',
  ) {}

  decode(block: Buffer): string {
    const firstLine = this.nextLine;
    this.nextLine += countNewlines(block);
    if (isUtf8(block)) {
      this.log?.reached(this.nextLine - 1);
      return block.toString('utf8');
    }
    const parts: string[] = [];
    let start = 0;
    let line = firstLine;
    while (start < block.length) {
      const newline = block.indexOf(0x0a, start);
      const end = newline === -1 ? block.length : newline + 1;
      const piece = block.subarray(start, end);
      if (isUtf8(piece)) {
        parts.push(piece.toString('utf8'));
      } else {
        const undefinedByte = this.fallback === 'windows-1252' ? piece.find((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte)) : undefined;
        if (undefinedByte !== undefined && this.strict) {
          throw new InputError(
            `bytes that are neither UTF-8 nor Windows-1252 (0x${undefinedByte.toString(16).toUpperCase()}); the file's encoding is not one tlap detects`,
            {
              location: { file: this.path, line },
              hint: 'name the encoding instead of detecting it (for example utf-16le, iso-8859-2, shift_jis)',
            },
          );
        }
        parts.push(iconv.decode(piece, this.fallback));
        this.log?.note(line);
      }
      this.log?.reached(line);
      start = end;
      line += 1;
    }
    return parts.join('');
  }
}

/**
 * Watches a stream decoded with a chosen encoding for U+FFFD that the decoder made up (bytes the
 * encoding cannot read) rather than read from the file, where a real U+FFFD is counted from its
 * encoded bytes.
 */
class ReplacementCheck {
  private readonly encoded: Buffer | null;
  private readonly unitBytes: number;
  private byteCount = 0;
  private encodedSeen = 0;
  private decodedSeen = 0;
  private tail: Buffer = Buffer.alloc(0);
  private line = 1;

  constructor(
    private readonly path: string,
    private readonly encoding: string,
  ) {
    const encoded = iconv.encode('\ufffd', encoding);
    this.encoded = encoded.length >= 2 && iconv.decode(encoded, encoding) === '\ufffd' ? encoded : null;
    this.unitBytes = /^(utf-?16|ucs-?2)/i.test(encoding) ? 2 : /^(utf-?32|ucs-?4)/i.test(encoding) ? 4 : 1;
  }

  /** Counts the encoded U+FFFD in a raw chunk (including one split across chunks). */
  raw(chunk: Buffer): void {
    this.byteCount += chunk.length;
    if (this.encoded === null) return;
    const joined = Buffer.concat([this.tail, chunk]);
    let index = joined.indexOf(this.encoded);
    while (index !== -1) {
      this.encodedSeen += 1;
      index = joined.indexOf(this.encoded, index + this.encoded.length);
    }
    this.tail = Buffer.from(joined.subarray(Math.max(0, joined.length - this.encoded.length + 1)));
  }

  /** Checks decoded text, after the raw bytes it came from were counted. */
  decoded(text: string): void {
    let index = text.indexOf('\ufffd');
    while (index !== -1) {
      this.decodedSeen += 1;
      if (this.decodedSeen > this.encodedSeen) {
        const line = this.line + countLineBreaks(text.slice(0, index));
        throw new InputError(`bytes that are not valid ${this.encoding} (they would be read as U+FFFD)`, {
          location: { file: this.path, line },
          hint: "check the file's encoding and name it instead of detecting it",
        });
      }
      index = text.indexOf('\ufffd', index + 1);
    }
    this.line += countLineBreaks(text);
  }

  /** Checks that the file did not end in the middle of a multi-byte code unit (which decoders drop silently). */
  finish(): void {
    if (this.byteCount % this.unitBytes !== 0) {
      throw new InputError(`the file ends in the middle of a ${this.encoding} character (is it truncated?)`, {
        location: { file: this.path, line: this.line },
        hint: "check the file's encoding and name it instead of detecting it",
      });
    }
  }
}

function countNewlines(block: Buffer): number {
  let count = 0;
  let index = block.indexOf(0x0a);
  while (index !== -1) {
    count += 1;
    index = block.indexOf(0x0a, index + 1);
  }
  return count;
}

/** Options for {@link openInputSource}. */
export interface OpenSourceOptions {
  /** The path to show in messages and provenance; defaults to `diskPath`. */
  displayPath?: string;
  /** An encoding name to use instead of detection (any name iconv-lite knows). */
  encoding?: string;
}

/** Opens a file for adapters to read. Errors name the file. */
export async function openInputSource(diskPath: string, options: OpenSourceOptions = {}): Promise<InputSource> {
  const displayPath = options.displayPath ?? diskPath;
  let size: number;
  let headBytes: Buffer;
  try {
    const info = await stat(diskPath);
    size = info.size;
    const handle = await open(diskPath, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      headBytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new InputError(`cannot read file (${describeFsError(error)})`, { location: { file: displayPath }, cause: error });
  }
  if (options.encoding !== undefined) checkEncodingName(options.encoding);
  const bom = bomEncoding(headBytes);
  const explicit = options.encoding?.toLowerCase();
  const encoding: string = explicit ?? bom?.encoding ?? bomlessUtf16(headBytes) ?? 'utf-8';
  const bomLength = bom !== null && (explicit === undefined || sameEncoding(explicit, bom.encoding)) ? bom.length : 0;
  const lenient = explicit === undefined && encoding === 'utf-8';
  const fallbackEncoding: SingleByteEncoding =
    lenient && !isUtf8(headBytes.subarray(bomLength)) ? singleByteEncodingOf(headBytes.subarray(bomLength)) : 'windows-1252';
  const fallbackLog = new FallbackLog();

  const extension = extname(displayPath === STDIN_PATH ? '' : displayPath).toLowerCase();

  async function* bytes(): AsyncIterable<Buffer> {
    const stream = createReadStream(diskPath, { highWaterMark: CHUNK_BYTES });
    for await (const chunk of stream) yield chunk as Buffer;
  }

  async function* text(): AsyncIterable<string> {
    if (!lineEndsAreCarriageReturns) {
      yield* decodedText();
      return;
    }
    for await (const chunk of decodedText()) yield chunk.replace(/\r/g, '\n');
  }

  async function* decodedText(): AsyncIterable<string> {
    let first = true;
    if (lenient) {
      const decoder = new LenientUtf8Decoder(displayPath, fallbackLog, true, fallbackEncoding);
      const carry: Buffer[] = [];
      let carryLength = 0;
      for await (const raw of bytes()) {
        let chunk = raw;
        if (first) {
          chunk = chunk.subarray(bomLength);
          first = false;
        }
        const lastNewline = chunk.lastIndexOf(0x0a);
        if (lastNewline === -1) {
          carry.push(chunk);
          carryLength += chunk.length;
          if (carryLength >= LONG_LINE_PIECE_BYTES) {
            const joined = Buffer.concat(carry.splice(0));
            const cut = characterBoundary(joined);
            carry.push(Buffer.from(joined.subarray(cut)));
            carryLength = joined.length - cut;
            yield decoder.decode(joined.subarray(0, cut));
          }
          continue;
        }
        carry.push(chunk.subarray(0, lastNewline + 1));
        const block = Buffer.concat(carry.splice(0));
        const rest = Buffer.from(chunk.subarray(lastNewline + 1));
        carry.push(rest);
        carryLength = rest.length;
        yield decoder.decode(block);
      }
      if (carryLength > 0) yield decoder.decode(Buffer.concat(carry));
      return;
    }
    const decoder = iconv.getDecoder(encoding, { stripBOM: false });
    const check = new ReplacementCheck(displayPath, encoding);
    let pending = '';
    for await (const raw of bytes()) {
      let chunk = raw;
      if (first) {
        chunk = chunk.subarray(bomLength);
        first = false;
      }
      check.raw(chunk);
      const written = decoder.write(chunk);
      check.decoded(written);
      const decoded = pending + written;
      const lastNewline = decoded.lastIndexOf('\n');
      if (lastNewline === -1) {
        pending = decoded;
        if (pending.length >= LONG_LINE_PIECE_BYTES) {
          yield pending;
          pending = '';
        }
        continue;
      }
      pending = decoded.slice(lastNewline + 1);
      yield decoded.slice(0, lastNewline + 1);
    }
    const ending = decoder.end() ?? '';
    check.decoded(ending);
    check.finish();
    const rest = pending + ending;
    if (rest.length > 0) yield rest;
  }

  async function* lines(maxChars = MAX_LINE_CHARS): AsyncIterable<SourceLineItem> {
    let number = 1;
    let parts: string[] = [];
    let partChars = 0;
    let overlong: { chars: number; excerpt: string } | null = null;
    const take = (piece: string): void => {
      if (overlong !== null) {
        overlong.chars += piece.length;
        return;
      }
      parts.push(piece);
      partChars += piece.length;
      if (partChars > maxChars + 1) {
        const joined = parts.join('');
        overlong = { chars: joined.length, excerpt: joined.slice(0, OVERLONG_EXCERPT_CHARS) };
        parts = [];
        partChars = 0;
      }
    };
    const lineItem = (text: string): SourceLineItem => {
      const line = withoutCarriageReturn(text);
      return line.length > maxChars
        ? { overlong: true, line: number, chars: line.length, excerpt: line.slice(0, OVERLONG_EXCERPT_CHARS) }
        : { text: line, line: number };
    };
    const finish = (): SourceLineItem => {
      const item = overlong === null ? lineItem(parts.join('')) : { overlong: true as const, line: number, ...overlong };
      parts = [];
      partChars = 0;
      overlong = null;
      return item;
    };
    for await (const chunk of text()) {
      let start = 0;
      let newline = chunk.indexOf('\n', start);
      while (newline !== -1) {
        if (partChars === 0 && overlong === null) {
          yield lineItem(chunk.slice(start, newline));
        } else {
          take(chunk.slice(start, newline));
          yield finish();
        }
        number += 1;
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      if (start < chunk.length) take(chunk.slice(start));
    }
    if (partChars > 0 || overlong !== null) yield finish();
  }

  function refuseOver(limitBytes: number): void {
    if (size > limitBytes) {
      throw new InputError(`file is ${formatBytes(size)}, over the ${formatBytes(limitBytes)} this format can read at once`, {
        location: { file: displayPath },
        hint: 'split the export into smaller files',
      });
    }
  }

  async function readBytes(limitBytes = WHOLE_FILE_LIMIT): Promise<Buffer> {
    refuseOver(limitBytes);
    const parts: Buffer[] = [];
    for await (const chunk of bytes()) parts.push(chunk);
    return Buffer.concat(parts);
  }

  async function readText(limitBytes = WHOLE_FILE_LIMIT): Promise<string> {
    refuseOver(limitBytes);
    const parts: string[] = [];
    for await (const chunk of text()) parts.push(chunk);
    return parts.join('');
  }

  const decodedHead = decodeHead(headBytes.subarray(bomLength), encoding, lenient, fallbackEncoding);
  const lineEndsAreCarriageReturns = !decodedHead.includes('\n') && decodedHead.includes('\r');
  const headText = lineEndsAreCarriageReturns ? decodedHead.replace(/\r/g, '\n') : decodedHead;

  return {
    path: displayPath,
    diskPath,
    extension,
    size,
    headBytes,
    headText,
    encoding,
    hasBom: bom !== null,
    bytes,
    text,
    lines,
    readText,
    readBytes,
    get fallbackLines() {
      return fallbackLog.lines;
    },
    fallbackEncoding,
    get fallbackLineCount() {
      return fallbackLog.count;
    },
  };
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/**
 * Where a block of UTF-8 bytes can be cut without splitting a character: before a lead byte
 * whose character may run past the end, else at the end.
 */
function characterBoundary(block: Buffer): number {
  let index = block.length - 1;
  while (index > 0 && index > block.length - 4 && ((block[index] ?? 0) & 0xc0) === 0x80) index -= 1;
  return (block[index] ?? 0) >= 0xc0 ? index : block.length;
}

function decodeHead(head: Buffer, encoding: string, lenient: boolean, fallback: SingleByteEncoding): string {
  if (lenient) return new LenientUtf8Decoder('', null, false, fallback).decode(head);
  return iconv.decode(head, encoding, { stripBOM: false });
}

function sameEncoding(a: string, b: string): boolean {
  const simplify = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return simplify(a) === simplify(b);
}

/** Throws an UnknownNameError when `name` is no encoding tlap can decode. */
export function checkEncodingName(name: string): void {
  if (!iconv.encodingExists(name)) {
    throw new UnknownNameError(
      'encoding',
      name,
      [],
      `no such encoding "${name}"`,
      'use a name such as utf-8, utf-16le, windows-1252, latin1 or utf-7',
    );
  }
}

/**
 * True when the head of a file looks binary, in an encoding where NUL never appears in text: more
 * than 16 and 1% of its bytes are NUL, or more than 16 and 5% are other control bytes that text does not use (a
 * compressed or image file). A few NUL bytes in a text file make that row bad, not the file binary.
 */
export function looksBinary(source: Pick<InputSource, 'headBytes' | 'encoding'>): boolean {
  if (source.encoding.startsWith('utf-16') || source.encoding.startsWith('utf16') || source.encoding.startsWith('ucs')) {
    return false;
  }
  const head = source.headBytes;
  if (head.length === 0) return false;
  let nulBytes = 0;
  let controlBytes = 0;
  for (const byte of head) {
    if (byte === 0) nulBytes += 1;
    else if (byte < 0x20 && !TEXT_CONTROL_BYTES.has(byte)) controlBytes += 1;
  }
  return nulBytes > Math.max(16, head.length * 0.01) || controlBytes > Math.max(16, head.length * 0.05);
}

/** Control bytes that plain text holds: tab, line feed, vertical tab, form feed, carriage return, escape. */
const TEXT_CONTROL_BYTES = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);
