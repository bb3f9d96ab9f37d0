import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { singleByteEncodingOf, UNDEFINED_IN_WINDOWS_1252, type SingleByteEncoding } from './mac-roman.js';

/** How a small text file an analyst keeps (a codebook, a gold file) was decoded. */
export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | SingleByteEncoding;

/** A text file decoded whole, its byte order mark removed. */
export interface DecodedTextFile {
  text: string;
  encoding: TextFileEncoding;
  /**
   * For a file read as Windows-1252 or Mac OS Roman because it is not UTF-8: the 1-based line of
   * its first byte that UTF-8 cannot read (where an editor that saved it as "ANSI" put `’` or `£`);
   * else null.
   */
  firstNonUtf8Line: number | null;
  /** How many of its lines were read in that single-byte encoding (0 when none was). */
  nonUtf8Lines: number;
}

/** A line of a file that is neither UTF-8 nor Windows-1252, for the caller to report as it reports problems. */
export interface UndecodableText {
  line: number;
  byte: number;
}

/**
 * Decodes a whole text file the way people's editors save one: a byte order mark decides UTF-8,
 * UTF-16LE or UTF-16BE (and is removed); otherwise UTF-8 when the bytes are UTF-8, else line by
 * line as `tlap ingest` reads an input file: a line that is UTF-8 as UTF-8, any other in the
 * single-byte encoding input files are read in when they are not UTF-8 (Windows-1252, Notepad's
 * "ANSI" and Excel's "CSV" on Windows, or Mac OS Roman from Excel for Mac: see
 * {@link singleByteEncodingOf}), which is never a silent U+FFFD. So a file mostly UTF-8 with a few
 * lines pasted in from a Windows program keeps the UTF-8 lines' `’` and `£` as written.
 *
 * @returns the text, or where a byte that neither UTF-8 nor Windows-1252 reads is.
 */
export function decodeTextFile(bytes: Buffer): DecodedTextFile | UndecodableText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    if (isUtf8(rest)) return { text: rest.toString('utf8'), encoding: 'utf-8', firstNonUtf8Line: null, nonUtf8Lines: 0 };
    return fallback(rest);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', firstNonUtf8Line: null, nonUtf8Lines: 0 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', firstNonUtf8Line: null, nonUtf8Lines: 0 };
  if (isUtf8(bytes)) return { text: bytes.toString('utf8'), encoding: 'utf-8', firstNonUtf8Line: null, nonUtf8Lines: 0 };
  return fallback(bytes);
}

function fallback(bytes: Buffer): DecodedTextFile | UndecodableText {
  const encoding = singleByteEncodingOf(bytes);
  const parts: string[] = [];
  let first: number | null = null;
  let read = 0;
  let line = 1;
  for (let start = 0; start < bytes.length; line += 1) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    const piece = bytes.subarray(start, end);
    if (isUtf8(piece)) {
      parts.push(piece.toString('utf8'));
    } else {
      const undefinedByte = encoding === 'windows-1252' ? piece.find((byte) => UNDEFINED_IN_WINDOWS_1252.has(byte)) : undefined;
      if (undefinedByte !== undefined) return { line, byte: undefinedByte };
      parts.push(iconv.decode(piece, encoding));
      first ??= line;
      read += 1;
    }
    start = end;
  }
  return { text: parts.join(''), encoding, firstNonUtf8Line: first ?? 1, nonUtf8Lines: read };
}

/** Whether {@link decodeTextFile} could not read the file. */
export function isUndecodable(decoded: DecodedTextFile | UndecodableText): decoded is UndecodableText {
  return 'byte' in decoded;
}

/** What {@link UndecodableText} says, in the words a message uses. */
export function describeUndecodable(undecodable: UndecodableText): string {
  return `byte 0x${undecodable.byte.toString(16).toUpperCase().padStart(2, '0')} is neither UTF-8 nor Windows-1252`;
}
