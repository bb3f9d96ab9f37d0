import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes every chunk to `stream` in order, waiting for the stream to drain whenever its buffer is
 * full, so that a slow reader (a pager, a pipe on macOS) never makes tlap hold a whole report in
 * memory. Rejects with the stream's error (a closed pipe, a full disk).
 */
export async function writeChunks(stream: Writable, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}
