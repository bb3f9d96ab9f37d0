import { createReadStream } from 'node:fs';
import { mkdir, open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StoreError } from '../errors.js';
import type { FeedbackRecord, Provenance } from '../record/record.js';
import type { RejectionCode } from '../rejection-code.js';
import { acquireStoreLock, type StoreLock } from './store-lock.js';
import { describeFsError } from '../source/fs-errors.js';
import { RecordIdSet } from './record-id-set.js';

/** The files of a store folder. */
export interface StorePaths {
  /** The folder. */
  dir: string;
  /** One record per line, in ingest order. */
  records: string;
  /** One rejected item per line, with its reason code and where it was. */
  rejected: string;
  /** Present while an ingest writes to the store. */
  lock: string;
}

/** The paths of the store in `dir`. */
export function storePaths(dir: string): StorePaths {
  return { dir, records: join(dir, 'records.jsonl'), rejected: join(dir, 'rejected.jsonl'), lock: join(dir, 'lock') };
}

/** One line of rejected.jsonl. */
export interface RejectedEntry {
  /** Why the item was rejected. */
  code: RejectionCode;
  /** What was wrong, in one line. */
  message: string;
  /** Where the item was. */
  provenance: Provenance;
  /** Up to 200 characters of the raw item, to find it again. */
  excerpt?: string;
}

const ID_PREFIX = /^\{"id":"([^"\\]+)"/;
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * A store opened for writing: holds the lock, knows every stored id (ids only, not records),
 * and appends whole lines. A crash can leave at most a torn last line, which the next open
 * repairs (the torn bytes go to rejected.jsonl as `STORE_TORN_LINE`).
 */
export class RecordStore {
  /** Lines repaired when the store was opened (0 or 1). */
  readonly repairedLines: number;
  private readonly ids: RecordIdSet;
  private readonly rejectionKeys: Set<string>;
  private readonly batch = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  private batchBytes = 0;
  private pendingRejected: string[] = [];

  private constructor(
    readonly paths: StorePaths,
    private readonly lock: StoreLock,
    private readonly recordsFile: FileHandle,
    private readonly rejectedFile: FileHandle,
    ids: RecordIdSet,
    rejectionKeys: Set<string>,
    repairedLines: number,
  ) {
    this.ids = ids;
    this.rejectionKeys = rejectionKeys;
    this.repairedLines = repairedLines;
  }

  /** Opens (creating if needed) the store in `dir` for writing. Throws StoreError when it is locked or unreadable. */
  static async open(dir: string): Promise<RecordStore> {
    const paths = storePaths(dir);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new StoreError(`${dir}: cannot create the store folder (${describeFsError(error)})`, {
        hint: 'name a store folder you may write to',
        cause: error,
        code: 'STORE_NOT_WRITABLE',
      });
    }
    const lock = await acquireStoreLock(paths.lock);
    try {
      const torn = await repairTornTail(paths.records);
      await repairTornTail(paths.rejected);
      const ids = new RecordIdSet();
      for await (const { text, line } of readLines(paths.records)) {
        const prefixed = ID_PREFIX.exec(text)?.[1];
        ids.add(prefixed ?? parseRecordLine(text, paths.records, line).id);
      }
      const rejectionKeys = new Set<string>();
      for await (const { text } of readLines(paths.rejected)) rejectionKeys.add(rejectionKeyOfLine(text));
      const recordsFile = await open(paths.records, 'a');
      const rejectedFile = await open(paths.rejected, 'a');
      const store = new RecordStore(paths, lock, recordsFile, rejectedFile, ids, rejectionKeys, torn === null ? 0 : 1);
      if (torn !== null) {
        store.reject({
          code: 'STORE_TORN_LINE',
          message: 'unterminated last line left by an interrupted write; removed from records.jsonl',
          provenance: { file: paths.records },
          excerpt: torn.slice(0, 200),
        });
      }
      if (torn !== null) await store.flush();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** How many records the store holds. */
  get size(): number {
    return this.ids.size;
  }

  /** True when a record with this id is stored (or queued to be). */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Queues a record for appending; call {@link flush} (or {@link close}) to write. Lines are encoded
   * straight into one reused buffer, written when full, so a batch is never joined into a string.
   */
  async add(record: FeedbackRecord): Promise<void> {
    this.ids.add(record.id);
    const line = `${serialiseRecord(record)}\n`;
    if (this.batchBytes + line.length * 3 > WRITE_BATCH_BYTES) {
      await this.writeBatch();
      if (line.length * 3 > WRITE_BATCH_BYTES) {
        await this.recordsFile.appendFile(line);
        return;
      }
    }
    this.batchBytes += this.batch.write(line, this.batchBytes, 'utf8');
  }

  /** Queues a rejected item for rejected.jsonl, unless the same rejection is there already. Returns false for a repeat. */
  reject(entry: RejectedEntry): boolean {
    const line = JSON.stringify(entry);
    const key = rejectionKeyOfLine(line);
    if (this.rejectionKeys.has(key)) return false;
    this.rejectionKeys.add(key);
    this.pendingRejected.push(`${line}\n`);
    return true;
  }

  /** Writes queued lines, each batch as whole lines (appendFile retries partial writes until all is written). */
  async flush(): Promise<void> {
    await this.writeBatch();
    if (this.pendingRejected.length > 0) {
      const chunk = this.pendingRejected.join('');
      this.pendingRejected = [];
      await this.rejectedFile.appendFile(chunk);
    }
  }

  /** Appends the whole lines queued in the batch buffer. */
  private async writeBatch(): Promise<void> {
    if (this.batchBytes === 0) return;
    const bytes = this.batchBytes;
    this.batchBytes = 0;
    await this.recordsFile.appendFile(this.batch.subarray(0, bytes));
  }

  /** Flushes, syncs to disk, closes the files and releases the lock. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.recordsFile.sync();
      await this.rejectedFile.sync();
    } finally {
      await this.recordsFile.close().catch(() => undefined);
      await this.rejectedFile.close().catch(() => undefined);
      await this.lock.release();
    }
  }
}

/** A record as one JSON line, `id` first (the store reads ids back without parsing whole lines). */
export function serialiseRecord(record: FeedbackRecord): string {
  return JSON.stringify({
    id: record.id,
    sourceId: record.sourceId,
    channel: record.channel,
    format: record.format,
    author: record.author,
    date: record.date,
    text: record.text,
    url: record.url,
    inReplyTo: record.inReplyTo,
    meta: record.meta,
    provenance: record.provenance,
  });
}

function rejectionKeyOfLine(line: string): string {
  try {
    const entry = JSON.parse(line) as RejectedEntry;
    const where = entry.provenance;
    return JSON.stringify([entry.code, where.file, where.line ?? null, where.row ?? null, where.part ?? null, entry.excerpt ?? null]);
  } catch {
    return line;
  }
}

/** Parses one records.jsonl line, with an error naming the store line when it is not a record. */
export function parseRecordLine(text: string, file: string, line: number): FeedbackRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError(`${file}:${line}: not valid JSON; the store was damaged or edited by hand`, {
      hint: 'restore the line, or delete the store and ingest again',
    });
  }
  if (!isRecordShape(value)) {
    throw new StoreError(`${file}:${line}: not a tlap record (missing id, channel or text)`, {
      hint: 'restore the line, or delete the store and ingest again',
    });
  }
  return value;
}

