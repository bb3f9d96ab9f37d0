import { createHash } from 'node:crypto';
import type { Channel } from './record.js';

/**
 * The first `bytes` bytes of sha256(value) as lower-case hex. Decoded from the digest bytes, so
 * the result is a string of its own, not a slice that keeps the whole 64-digit hex alive (ingest
 * holds every record id in memory).
 */
function sha256HexPrefix(value: string, bytes: number): string {
  return createHash('sha256').update(value, 'utf8').digest().toString('hex', 0, bytes);
}

/** The stable record id: the first 20 hex digits of sha256(channel, sourceId). */
export function makeRecordId(channel: Channel, sourceId: string): string {
  return sha256HexPrefix(`${channel}\u0000${sourceId}`, 10);
}

/** The `sourceId` given to an item whose export has no id of its own: a hash of who, when and what. */
export function contentSourceId(author: string | null, date: string | null, text: string): string {
  return `content:${sha256HexPrefix(`${author ?? ''}\u0000${date ?? ''}\u0000${text}`, 10)}`;
}
