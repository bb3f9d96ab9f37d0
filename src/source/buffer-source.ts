import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { formatBytes } from './byte-size.js';
import { HEAD_BYTES, MAX_LINE_CHARS, OVERLONG_EXCERPT_CHARS, type InputSource, type SourceLineItem } from './input-source.js';

/** How many characters {@link bufferInputSource}'s `text()` yields at a time. */
const TEXT_SLICE_CHARS = 64 * 1024;

/**
 * A file held in memory (a document attached to an e-mail) as an {@link InputSource}, so the
 * reader of its format reads it as it reads a file on disk. `path` names it in messages and
 * provenance, `name` gives its extension. Its text is decoded as UTF-8 (a byte order mark
 * dropped): the formats read this way are binary ones that decode themselves.
 */
export function bufferInputSource(path: string, name: string, bytes: Buffer): InputSource {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const decoded = (): string => bytes.subarray(hasBom ? 3 : 0).toString('utf8');
  const headBytes = bytes.subarray(0, HEAD_BYTES);
  const tooLarge = (limitBytes: number): InputError =>
    new InputError(`the file is ${formatBytes(bytes.length)}, over the ${formatBytes(limitBytes)} tlap reads whole; refused`, {
      location: { file: path },
    });
  return {
    path,
    diskPath: path,
    extension: extname(name).toLowerCase(),
    size: bytes.length,
    headBytes,
    headText: headBytes.subarray(hasBom ? 3 : 0).toString('utf8'),
    encoding: 'utf-8',
    hasBom,
    async *bytes() {
      yield bytes;
    },
    async *text() {
      const text = decoded();
      for (let start = 0; start < text.length; start += TEXT_SLICE_CHARS) yield text.slice(start, start + TEXT_SLICE_CHARS);
    },
    async *lines(maxChars = MAX_LINE_CHARS): AsyncIterable<SourceLineItem> {
      const lines = decoded().split(/\r?\n/);
      if (lines.at(-1) === '') lines.pop();
      for (const [index, text] of lines.entries()) {
        const line = index + 1;
        if (text.length > maxChars) yield { overlong: true, line, chars: text.length, excerpt: text.slice(0, OVERLONG_EXCERPT_CHARS) };
        else yield { text, line };
      }
    },
    async readText(limitBytes?: number) {
      if (limitBytes !== undefined && bytes.length > limitBytes) throw tooLarge(limitBytes);
      return decoded();
    },
    async readBytes(limitBytes?: number) {
      if (limitBytes !== undefined && bytes.length > limitBytes) throw tooLarge(limitBytes);
      return bytes;
    },
    fallbackLines: [],
    fallbackEncoding: 'windows-1252',
    fallbackLineCount: 0,
  };
}
