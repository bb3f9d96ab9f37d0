import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileItems, type FileReadResult } from './read-fixture.js';
import type { ReadFileOptions } from '../../src/ingest/read-input-file.js';

/**
 * Writes `content` to a fresh temporary folder as `fileName` (the extension drives detection),
 * reads it with the ingest reader, removes the folder and returns what was read. Provenance
 * names the file by `fileName` alone.
 */
export async function readTempInput(
  fileName: string,
  content: string | Buffer,
  options: Partial<ReadFileOptions> = {},
): Promise<FileReadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tlap-test-'));
  try {
    const path = join(dir, fileName);
    writeFileSync(path, content);
    return await readFileItems(path, { displayPath: fileName, ...options });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where each rejected item of a read is: its line and its place in the file (`posts[5]`). */
export function rejectedPlaces(result: FileReadResult): { line: number | undefined; part: string | undefined }[] {
  return result.items.flatMap((item) => (item.kind === 'rejected' ? [{ line: item.provenance.line, part: item.provenance.part }] : []));
}

/** What a read gave, one line per record or rejection: `record line N: text` or `rejected line N: CODE`. */
export function itemSummary(items: Awaited<ReturnType<typeof readTempInput>>['items']): string[] {
  return items.flatMap((item) =>
    item.kind === 'record'
      ? [`record line ${item.record.provenance.line}: ${item.record.text}`]
      : item.kind === 'rejected'
        ? [`rejected line ${item.provenance.line}: ${item.code}`]
        : [],
  );
}
