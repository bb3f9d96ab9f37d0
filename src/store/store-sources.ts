import { stat } from 'node:fs/promises';
import { StoreError } from '../errors.js';
import {
  RecordStore,
  readStoreRecords,
  readSourceEntries,
  storePaths,
  type ForgetResult,
  type RejectedEntry,
  type SourceEntry,
} from './record-store.js';
import { readStoreManifest } from './store-manifest.js';
import { RecordIdSet } from './record-id-set.js';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** What a store holds from one ingested file. */
export interface StoreSource {
  /** The file as it was given at ingest (relative to the working directory then), or `-` for stdin. */
  file: string;
  /** The format it was read as (the first, if it was read more than once). */
  format: string | null;
  /** Stored records this file held. */
  records: number;
  /** Of those, the records no other ingested file held: what `forget` would remove. */
  onlyHere: number;
  /** Lines of rejected.jsonl about this file. */
  rejected: number;
}

/**
 * Lists the files a store's records came from, in the order they were first ingested, then the
 * files that gave only rejections. Streams sources.jsonl twice (or, for a store from before it
 * existed, each record's provenance), keeping only a compact set of the record ids, and
 * rejected.jsonl once; takes no lock and writes nothing.
 */
export async function listStoreSources(dir: string): Promise<StoreSource[]> {
  const paths = storePaths(dir);
  await readStoreManifest(paths.manifest, dir);
  const hasRecords = await exists(paths.records);
  if (!hasRecords) {
    throw new StoreError(`${dir}: no record store here (${paths.records} does not exist)`, { code: 'NO_STORE' });
  }
  const hasSources = await exists(paths.sources);
  const entries = (): AsyncIterable<SourceEntry> => (hasSources ? readSourceEntries(paths.sources) : entriesOfRecords(dir));
  const fileNumbers = new Map<string, number>();
  const firstFile = new RecordIdSet();
  const shared = new RecordIdSet();
  for await (const entry of entries()) {
    let number = fileNumbers.get(entry.file);
    if (number === undefined) {
      number = fileNumbers.size + 1;
      fileNumbers.set(entry.file, number);
    }
    const first = firstFile.markOf(entry.id);
    if (first === undefined) firstFile.add(entry.id, number);
    else if (first !== number) shared.add(entry.id);
  }
  const byFile = new Map<string, StoreSource>();
  const sourceOf = (file: string, format: string | null): StoreSource => {
    let source = byFile.get(file);
    if (source === undefined) {
      source = { file, format, records: 0, onlyHere: 0, rejected: 0 };
      byFile.set(file, source);
    }
    return source;
  };
  for await (const entry of entries()) {
    const source = sourceOf(entry.file, entry.format);
    source.records += 1;
    if (!shared.has(entry.id)) source.onlyHere += 1;
  }
  if (await exists(paths.rejected)) {
    const lines = createInterface({ input: createReadStream(paths.rejected, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      const entry = parseRejected(line);
      if (entry === null || entry.code === 'STORE_TORN_LINE') continue;
      sourceOf(entry.provenance.file, null).rejected += 1;
    }
  }
  return [...byFile.values()];
}

/** A store from before sources.jsonl existed: each record's own file, from its provenance. */
async function* entriesOfRecords(dir: string): AsyncIterable<SourceEntry> {
  for await (const record of readStoreRecords(dir)) yield { id: record.id, file: record.provenance.file, format: record.format };
}

function parseRejected(line: string): RejectedEntry | null {
  if (line.trim() === '') return null;
  try {
    const entry = JSON.parse(line) as RejectedEntry;
    return typeof entry.provenance?.file === 'string' && typeof entry.code === 'string' ? entry : null;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * Takes the records of the given files back out of the store: under the store lock, removes the
 * records only those files held (a record another ingested file also held stays), their lines
 * of sources.jsonl and their rejections, each file rewritten atomically. `files` are as given
 * at ingest (see {@link listStoreSources}).
 */
export async function forgetFiles(dir: string, files: readonly string[]): Promise<ForgetResult> {
  const store = await RecordStore.open(dir);
  try {
    return await store.forget(new Set(files));
  } finally {
    await store.close();
  }
}
