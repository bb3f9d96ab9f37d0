import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Characters gathered before one write: row formats yield one small chunk per record. */
const WRITE_BATCH_CHARS = 256 * 1024;

/**
 * Writes chunks to a temporary file beside `path`, syncs it, then renames it over `path`, so a
 * reader never sees a half-written report and a crash leaves the old file intact. Small chunks
 * are gathered into writes of about {@link WRITE_BATCH_CHARS} characters.
 */
export async function writeFileAtomically(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    let batch: string[] = [];
    let batchChars = 0;
    for await (const chunk of chunks) {
      batch.push(chunk);
      batchChars += chunk.length;
      if (batchChars >= WRITE_BATCH_CHARS) {
        const text = batch.join('');
        batch = [];
        batchChars = 0;
        await handle.write(text);
      }
    }
    if (batch.length > 0) await handle.write(batch.join(''));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
