import { open, stat } from 'node:fs/promises';
import { grownArray } from '../grown-array.js';

/** Bytes read at a time: whole lines of about this much, so a chunk holds several hundred records. */
const CHUNK_BYTES = 256 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The bytes of a records.jsonl file in chunks of whole lines, each in memory shared with worker
 * threads (a SharedArrayBuffer), so that a chunk is handed to a worker without being copied or
 * decoded here. Only for a file whose last byte is a newline (see {@link endsWithNewline}): bytes
 * after the last newline are not read. Buffers put back in `spare` once their chunk is done with
 * are read into again (a SharedArrayBuffer is only freed by a full garbage collection, which a
 * run that holds little may not do for hundreds of megabytes).
 */
export async function* storeChunks(file: string, chunkBytes = CHUNK_BYTES, spare: Uint8Array[] = []): AsyncIterable<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    let carry = new Uint8Array(0);
    let position = 0;
    let size = chunkBytes;
    for (;;) {
      let buffer = sharedBuffer(Math.max(size, carry.length * 2), spare);
      buffer.set(carry);
      let filled = carry.length;
      let atEnd = false;
      let end = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, position);
        position += bytesRead;
        filled += bytesRead;
        atEnd = bytesRead === 0;
        if (!atEnd && filled < buffer.length) continue;
        end = buffer.subarray(0, filled).lastIndexOf(NEWLINE) + 1;
        if (end > 0 || atEnd) break;
        const grown = sharedBuffer(buffer.length * 2, spare);
        grown.set(buffer);
        buffer = grown;
        size = grown.length;
      }
      if (end > 0) yield buffer.subarray(0, end);
      if (atEnd) return;
      carry = buffer.slice(end, filled);
    }
  } finally {
    await handle.close();
  }
}

/** A shared buffer of at least `size` bytes: a spare one when one is big enough. */
function sharedBuffer(size: number, spare: Uint8Array[]): Uint8Array {
  for (let next = spare.pop(); next !== undefined; next = spare.pop()) if (next.length >= size) return next;
  return new Uint8Array(new SharedArrayBuffer(size));
}

/** The whole buffer a chunk was read into, to be put back in {@link storeChunks}' `spare`. */
export function chunkBuffer(chunk: Uint8Array): Uint8Array {
  return new Uint8Array(chunk.buffer);
}

/** Whether the file's last byte is a newline (false for an empty file, or one whose last line was torn). */
export async function endsWithNewline(file: string): Promise<boolean> {
  const info = await stat(file);
  if (info.size === 0) return false;
  const handle = await open(file, 'r');
  try {
    const byte = new Uint8Array(1);
    await handle.read(byte, 0, 1, info.size - 1);
    return byte[0] === NEWLINE;
  } finally {
    await handle.close();
  }
}

/** The lines of a chunk: per non-empty line its index among the chunk's lines, start and end; and how many lines it has. */
export interface ChunkLines {
  spans: Int32Array;
  lines: number;
}

/**
 * Splits a chunk into lines as the store's line reader does (a line ends at `\n`, `\r\n` or a lone
 * `\r`; empty lines are counted but not listed). A chunk without `\r` (as tlap writes stores) is
 * cut with `indexOf`; any other goes through the byte-by-byte scan.
 */
export function chunkLines(bytes: Uint8Array): ChunkLines {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return buffer.indexOf(CARRIAGE_RETURN) === -1 ? newlineLines(buffer) : anyBreakLines(bytes);
}

/** {@link chunkLines} for a chunk whose only line breaks are `\n` (Buffer's `indexOf` is a native byte search). */
function newlineLines(bytes: Buffer): ChunkLines {
  let spans = new Int32Array(3 * 1024);
  let used = 0;
  let lines = 0;
  let start = 0;
  const length = bytes.length;
  while (start < length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = length;
    if (end > start) {
      if (used + 3 > spans.length) spans = grownArray(spans, spans.length * 2);
      spans[used] = lines;
      spans[used + 1] = start;
      spans[used + 2] = end;
      used += 3;
    }
    lines += 1;
    start = end + 1;
  }
  return { spans: spans.slice(0, used), lines };
}

/** {@link chunkLines} for any chunk, a byte at a time. */
function anyBreakLines(bytes: Uint8Array): ChunkLines {
  const spans: number[] = [];
  let lines = 0;
  let start = 0;
  const length = bytes.length;
  for (let index = 0; index < length; index += 1) {
    const byte = bytes[index];
    if (byte !== NEWLINE && byte !== CARRIAGE_RETURN) continue;
    if (index > start) spans.push(lines, start, index);
    lines += 1;
    if (byte === CARRIAGE_RETURN && bytes[index + 1] === NEWLINE) index += 1;
    start = index + 1;
  }
  if (start < length) {
    spans.push(lines, start, length);
    lines += 1;
  }
  return { spans: Int32Array.from(spans), lines };
}
