import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TlapError } from '../errors.js';
import { describeFsError } from '../source/fs-errors.js';

/** Characters gathered before one write: row formats yield one small chunk per record. */
const WRITE_BATCH_CHARS = 256 * 1024;

/**
 * Writes chunks to a temporary file beside `path`, syncs it, then renames it over `path`, so a
 * reader never sees a half-written report and a crash leaves the old file intact. Small chunks
 * are gathered into writes of about {@link WRITE_BATCH_CHARS} characters. A file system refusal
 * is a TlapError naming `displayPath` (the path as the user gave it); errors from `chunks` pass
 * through unchanged. A chunk of bytes (a workbook) is written as it is, after the text before it.
 */
export async function writeFileAtomically(
  path: string,
  chunks: AsyncIterable<string | Uint8Array>,
  displayPath: string = path,
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const cannotWrite = (error: unknown): TlapError =>
    new TlapError(`${displayPath}: cannot write the file (${describeFsError(error)})`, {
      hint: 'check that its folder exists, that it is not a folder, and that you may write there',
      cause: error,
    });
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'w');
  } catch (error) {
    throw cannotWrite(error);
  }
  const write = async (text: string | Uint8Array): Promise<void> => {
    try {
      await handle.appendFile(text);
    } catch (error) {
      throw cannotWrite(error);
    }
  };
  try {
    let batch: string[] = [];
    let batchChars = 0;
    for await (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        if (batch.length > 0) await write(batch.join(''));
        batch = [];
        batchChars = 0;
        await write(chunk);
        continue;
      }
      batch.push(chunk);
      batchChars += chunk.length;
      if (batchChars >= WRITE_BATCH_CHARS) {
        const text = batch.join('');
        batch = [];
        batchChars = 0;
        await write(text);
      }
    }
    if (batch.length > 0) await write(batch.join(''));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw cannotWrite(error);
  }
}
