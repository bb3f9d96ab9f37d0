import { resolve } from 'node:path';
import { RecordStore } from '../store/record-store.js';
import type { IngestSummary } from './ingest-summary.js';
import { readExports, type ReadExportsOptions } from './read-exports.js';

/** Progress of a running ingest, for a terminal progress line. */
export interface IngestProgress {
  files: number;
  read: number;
  added: number;
  /** Milliseconds since the ingest started. */
  elapsedMs: number;
  /** About how many bytes of the inputs have been read. */
  bytesRead: number;
  /** The size of all the inputs, in bytes. */
  bytesTotal: number;
}

export { LISTED_REJECTIONS } from './read-exports.js';

/** What to ingest and how: the reading options of {@link readExports}, the store, and progress. */
export interface IngestOptions extends Omit<ReadExportsOptions, 'knownTextFingerprint' | 'knownEditedAt' | 'knownMessage' | 'cwd'> {
  /** Files, folders (read recursively) and `-` for stdin. */
  paths: readonly string[];
  /** The store folder. */
  storeDir: string;
  /** The working directory paths are relative to. */
  cwd: string;
  /** Called now and then while ingesting. */
  onProgress?: (progress: IngestProgress) => void;
}

/**
 * Reads every input into the store and accounts for every item (see {@link readExports}). One bad
 * file or item never stops the run (unless `strict`); it is a rejection with its reason, kept in
 * the store's rejected.jsonl. Throws only when the run cannot start: a path that does not exist,
 * a locked or damaged store.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const { paths, storeDir, onProgress, ...readOptions } = options;
  const started = Date.now();
  let store: RecordStore | null = null;
  const reading = readExports(paths, {
    ...readOptions,
    knownTextFingerprint: (id) => store?.textFingerprintOf(id),
    knownEditedAt: (id) => store?.editedAtOf(id),
    knownMessage: (record) => store?.sameMessageAs(record),
  });
  await reading.open();
  const { summary } = reading;
  store = await RecordStore.open(resolve(options.cwd, storeDir), reading.files);
  if (store.repairedLines > 0) {
    summary.warnings.push({
      message: `${storeDir}/records.jsonl: repaired an unterminated last line left by an interrupted ingest (kept in rejected.jsonl)`,
    });
  }
  let lastProgress = 0;
  try {
    for await (const item of reading) {
      const now = Date.now();
      if (onProgress !== undefined && now - lastProgress >= 250) {
        lastProgress = now;
        const bytes = reading.bytes;
        onProgress({
          files: summary.files,
          read: summary.read,
          added: summary.added,
          elapsedMs: now - started,
          bytesRead: bytes.read,
          bytesTotal: bytes.total,
        });
      }
      if (item.kind === 'record') {
        await store.add(item.record);
      } else if (item.kind === 'duplicate') {
        if (item.edited === true) store.replace(item.record);
        else if (item.earlierEdit === true) store.addEarlierCopy(item.record);
        else if (item.sameAs === undefined) store.addCopy(item.record);
        else store.noteSource(item.sameAs, item.record.provenance.file, item.record.format);
      } else if (item.kind === 'rejected') {
        const { kind: _kind, ...rejected } = item;
        store.reject(rejected);
      } else if (item.kind === 'file') {
        await store.flush();
      }
    }
  } finally {
    await store.close();
  }
  summary.updated = store.updatedRecords;
  for (const file of summary.perFile) file.updated = store.updatedByFile.get(file.file) ?? 0;
  return summary;
}
