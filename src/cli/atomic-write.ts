import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes chunks to a temporary file beside `path`, syncs it, then renames it over `path`, so a
 * reader never sees a half-written report and a crash leaves the old file intact.
 */
export async function writeFileAtomically(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    for await (const chunk of chunks) await handle.write(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
