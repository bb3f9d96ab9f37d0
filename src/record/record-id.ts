import { hash } from 'node:crypto';
import type { Channel } from './record.js';

/**
 * The first `bytes` bytes of sha256(value) as lower-case hex: cut from the digest as hex, which is
 * about four times as fast as decoding `bytes` of a digest Buffer (allocating the Buffer is what
 * costs: 400,000 ids took 0.53 s that way, 0.11 s this way). The cut keeps the 64-digit hex
 * alive as long as the id is; a store holds its ids as numbers (`RecordIdSet`), not as these
 * strings, so no id outlives its record's write.
 */
function sha256HexPrefix(value: string, bytes: number): string {
  return hash('sha256', value).substring(0, bytes * 2);
}

const RECORD_ID_LENGTH = 20;

/** The stable record id: the first 20 hex digits of sha256(channel, sourceId). */
export function makeRecordId(channel: Channel, sourceId: string): string {
  return sha256HexPrefix(`${channel}\u0000${sourceId}`, RECORD_ID_LENGTH / 2);
}

/**
 * Whether `id` is {@link makeRecordId}`(channel, sourceId)`: the same answer, checked against the
 * whole hex digest without building the id (a store's reader checks every line's id).
 */
export function isRecordIdOf(id: string, channel: Channel, sourceId: string): boolean {
  return id.length === RECORD_ID_LENGTH && hash('sha256', `${channel}\u0000${sourceId}`).startsWith(id);
}

/** The `sourceId` given to an item whose export has no id of its own: a hash of who, when and what. */
export function contentSourceId(author: string | null, date: string | null, text: string): string {
  return `content:${sha256HexPrefix(`${author ?? ''}\u0000${date ?? ''}\u0000${text}`, 10)}`;
}

/**
 * A 32-bit fingerprint (FNV-1a over UTF-16 code units) of a record's text. Two records with one
 * id are the same record only when their texts agree: ids that exports number per file (a form's
 * row 1, 2, 3…) recur across files with different words.
 */
export function textFingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The source id for an item whose export id is already held by a different text: the export's id
 * with the text's fingerprint, so the item is kept as its own record, and reading the same file
 * again gives the same id.
 */
export function distinctSourceId(sourceId: string, fingerprint: number): string {
  return `${sourceId}#${fingerprint.toString(16).padStart(8, '0')}`;
}