function isRecordShape(value: unknown): value is FeedbackRecord {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    typeof record['channel'] === 'string' &&
    typeof record['text'] === 'string' &&
    typeof record['sourceId'] === 'string'
  );
}

async function* readLines(path: string): AsyncIterable<{ text: string; line: number }> {
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) return;
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text !== '') yield { text, line };
  }
}

/** One line of a store's records.jsonl, with its 1-based line number. */
export interface StoreLine {
  text: string;
  line: number;
}

/**
 * The record lines of a store, in order, as written: a torn last line (an interrupted write that
 * the next ingest repairs) is left out. Throws StoreError when there is no store.
 */
export async function* readStoreLines(dir: string): AsyncIterable<StoreLine> {
  const { records } = storePaths(dir);
  const exists = await stat(records).then(
    () => true,
    () => false,
  );
  if (!exists) {
    throw new StoreError(`${dir}: no record store here (${records} does not exist)`, {
      hint: 'ingest some exports into it first, or name another store folder',
      code: 'NO_STORE',
    });
  }
  const torn = await lastByteIsNotNewline(records);
  let lastLine = 0;
  const pending: StoreLine[] = [];
  for await (const entry of readLines(records)) {
    const previous = pending.pop();
    if (previous !== undefined) yield previous;
    pending.push(entry);
    lastLine = entry.line;
  }
  const last = pending.pop();
  if (last !== undefined && !(torn && last.line === lastLine)) yield last;
}

/** The id of a record line as the store writes it (`{"id":"…",` first), read without parsing the line; undefined otherwise. */
export function recordIdOfLine(text: string): string | undefined {
  return ID_PREFIX.exec(text)?.[1];
}

/** Reads the records of a store, in order, without holding them all. Throws StoreError naming a bad line. */
export async function* readStoreRecords(dir: string): AsyncIterable<FeedbackRecord> {
  const { records } = storePaths(dir);
  for await (const { text, line } of readStoreLines(dir)) yield parseRecordLine(text, records, line);
}

async function lastByteIsNotNewline(path: string): Promise<boolean> {
  const info = await stat(path);
  if (info.size === 0) return false;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, info.size - 1);
    return buffer[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}

/** Cuts an unterminated last line off a JSONL file; returns the removed text, or null when the file was whole. */
async function repairTornTail(path: string): Promise<string | null> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return null;
  }
  if (info.size === 0 || !(await lastByteIsNotNewline(path))) return null;
  const handle = await open(path, 'r');
  let cut = 0;
  let tail = '';
  try {
    const block = 64 * 1024;
    let end = info.size;
    const parts: Buffer[] = [];
    while (end > 0) {
      const start = Math.max(0, end - block);
      const buffer = Buffer.alloc(end - start);
      await handle.read(buffer, 0, buffer.length, start);
      const newline = buffer.lastIndexOf(0x0a);
      if (newline !== -1) {
        cut = start + newline + 1;
        parts.unshift(buffer.subarray(newline + 1));
        break;
      }
      parts.unshift(buffer);
      end = start;
    }
    tail = Buffer.concat(parts).toString('utf8');
  } finally {
    await handle.close();
  }
  await truncate(path, cut);
  return tail;
}
