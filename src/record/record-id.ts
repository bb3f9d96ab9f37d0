import { createHash } from 'node:crypto';
import type { Channel } from './record.js';

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The stable record id: the first 20 hex digits of sha256(channel, sourceId). */
export function makeRecordId(channel: Channel, sourceId: string): string {
  return sha256Hex(`${channel}\u0000${sourceId}`).slice(0, 20);
}

/** The `sourceId` given to an item whose export has no id of its own: a hash of who, when and what. */
export function contentSourceId(author: string | null, date: string | null, text: string): string {
  return `content:${sha256Hex(`${author ?? ''}\u0000${date ?? ''}\u0000${text}`).slice(0, 20)}`;
}
