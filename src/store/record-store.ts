import { mkdir, open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { readFileLineBatches, readFileLines } from './file-lines.js';
import { StoreError, TlapError } from '../errors.js';
import type { FeedbackRecord, Provenance } from '../record/record.js';
import { textFingerprint } from '../record/record-id.js';
import { editedAtOf, isLaterEdit } from '../record/edit-time.js';
import { MessageIndex } from '../record/same-message.js';
import type { RejectionCode } from '../rejection-code.js';
import { acquireStoreLock, type StoreLock } from './store-lock.js';
import { describeFsError } from '../source/fs-errors.js';
import { MAX_TAG, RecordIdSet } from './record-id-set.js';
import { writeFileAtomically } from './atomic-write.js';
import { readStoreManifest, writeStoreManifest } from './store-manifest.js';
import { storePaths, type StorePaths } from './store-paths.js';
import { parseRecordLine } from './record-line.js';
import { recordsSealed, sealRecords, unsealRecords } from './records-seal.js';

export { storePaths, type StorePaths } from './store-paths.js';
export { parseRecordLine } from './record-line.js';
export { recordsSealed } from './records-seal.js';

/**
 * True when `dir` holds a tlap store: its records.jsonl beside a manifest, sources.jsonl or
 * rejected.jsonl (stores from before manifests have the last). A folder of exports may hold one.
 */
export async function isStoreFolder(dir: string): Promise<boolean> {
  const paths = storePaths(dir);
  if (!(await exists(paths.records))) return false;
  for (const path of [paths.manifest, paths.sources, paths.rejected]) if (await exists(path)) return true;
  return false;
}

/** One line of sources.jsonl: a file that held a record, as given at ingest, and the format it was read as. */
export interface SourceEntry {
  id: string;
  file: string;
  format: string;
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

const WRITE_BATCH_BYTES = 1024 * 1024;
/** The sources.jsonl batch to start with; it grows when a run of sightings outgrows it between flushes. */
const SOURCE_BATCH_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

/**
 * What the other copies of a stored record change in it once a run's records are written: a
 * record held by several files is the copy from the file first in name order (as given at
 * ingest), with the panel question whose id sorts first among the copies that have one.
 */
interface Amendment {
  /**
   * The copy from a file before the stored copy's in name order, when one was read; or the post
   * read last with other words than the stored one (see {@link RecordStore.replace}), or the
   * copy of those words from the file first in name order.
   */
  lead?: FeedbackRecord;
  /** A question (`meta.question`, `meta.questionId`) whose id sorts before the stored record's, or that it lacks. */
  question?: PanelQuestion;
  /** A later edit time (`meta.editedAt`) than the record's, from a copy with its words. */
  editedAt?: string;
  /** The file (as given) whose copy last changed this amendment: the file an update is counted for. */
  by: string;
}

/** An answer's hashtag-panel question, as `meta` holds it. */
interface PanelQuestion {
  question: string;
  questionId: string;
}

/** The panel question a record's `meta` holds, or null. */
function panelQuestionOf(record: FeedbackRecord): PanelQuestion | null {
  const { question, questionId } = record.meta;
  return typeof question === 'string' && typeof questionId === 'string' ? { question, questionId } : null;
}

/** The files records came from, each with the tag its records carry in the store's id set (1 up to MAX_TAG; 0 once every tag is taken). */
class FileTags {
  private readonly tags = new Map<string, number>();
  private readonly files: string[] = [''];
  /** Tags up to this one were given to the files of stored records when the store was opened. */
  private storedTags = 0;

  /** Marks every tag given so far as a stored record's file's. */
  closeStored(): void {
    this.storedTags = this.files.length - 1;
  }

  /**
   * True for a tag first given in this run: every record carrying it was added from its file in
   * this run, so its sighting there is known. A stored record's own file may have lost its line in
   * sources.jsonl to an interrupted write, and the run puts it back.
   */
  isThisRun(tag: number): boolean {
    return tag > this.storedTags;
  }

  tagOf(file: string): number {
    let tag = this.tags.get(file);
    if (tag === undefined) {
      tag = this.files.length <= MAX_TAG ? this.files.length : 0;
      if (tag !== 0) {
        this.tags.set(file, tag);
        this.files.push(file);
      }
    }
    return tag;
  }

  /** The file with this tag, if it was given one. */
  fileOf(tag: number | undefined): string | undefined {
    return tag === undefined || tag === 0 ? undefined : this.files[tag];
  }

  /** The tag the file was given, if any, without giving one. */
  knownTagOf(file: string): number | undefined {
    return this.tags.get(file);
  }
}

/** An append-only file of the store, with the size it had after the last whole write. */
interface AppendFile {
  path: string;
  handle: FileHandle;
  size: number;
  pending: string[];
}

/**
 * A store opened for writing: holds the lock, knows every stored id (ids only, not records, each
 * tagged with its record's file) and every (record, file) sighting, and appends whole lines. A
 * crash can leave at most a torn last line, which the next open repairs (the torn bytes go to
 * rejected.jsonl as `STORE_TORN_LINE`). A failed write (a full disk) is cut back to the last whole
 * batch, so the store stays valid. Copies of stored records that change them (see
 * {@link RecordStore.addCopy}) are written when it closes, by an atomic rewrite of records.jsonl.
 */
export class RecordStore {
  /** Lines repaired when the store was opened (0 or 1). */
  readonly repairedLines: number;
  private readonly ids: RecordIdSet;
  private readonly messages: MessageIndex;
  private readonly rejectionKeys: Set<string>;
  private readonly sightings: Map<string, RecordIdSet>;
  private readonly fileTags: FileTags;
  /** The panel question id of each stored record that has one (answers only, so few). */
  private readonly questionIds: Map<string, string>;
  /** When each stored record whose export says so was last edited (`meta.editedAt`; edited posts only, so few). */
  private readonly editTimes: Map<string, string>;
  private readonly amendments = new Map<string, Amendment>();
  private readonly batch = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  private batchBytes = 0;
  private sourceBatch = Buffer.allocUnsafe(SOURCE_BATCH_BYTES);
  private sourceBytes = 0;
  /** The end of a sources.jsonl line after its id (`,"file":…,"format":…}` and a newline), for the last file and format. */
  private sourceTail = '';
  private sourceTailFile: string | null = null;
  private sourceTailFormat: string | null = null;
  private pendingChars = 0;
  private writeFailed = false;
  private closed = false;
  private updated = 0;
  private readonly updatedInFiles = new Map<string, number>();

  private constructor(
    readonly paths: StorePaths,
    private readonly lock: StoreLock,
    private readonly files: { records: AppendFile; rejected: AppendFile; sources: AppendFile },
    state: {
      ids: RecordIdSet;
      messages: MessageIndex;
      rejectionKeys: Set<string>;
      sightings: Map<string, RecordIdSet>;
      fileTags: FileTags;
      questionIds: Map<string, string>;
      editTimes: Map<string, string>;
      repairedLines: number;
    },
  ) {
    this.fileTags = state.fileTags;
    this.questionIds = state.questionIds;
    this.editTimes = state.editTimes;
    this.ids = state.ids;
    this.messages = state.messages;
    this.rejectionKeys = state.rejectionKeys;
    this.sightings = state.sightings;
    this.repairedLines = state.repairedLines;
  }

  /**
   * Opens (creating if needed) the store in `dir` for writing. Throws StoreError when it is locked,
   * unreadable, damaged (a line that is not a record, or whose id does not match its channel and
   * source id: the line is named) or written by a newer tlap. A store from before manifests and
   * sources.jsonl gets both. `inputFiles` are the files this run will read (as given): only their
   * sightings are loaded, so memory grows with what is read again, not with the store.
   */
  static async open(dir: string, inputFiles: readonly string[] = []): Promise<RecordStore> {
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
    const opened: FileHandle[] = [];
    try {
      const manifest = await readStoreManifest(paths.manifest, dir);
      const sealed = await recordsSealed(paths);
      await unsealRecords(paths);
      const torn = await guardWrite(dir, () => repairTornTail(paths.records));
      await guardWrite(dir, () => repairTornTail(paths.rejected));
      await guardWrite(dir, () => repairTornTail(paths.sources));
      const hasSources = await exists(paths.sources);
      const ids = new RecordIdSet();
      const messages = new MessageIndex();
      const fileTags = new FileTags();
      const questionIds = new Map<string, string>();
      const editTimes = new Map<string, string>();
      for await (const { text, line } of readFileLines(paths.records)) {
        const record = parseRecordLine(text, paths.records, line, !sealed);
        ids.add(record.id, textFingerprint(record.text), fileTags.tagOf(record.provenance.file));
        messages.add(record);
        const question = panelQuestionOf(record);
        if (question !== null) questionIds.set(record.id, question.questionId);
        const editedAt = editedAtOf(record);
        if (editedAt !== undefined) editTimes.set(record.id, editedAt);
      }
      fileTags.closeStored();
      if (!hasSources) {
        await guardWrite(dir, () =>
          writeFileAtomically(
            paths.sources,
            (async function* () {
              for await (const { text, line } of readFileLines(paths.records)) {
                const record = parseRecordLine(text, paths.records, line);
                yield `${JSON.stringify({ id: record.id, file: record.provenance.file, format: record.format } satisfies SourceEntry)}\n`;
              }
            })(),
          ),
        );
      }
      const sightings = new Map<string, RecordIdSet>(inputFiles.map((file) => [file, new RecordIdSet()]));
      for await (const { text, line } of readFileLines(paths.sources)) {
        const entry = parseSourceLine(text, paths.sources, line);
        sightings.get(entry.file)?.add(entry.id);
      }
      const rejectionKeys = new Set<string>();
      for await (const { text } of readFileLines(paths.rejected)) rejectionKeys.add(rejectionKeyOfLine(text));
      if (manifest === null) await guardWrite(dir, () => writeStoreManifest(paths.manifest));
      const appendFile = async (path: string): Promise<AppendFile> => {
        const handle = await guardWrite(dir, () => open(path, 'a'));
        opened.push(handle);
        return { path, handle, size: (await handle.stat()).size, pending: [] };
      };
      const files = {
        records: await appendFile(paths.records),
        rejected: await appendFile(paths.rejected),
        sources: await appendFile(paths.sources),
      };
      const store = new RecordStore(paths, lock, files, {
        ids,
        messages,
        rejectionKeys,
        sightings,
        fileTags,
        questionIds,
        editTimes,
        repairedLines: torn === null ? 0 : 1,
      });
      if (torn !== null) {
        store.reject({
          code: 'STORE_TORN_LINE',
          message: 'unterminated last line left by an interrupted write; removed from records.jsonl',
          provenance: { file: paths.records },
          excerpt: torn.slice(0, 200),
        });
        await store.flush();
      }
      return store;
    } catch (error) {
      for (const handle of opened) await handle.close().catch(() => undefined);
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

  /** The {@link textFingerprint} of the stored (or queued) record with this id, or undefined when there is none. */
  textFingerprintOf(id: string): number | undefined {
    return this.ids.markOf(id);
  }

  /** When the stored (or queued) record with this id was last edited, as its export says (`meta.editedAt`), or undefined when none says. */
  editedAtOf(id: string): string | undefined {
    return this.editTimes.get(id);
  }

  /**
   * The id of the stored (or queued) record that `record` is another copy of under another id (one
   * e-mail saved as text and as `.eml`; see {@link MessageIndex}), or undefined when there is none.
   */
  sameMessageAs(record: FeedbackRecord): string | undefined {
    return this.messages.sameAs(record);
  }

  /**
   * Queues a record for appending, with its file as a source; call {@link flush} (or {@link close})
   * to write. Lines are encoded straight into reused buffers (one for records.jsonl, one for
   * sources.jsonl), written when full, so a batch is never joined into a string.
   */
  async add(record: FeedbackRecord): Promise<void> {
    const file = record.provenance.file;
    const tag = this.fileTags.tagOf(file);
    const heldTag = this.ids.addAndTagOf(record.id, textFingerprint(record.text), tag);
    this.messages.add(record);
    const question = panelQuestionOf(record);
    if (question !== null) this.questionIds.set(record.id, question.questionId);
    const editedAt = editedAtOf(record);
    if (editedAt !== undefined) this.editTimes.set(record.id, editedAt);
    if (tag === 0 || heldTag !== tag || !this.fileTags.isThisRun(tag)) this.noteSource(record.id, file, record.format);
    else this.queueSource(record.id, file, record.format);
    const json = serialiseRecord(record);
    const room = json.length * 3 + 1;
    if (this.batchBytes + room > WRITE_BATCH_BYTES || this.pendingChars + this.sourceBytes >= WRITE_BATCH_BYTES) {
      await this.flush();
      if (room > WRITE_BATCH_BYTES) {
        this.queue(this.files.records, `${json}\n`);
        await this.flush();
        return;
      }
    }
    this.batchBytes += this.batch.write(json, this.batchBytes, 'utf8');
    this.batch[this.batchBytes] = NEWLINE;
    this.batchBytes += 1;
  }

  /**
   * Remembers that `file` held the stored record `id` (once per record and file). A record added
   * in this run from a file carries the file's tag in the id set, so its own file's sightings need no set.
   */
  noteSource(id: string, file: string, format: string): void {
    const tag = this.fileTags.knownTagOf(file);
    if (tag !== undefined && this.fileTags.isThisRun(tag) && this.ids.tagOf(id) === tag) return;
    let seen = this.sightings.get(file);
    if (seen === undefined) {
      seen = new RecordIdSet();
      this.sightings.set(file, seen);
    }
    if (seen.has(id)) return;
    seen.add(id);
    this.queueSource(id, file, format);
  }

  /**
   * Appends the sources.jsonl line of a sighting to its batch: the line `JSON.stringify` writes for
   * `{ id, file, format }`, with the part after the id kept for the file and format of the last one.
   */
  private queueSource(id: string, file: string, format: string): void {
    if (file !== this.sourceTailFile || format !== this.sourceTailFormat) {
      this.sourceTailFile = file;
      this.sourceTailFormat = format;
      this.sourceTail = `${JSON.stringify({ id: '', file, format } satisfies SourceEntry).slice('{"id":""'.length)}\n`;
    }
    const line = `{"id":${JSON.stringify(id)}${this.sourceTail}`;
    const room = line.length * 3;
    if (this.sourceBytes + room > this.sourceBatch.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.sourceBatch.length * 2, this.sourceBytes + room));
      this.sourceBatch.copy(grown, 0, 0, this.sourceBytes);
      this.sourceBatch = grown;
    }
    this.sourceBytes += this.sourceBatch.write(line, this.sourceBytes, 'utf8');
  }

  /**
   * Takes note of another copy of a stored record (same id, same text), read from
   * `copy.provenance.file`: the file's sighting, and what the copy changes in the stored record
   * when the run ends (see {@link close}): a copy from a file before the stored copy's in name
   * order becomes the record, and a panel question whose id sorts before the record's (or that
   * the record lacks) becomes its question, and an edit time (`meta.editedAt`) later than the
   * record's, or that it lacks, becomes its edit time. So a record held by several files is the
   * same whatever order they were ingested in.
   */
  addCopy(copy: FeedbackRecord): void {
    this.mergeCopy(copy, true);
  }

  /**
   * Takes note of an earlier version of a stored platform's post: a copy with other words than the
   * record's that the edit times show to be older (see {@link isEarlierEdit}). The record keeps its
   * words; the copy's file gains its sighting and the copy's panel question is taken as in
   * {@link addCopy}.
   */
  addEarlierCopy(copy: FeedbackRecord): void {
    this.mergeCopy(copy, false);
  }

  private mergeCopy(copy: FeedbackRecord, sameWords: boolean): void {
    this.noteSource(copy.id, copy.provenance.file, copy.format);
    const held = this.amendments.get(copy.id);
    const by = copy.provenance.file;
    let amendment = held;
    if (sameWords) {
      const editedAt = editedAtOf(copy);
      const later = isLaterEdit(editedAt, this.editTimes.get(copy.id));
      if (later) this.editTimes.set(copy.id, editedAt);
      const leadFile = held?.lead?.provenance.file ?? this.fileTags.fileOf(this.ids.tagOf(copy.id));
      if (leadFile !== undefined && copy.provenance.file < leadFile) amendment = { ...amendment, lead: copy, by };
      const latest = this.editTimes.get(copy.id);
      if (latest !== undefined && (later || amendment !== held)) amendment = { ...amendment, editedAt: latest, by };
    }
    const question = panelQuestionOf(copy);
    if (question !== null) {
      const heldQuestion = this.questionIds.get(copy.id);
      if (heldQuestion === undefined || question.questionId < heldQuestion) {
        this.questionIds.set(copy.id, question.questionId);
        amendment = { ...amendment, question, by };
      }
    }
    if (amendment !== undefined && amendment !== held) this.amendments.set(copy.id, amendment);
  }

  /**
   * Takes note of a platform's post read again with other words than the stored (or queued) record
   * with its id: the post was edited since, or an earlier version of tlap read it differently. The
   * words read last win (unless the edit times say otherwise: see {@link addEarlierCopy}): when the
   * run ends (see {@link close}) the stored record becomes `post`, in
   * its place in records.jsonl, and copies of `post` read after it are compared with its words
   * (the copy from the file first in name order among those with these words becomes the record,
   * as in {@link addCopy}). The file's sighting is noted; the file that held the old words keeps
   * its sighting, since it held the post.
   */
  replace(post: FeedbackRecord): void {
    if (!this.ids.setMark(post.id, textFingerprint(post.text))) {
      throw new Error(`cannot replace record ${post.id}: the store does not hold it`);
    }
    this.noteSource(post.id, post.provenance.file, post.format);
    const editedAt = editedAtOf(post);
    if (editedAt === undefined) this.editTimes.delete(post.id);
    else this.editTimes.set(post.id, editedAt);
    const held = this.amendments.get(post.id);
    const amendment: Amendment = { lead: post, by: post.provenance.file };
    if (held?.question !== undefined) amendment.question = held.question;
    this.amendments.set(post.id, amendment);
  }

  /** Queues a rejected item for rejected.jsonl, unless the same rejection is there already. Returns false for a repeat. */
  reject(entry: RejectedEntry): boolean {
    const line = JSON.stringify(entry);
    const key = rejectionKeyOfLine(line);
    if (this.rejectionKeys.has(key)) return false;
    this.rejectionKeys.add(key);
    this.queue(this.files.rejected, `${line}\n`);
    return true;
  }

  /**
   * Writes queued lines, each batch as whole lines. When a write fails (a full disk, a lost
   * device), every file is cut back to its last whole batch and a StoreError names the store.
   */
  async flush(): Promise<void> {
    if (this.writeFailed) return;
    this.pendingChars = 0;
    if (this.batchBytes > 0) {
      const bytes = this.batchBytes;
      this.batchBytes = 0;
      await this.append(this.files.records, this.batch.subarray(0, bytes));
    }
    await this.appendPending(this.files.records);
    if (this.sourceBytes > 0) {
      const bytes = this.sourceBytes;
      this.sourceBytes = 0;
      await this.append(this.files.sources, this.sourceBatch.subarray(0, bytes));
    }
    await this.appendPending(this.files.rejected);
  }

  private async appendPending(file: AppendFile): Promise<void> {
    if (file.pending.length === 0) return;
    const chunk = Buffer.from(file.pending.join(''), 'utf8');
    file.pending = [];
    await this.append(file, chunk);
  }

  /** Appends whole lines; on failure cuts the file back to its last whole write and names the store. */
  private async append(file: AppendFile, bytes: Buffer): Promise<void> {
    try {
      await file.handle.appendFile(bytes);
      file.size += bytes.length;
    } catch (error) {
      this.writeFailed = true;
      await file.handle.truncate(file.size).catch(() => undefined);
      throw cannotWriteStore(this.paths.dir, error);
    }
  }

  /**
   * Removes the records that only the given files held (as given at ingest), their sightings, and
   * the rejections read from those files. Each store file is rewritten whole to a temporary file
   * and renamed over the old one. The store is closed afterwards.
   */
  async forget(files: ReadonlySet<string>): Promise<ForgetResult> {
    await this.flush();
    await this.closeFiles();
    const touched = new Set<string>();
    /** Each record another file also held, with the first such file in name order. */
    const keep = new Map<string, string>();
    for await (const { text, line } of readFileLines(this.paths.sources)) {
      const entry = parseSourceLine(text, this.paths.sources, line);
      if (files.has(entry.file)) touched.add(entry.id);
    }
    for await (const { text, line } of readFileLines(this.paths.sources)) {
      const entry = parseSourceLine(text, this.paths.sources, line);
      const held = keep.get(entry.id);
      if (!files.has(entry.file) && touched.has(entry.id) && (held === undefined || entry.file < held)) keep.set(entry.id, entry.file);
    }
    const result: ForgetResult = { removed: 0, kept: keep.size, rejectionsRemoved: 0 };
    const { records, sources, rejected } = this.paths;
    const dir = this.paths.dir;
    await guardWrite(dir, () =>
      writeFileAtomically(
        records,
        (async function* () {
          for await (const { text, line } of readFileLines(records)) {
            const record = parseRecordLine(text, records, line);
            const stillHeldBy = keep.get(record.id);
            if (touched.has(record.id) && stillHeldBy === undefined) result.removed += 1;
            else if (stillHeldBy !== undefined && files.has(record.provenance.file)) {
              yield `${serialiseRecord({ ...record, provenance: { file: stillHeldBy } })}\n`;
            } else yield `${text}\n`;
          }
        })(),
      ),
    );
    await guardWrite(dir, () =>
      writeFileAtomically(
        sources,
        (async function* () {
          for await (const { text, line } of readFileLines(sources)) {
            if (!files.has(parseSourceLine(text, sources, line).file)) yield `${text}\n`;
          }
        })(),
      ),
    );
    await guardWrite(dir, () =>
      writeFileAtomically(
        rejected,
        (async function* () {
          for await (const { text } of readFileLines(rejected)) {
            if (files.has(rejectedFileOfLine(text) ?? '')) result.rejectionsRemoved += 1;
            else yield `${text}\n`;
          }
        })(),
      ),
    );
    return result;
  }

  /**
   * Flushes, syncs to disk, closes the files and releases the lock (also after a failed write).
   * When other copies of stored records change them (see {@link addCopy}), records.jsonl is then
   * rewritten with the changed records to a temporary file and renamed over the old one, so a
   * crash leaves the old file or the new one, and the same ingest run again makes the same change.
   */
  async close(): Promise<void> {
    let written = false;
    try {
      await this.flush();
      if (!this.writeFailed && !this.closed) {
        for (const file of [this.files.records, this.files.sources, this.files.rejected]) {
          await file.handle.sync().catch((error: unknown) => {
            throw cannotWriteStore(this.paths.dir, error);
          });
        }
        if (this.amendments.size > 0) {
          await this.closeFiles();
          await this.amendRecords();
        }
      }
      written = !this.writeFailed;
    } finally {
      await this.closeFiles();
      if (written) await sealRecords(this.paths);
      await this.lock.release();
    }
  }

  /** Stored records that other copies of them changed (see {@link addCopy} and {@link replace}), once the store is closed. */
  get updatedRecords(): number {
    return this.updated;
  }

  /**
   * The stored records each file changed (see {@link updatedRecords}), by file as given, once the
   * store is closed: a changed record counts for the file whose copy last changed what it becomes.
   */
  get updatedByFile(): ReadonlyMap<string, number> {
    return this.updatedInFiles;
  }

  /** Rewrites records.jsonl with {@link amendments} made, each changed record in its place, counting the records it changes. */
  private async amendRecords(): Promise<void> {
    const { records } = this.paths;
    const amendments = this.amendments;
    const counted = { changed: 0 };
    const byFile = this.updatedInFiles;
    await guardWrite(this.paths.dir, () =>
      writeFileAtomically(
        records,
        (async function* () {
          for await (const { text, line } of readFileLines(records)) {
            const amendment = amendments.get(recordIdOfLine(text) ?? parseRecordLine(text, records, line).id);
            if (amendment === undefined) {
              yield `${text}\n`;
              continue;
            }
            const stored = parseRecordLine(text, records, line);
            const lead = amendment.lead ?? stored;
            const question = [panelQuestionOf(stored), panelQuestionOf(lead), amendment.question ?? null].reduce<PanelQuestion | null>(
              (first, next) => (next !== null && (first === null || next.questionId < first.questionId) ? next : first),
              null,
            );
            const editedAt = amendment.editedAt;
            const laterEdit = isLaterEdit(editedAt, editedAtOf(lead)) ? { editedAt } : null;
            const meta =
              question === null && laterEdit === null
                ? lead.meta
                : {
                    ...lead.meta,
                    ...(question === null ? {} : { question: question.question, questionId: question.questionId }),
                    ...laterEdit,
                  };
            const amended = serialiseRecord({ ...lead, meta });
            if (amended !== text) {
              counted.changed += 1;
              byFile.set(amendment.by, (byFile.get(amendment.by) ?? 0) + 1);
            }
            yield `${amended}\n`;
          }
        })(),
      ),
    );
    this.updated += counted.changed;
    amendments.clear();
  }

  private async closeFiles(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const file of [this.files.records, this.files.sources, this.files.rejected]) await file.handle.close().catch(() => undefined);
  }

  private queue(file: AppendFile, line: string): void {
    file.pending.push(line);
    this.pendingChars += line.length;
  }
}

/** What {@link RecordStore.forget} removed. */
export interface ForgetResult {
  /** Records that only the forgotten files held, now removed. */
  removed: number;
  /** Records the forgotten files held that another file held too, kept. */
  kept: number;
  /** Lines of rejected.jsonl about the forgotten files, removed. */
  rejectionsRemoved: number;
}

function cannotWriteStore(dir: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(`${dir}: cannot write to the store (${describeFsError(error)}); it holds what was written before`, {
    hint: 'free some space or fix the folder, then run the same command again',
    cause: error,
    code: 'STORE_WRITE_FAILED',
  });
}

/** Runs a write to the store, turning a file system refusal into one StoreError naming the store. */
async function guardWrite<T>(dir: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    if (error instanceof TlapError && error.cause !== undefined) throw cannotWriteStore(dir, error.cause);
    if (typeof error === 'object' && error !== null && 'code' in error) throw cannotWriteStore(dir, error);
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Parses one sources.jsonl line, with an error naming the line when it is not a sighting. */
export function parseSourceLine(text: string, file: string, line: number): SourceEntry {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const entry = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (typeof entry['id'] !== 'string' || typeof entry['file'] !== 'string' || typeof entry['format'] !== 'string') {
    throw new StoreError(`${file}:${line}: not a source line (id, file, format); the store was damaged or edited by hand`, {
      hint: 'restore the line, or delete the store and ingest again',
      code: 'STORE_DAMAGED',
    });
  }
  return { id: entry['id'], file: entry['file'], format: entry['format'] };
}

/** Streams the lines of a sources.jsonl file, one entry at a time. */
export async function* readSourceEntries(path: string): AsyncIterable<SourceEntry> {
  for await (const { text, line } of readFileLines(path)) yield parseSourceLine(text, path, line);
}

function rejectedFileOfLine(line: string): string | null {
  try {
    const entry = JSON.parse(line) as Partial<RejectedEntry>;
    return typeof entry.provenance?.file === 'string' ? entry.provenance.file : null;
  } catch {
    return null;
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

/** The id of a records.jsonl line as {@link serialiseRecord} writes it (`{"id":"…",` first), or null for a line written otherwise. */
function recordIdOfLine(line: string): string | null {
  const start = '{"id":"'.length;
  const end = line.indexOf('"', start);
  return line.startsWith('{"id":"') && end > start ? line.slice(start, end) : null;
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

/** One line of a store's records.jsonl, with its 1-based line number. */
export interface StoreLine {
  text: string;
  line: number;
}

/**
 * The path of a store's records.jsonl, once the store is known to be there and readable by this
 * tlap: throws StoreError when there is no store, or when a newer tlap wrote it.
 */
export async function storeRecordsFile(dir: string): Promise<string> {
  const { records, manifest } = storePaths(dir);
  await readStoreManifest(manifest, dir);
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
  return records;
}

/**
 * The record lines of a store, in order, as written: a torn last line (an interrupted write that
 * the next ingest repairs) is left out. Throws StoreError when there is no store, or when a newer
 * tlap wrote it.
 */
export async function* readStoreLines(dir: string): AsyncIterable<StoreLine> {
  for await (const batch of readStoreLineBatches(dir)) yield* batch;
}

/** {@link readStoreLines}, the lines of each read at once (the last line held back until the next, to leave out a torn one). */
export async function* readStoreLineBatches(dir: string): AsyncIterable<StoreLine[]> {
  const records = await storeRecordsFile(dir);
  const torn = await lastByteIsNotNewline(records);
  let last: StoreLine | undefined;
  for await (const batch of readFileLineBatches(records)) {
    if (last !== undefined) batch.unshift(last);
    last = batch.pop();
    if (batch.length > 0) yield batch;
  }
  if (last !== undefined && !torn) yield [last];
}

/** Reads the records of a store, in order, without holding them all. Throws StoreError naming a bad line. */
export async function* readStoreRecords(dir: string): AsyncIterable<FeedbackRecord> {
  const { records } = storePaths(dir);
  for await (const batch of readStoreLineBatches(dir)) for (const { text, line } of batch) yield parseRecordLine(text, records, line);
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
