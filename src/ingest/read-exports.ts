import { createWriteStream } from 'node:fs';
import { lstat, mkdtemp, readdir, realpath, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FilterRule, WarningCode } from '../adapters/format-adapter.js';
import { findAdapter } from '../adapters/registry.js';
import { InputError } from '../errors.js';
import { distinctSourceId, makeRecordId, textFingerprint } from '../record/record-id.js';
import { editedAtOf, isEarlierEdit, isLaterEdit } from '../record/edit-time.js';
import { MICROBLOG_CHANNELS, type Channel, type FeedbackRecord, type Provenance } from '../record/record.js';
import type { DateOrder } from '../record/ordered-dates.js';
import { MessageIndex } from '../record/same-message.js';
import { isRejectionCode, type RejectionCode } from '../rejection-code.js';
import { checkEncodingName, STDIN_PATH } from '../source/input-source.js';
import { isStoreFolder } from '../store/record-store.js';
import { emptySummary, type FileSummary, type IngestSummary } from './ingest-summary.js';
import { openInputFile, unknownFormatName, type OpenedFile, type ReadFileOptions } from './read-input-file.js';
import { unpackArchiveEntry, zipFileKind, type ZipFileKind } from './zip-archive.js';
import { listTarEntries, tarFileKind, unpackTarEntry, type TarEntry } from './tar-archive.js';
import { companionsFirst, ConsultationLayout } from './consultation-layout.js';
import { monthFilesBeside, noteFileBeside, noteFilesFirst, TweetArchiveLayout } from './tweet-archive-layout.js';
import type { ZipDirectoryEntry } from '../adapters/readers/zip-directory.js';

/**
 * How many rejections the summary keeps for the terminal (an ingest keeps all of them in
 * rejected.jsonl): the CLI lists them all when there are no more than this, so a lone row-level
 * rejection is never hidden behind the file-level ones.
 */
export const LISTED_REJECTIONS = 30;

/** How to read exports. */
export interface ReadExportsOptions {
  /** The folder relative paths start from (default: the process's working directory). */
  cwd?: string;
  /** Read every file as this format (a name from `tlap formats`) instead of detecting it. */
  format?: string;
  /** Decode text with this encoding instead of detecting it. */
  encoding?: string;
  /** Field → column overrides for tables (fields: text, author, date, id, channel, url, inReplyTo). */
  map?: Readonly<Record<string, string>>;
  /** The channel of every record, instead of each format's own. */
  channel?: Channel;
  /** The one worksheet of a workbook to read. */
  sheet?: string;
  /** Title rows above a table's header, instead of detecting them. */
  skipRows?: number;
  /**
   * How tables' dates written with numbers alone (`02/01/2024`) are read, instead of the order each
   * date column shows (day first when none does).
   */
  dateOrder?: DateOrder;
  /** Read a document holding reviewers' comments for its own text too, not only its comments. */
  documentText?: boolean;
  /** Read a document holding tracked changes but no comments as a draft sent back with suggested edits: its edits, not its own text. */
  reviewedDraft?: boolean;
  /** Stop at the first rejected item. */
  strict?: boolean;
  /** What a path `-` reads. */
  stdin?: Readable;
  /**
   * The folder the reading's temporary folder is made in (standard input and unpacked archive
   * entries are written there, and removed once read), instead of the system's.
   */
  tempDir?: string;
  /**
   * Globs of files and folders not to read (`--exclude`): `*` and `?` within a name, `**` across
   * folders; a glob without `/` matches a name at any depth, one with `/` the path under the folder given.
   */
  exclude?: readonly string[];
  /**
   * The {@link textFingerprint} of the record with this id already kept elsewhere (in a store), or
   * undefined when there is none. A record is a duplicate when a kept record has its id and its
   * text. A platform's post whose id is kept with a different text (see {@link isPlatformPost}) is
   * an `edited` duplicate, whose words replace the kept ones (the keeper must then answer with its
   * fingerprint), unless the edit times say it is an earlier version (see {@link knownEditedAt});
   * any other record whose id is kept with a different text (ids an export numbers
   * itself, such as row numbers, recur across files) is kept as its own record under a
   * {@link distinctSourceId}. Without it, records are compared with the earlier records of this reading.
   */
  knownTextFingerprint?: (id: string) => number | undefined;
  /**
   * When the kept record with this id was last edited, as its export says (`meta.editedAt`), or
   * undefined when it does not say. A platform's post read with other words and an earlier edit
   * time, or none, than a kept record that has one is an `earlierEdit` duplicate (see
   * {@link isEarlierEdit}): its words do not replace the kept ones. Given with
   * {@link knownTextFingerprint}; without it, records are compared with the earlier records of this reading.
   */
  knownEditedAt?: (id: string) => string | undefined;
  /**
   * The id of the record already kept elsewhere (in a store) that `record` is another copy of
   * under another id: one e-mail saved as text (no Message-ID) and as `.eml` (see
   * {@link MessageIndex}). Such a record is a duplicate. Without it, records are compared with the
   * earlier records of this reading.
   */
  knownMessage?: (record: FeedbackRecord) => string | undefined;
}

/** A rejected item or file: why, where, and (for an item) a short excerpt of the raw input. */
export interface RejectedItem {
  code: RejectionCode;
  message: string;
  provenance: Provenance;
  excerpt?: string;
}

/**
 * One thing {@link readExports} found, in input order. Every item read is exactly one `record`,
 * `duplicate`, `filtered` or `rejected` item; `warning`, `skipped` and `file` items account for
 * nothing; the last item is the `summary`.
 */
export type ExportItem =
  | { kind: 'record'; record: FeedbackRecord }
  | {
      kind: 'duplicate';
      record: FeedbackRecord;
      /** The id of the kept record it is a copy of, when that is not its own (an e-mail saved as text and as `.eml`). */
      sameAs?: string;
      /**
       * True for a platform's post read with other words than the kept record with its id (edited
       * since, or read differently by an earlier tlap): these words, read last, replace the kept ones.
       */
      edited?: true;
      /**
       * True for a platform's post read with other words than the kept record with its id that the
       * edit times (`meta.editedAt`) show to be an earlier version: the kept words stay.
       */
      earlierEdit?: true;
    }
  | { kind: 'filtered'; rule: FilterRule; provenance: Provenance; sourceId?: string; detail?: string }
  | ({ kind: 'rejected' } & RejectedItem)
  | { kind: 'warning'; message: string; code?: WarningCode; provenance: Provenance }
  | { kind: 'skipped'; file: string }
  | { kind: 'file'; file: FileSummary }
  | { kind: 'summary'; summary: IngestSummary };

interface InputFile {
  diskPath: string;
  displayPath: string;
  fromFolder: boolean;
  /** Set for a path that is not a regular file (a named pipe, a device, a socket): refused by name, never opened. */
  refusal?: InputError;
  /**
   * Set for a file inside a zip or tar archive (`diskPath` is the archive's, or `nestedIn` says
   * which archive inside it holds the file): unpacked to a temporary file just before it is read.
   */
  member?: ArchiveMember;
  /**
   * Set for a file inside an archive that is itself inside the archive at `diskPath`: the archives
   * that hold it, outermost first, each a member of the one before (the first a member of
   * `diskPath`); `member` is a member of the last.
   */
  nestedIn?: readonly NestedArchive[];
  /** Set for a file listed as skipped without being opened (a photo or video inside an archive). */
  skip?: true;
}

/** A file inside a zip or tar archive, and what unpacking it from that archive takes. */
type ArchiveMember = { kind: 'zip'; entry: ZipDirectoryEntry } | { kind: 'tar'; entry: TarEntry; gzip: boolean };

/** The bytes a member unpacks to. */
function memberSize(member: ArchiveMember): number {
  return member.kind === 'zip' ? member.entry.uncompressedSize : member.entry.size;
}

/** An archive (a zip, or a tar) found inside an archive and read as the folder it holds. */
interface NestedArchive {
  /** Its place in the archive that holds it. */
  member: ArchiveMember;
  /** `ARCHIVE/PATH/IN/IT.zip`, naming it in refusals. */
  displayPath: string;
}

/**
 * How deep archives inside archives are opened: an archive given (or found in a folder) is the
 * first level, a zip or tar inside it the second, one inside that the third. An archive deeper
 * still is refused by name, never unpacked, so no archive can make a reading recurse without end
 * (a zip that holds itself, a tar that holds a zip that holds the tar).
 */
export const MAX_ARCHIVE_DEPTH = 3;

/**
 * Reads export files and folders (recursively; `-` is standard input) into records, accounting
 * for every item (a consultation's question, respondents and multiple choice files are read before
 * the other files, so that the responses they belong to find them: see consultation-layout.ts): one bad file or item is a rejection with its reason, never the end of the
 * reading (unless `strict`). A file in a folder that no format reads is `skipped`. Throws before
 * yielding anything when the reading cannot start: no paths, a path that does not exist, an
 * unknown format or encoding name.
 */
export function readExports(paths: readonly string[], options: ReadExportsOptions = {}): ExportReading {
  return new ExportReading(paths, options);
}

/** A reading of exports: iterate it for the {@link ExportItem}s; {@link ExportReading.summary} is the live account. */
export class ExportReading implements AsyncIterable<ExportItem> {
  /** The account so far; complete once the `summary` item is yielded. */
  readonly summary: IngestSummary = emptySummary();
  private opening: Promise<InputFile[]> | null = null;
  private spoolDir: string | null = null;
  private unpacked: string | null = null;
  /** The zips inside archives unpacked for the entries being read, outermost first, each where it was unpacked to. */
  private nested: { archive: NestedArchive; path: string }[] = [];
  private inputs: InputFile[] = [];
  private sizes: number[] = [];
  private bytesOfFinishedFiles = 0;
  private current: OpenedFile | null = null;

  constructor(
    private readonly paths: readonly string[],
    private readonly options: ReadExportsOptions,
  ) {}

  /**
   * Checks the options and finds the input files (reading standard input to a temporary file),
   * throwing when the reading cannot start. Iterating does this first; call it to fail early.
   */
  open(): Promise<void> {
    this.opening ??= this.findInputs();
    return this.opening.then(() => undefined);
  }

  /** The input files as given (or found in a folder), once {@link open} has resolved. */
  get files(): readonly string[] {
    return this.inputs.map((input) => input.displayPath);
  }

  /** About how many bytes of the inputs have been read, and their total size. */
  get bytes(): { read: number; total: number } {
    const total = this.sizes.reduce((sum, size) => sum + size, 0);
    return { read: this.bytesOfFinishedFiles + (this.current?.bytesRead() ?? 0), total };
  }

  private async findInputs(): Promise<InputFile[]> {
    const { options } = this;
    if (this.paths.length === 0) throw new InputError('no input given', { hint: 'name export files or folders', code: 'NO_INPUT' });
    if (options.format !== undefined && findAdapter(options.format) === undefined) throw unknownFormatName(options.format);
    if (options.encoding !== undefined) checkEncodingName(options.encoding);
    const cwd = options.cwd ?? process.cwd();
    const finder = new InputFinder(cwd, (options.exclude ?? []).map(globPattern), this.summary, () => this.spoolFolder());
    const inputs: InputFile[] = [];
    /** The note files beside tweets files named on their own: read with them, so that their long tweets are whole. */
    const notesBeside: string[] = [];
    for (const path of this.paths) {
      if (path === STDIN_PATH) {
        if (options.stdin === undefined) throw new InputError('- (stdin) is not available here', { code: 'NO_STDIN' });
        const spoolDir = await this.spoolFolder();
        const diskPath = join(spoolDir, `stdin-${inputs.length}`);
        await pipeline(options.stdin, createWriteStream(diskPath));
        inputs.push({ diskPath, displayPath: STDIN_PATH, fromFolder: false });
        continue;
      }
      const found = await finder.inputFilesAt(path);
      for (const input of found) inputs.push(input);
      const named = found.length === 1 ? found[0] : undefined;
      if (named !== undefined && !named.fromFolder && named.member === undefined) {
        const notes = await noteFileBeside(named.diskPath);
        if (notes !== null) notesBeside.push(notes);
      }
    }
    for (const notes of notesBeside) for (const input of await finder.companionInputs(notes)) inputs.push(input);
    this.inputs = noteFilesFirst(
      companionsFirst(inputs, (input) => input.displayPath),
      (input) => input.displayPath,
    );
    this.sizes = await Promise.all(
      this.inputs.map((input) =>
        input.member !== undefined
          ? memberSize(input.member)
          : input.skip === true
            ? 0
            : stat(input.diskPath).then(
                (info) => (info.isFile() ? info.size : 0),
                () => 0,
              ),
      ),
    );
    return this.inputs;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ExportItem> {
    const { options, summary } = this;
    const seen = options.knownTextFingerprint === undefined ? new Map<string, number>() : null;
    const knownTextFingerprint = options.knownTextFingerprint ?? ((id: string): number | undefined => seen?.get(id));
    const seenEdits = options.knownTextFingerprint === undefined ? new Map<string, string>() : null;
    const knownEditedAt =
      options.knownTextFingerprint === undefined
        ? (id: string): string | undefined => seenEdits?.get(id)
        : (options.knownEditedAt ?? ((): undefined => undefined));
    const seenMessages = options.knownMessage === undefined ? new MessageIndex() : null;
    const knownMessage = options.knownMessage ?? ((record: FeedbackRecord): string | undefined => seenMessages?.sameAs(record));
    /** The id a kept record with the same text has among the ids earlier versions of tlap gave this one. */
    const formerCopy = (formerIds: readonly string[] | undefined, text: string): string | undefined =>
      formerIds?.find((former) => {
        const known = knownTextFingerprint(former);
        return known !== undefined && known === textFingerprint(text);
      });
    try {
      this.opening ??= this.findInputs();
      const inputs = await this.opening;
      const readOptions: ReadFileOptions = {
        map: options.map ?? {},
        ...(options.format === undefined ? {} : { format: options.format }),
        ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
        ...(options.channel === undefined ? {} : { channel: options.channel }),
        ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
        ...(options.skipRows === undefined ? {} : { skipRows: options.skipRows }),
        ...(options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }),
        ...(options.documentText === true ? { documentText: true } : {}),
        ...(options.reviewedDraft === true ? { reviewedDraft: true } : {}),
        consultation: new ConsultationLayout(),
        archiveNotes: new TweetArchiveLayout(),
      };
      const inputPaths = inputs.map((input) => input.displayPath);
      let bytesBefore = 0;
      let inputIndex = 0;
      for (const input of inputs) {
        if (summary.stoppedEarly) break;
        await this.removeUnpacked(input.nestedIn ?? []);
        let opened: OpenedFile | null = null;
        let failure: InputError | null = input.refusal ?? null;
        this.bytesOfFinishedFiles = bytesBefore;
        bytesBefore += this.sizes[inputIndex] ?? 0;
        inputIndex += 1;
        this.current = null;
        if (input.skip === true) {
          summary.skipped.push(input.displayPath);
          yield { kind: 'skipped', file: input.displayPath };
          continue;
        }
        if (failure === null) {
          try {
            const diskPath =
              input.member !== undefined
                ? await this.unpack(input.diskPath, input.nestedIn ?? [], input.member, input.displayPath)
                : input.diskPath;
            opened = await openInputFile(diskPath, { ...readOptions, displayPath: input.displayPath });
            this.current = opened;
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            failure = error;
          }
        }
        if (input.fromFolder && failure?.code === 'UNKNOWN_FORMAT') {
          summary.skipped.push(input.displayPath);
          yield { kind: 'skipped', file: input.displayPath };
          continue;
        }
        if (input.fromFolder && opened?.format === 'twitter-archive-csv' && monthFilesBeside(input.displayPath, inputPaths)) {
          const warning = archiveCsvWarning(input.displayPath);
          summary.warnings.push({ message: `${warning.provenance.file}: ${warning.message}` });
          yield warning;
          continue;
        }
        const file: FileSummary = {
          file: input.displayPath,
          format: opened?.format ?? null,
          read: 0,
          added: 0,
          duplicates: 0,
          filtered: 0,
          rejected: 0,
          updated: 0,
        };
        summary.files += 1;
        summary.perFile.push(file);
        const reject = (rejected: RejectedItem, hint?: string): ExportItem => {
          file.read += 1;
          file.rejected += 1;
          summary.read += 1;
          summary.rejected += 1;
          summary.rejectedByCode[rejected.code] = (summary.rejectedByCode[rejected.code] ?? 0) + 1;
          if (summary.rejections.length < LISTED_REJECTIONS) {
            summary.rejections.push({
              code: rejected.code,
              message: rejected.message,
              provenance: rejected.provenance,
              ...(hint === undefined ? {} : { hint }),
            });
          }
          if (options.strict === true) summary.stoppedEarly = true;
          return { kind: 'rejected', ...rejected };
        };
        if (opened === null) {
          if (failure !== null) yield reject(fileRejection(failure, input.displayPath), failure.hint);
          yield { kind: 'file', file };
          continue;
        }
        const reKeyed: { count: number; first?: Provenance } = { count: 0 };
        try {
          for await (const item of opened.items) {
            if (item.kind === 'warning') {
              const message = `${formatProvenance(item.provenance)}: ${item.message}`;
              summary.warnings.push(item.code === undefined ? { message } : { message, code: item.code });
              yield item;
              continue;
            }
            if (item.kind === 'rejected') {
              const { kind: _kind, ...rejected } = item;
              yield reject(rejected);
              if (summary.stoppedEarly) break;
              continue;
            }
            file.read += 1;
            summary.read += 1;
            if (item.kind === 'filtered') {
              file.filtered += 1;
              summary.filtered += 1;
              summary.filteredByRule[item.rule] = (summary.filteredByRule[item.rule] ?? 0) + 1;
              yield item;
              continue;
            }
            let { record } = item;
            let known = knownTextFingerprint(record.id);
            if (known !== undefined) {
              const fingerprint = textFingerprint(record.text);
              if (known !== fingerprint && isPlatformPost(record, item.platformId)) {
                file.duplicates += 1;
                summary.duplicates += 1;
                const editedAt = editedAtOf(record);
                if (isEarlierEdit(editedAt, knownEditedAt(record.id))) {
                  yield { kind: 'duplicate', record, earlierEdit: true };
                  continue;
                }
                seen?.set(record.id, fingerprint);
                if (editedAt !== undefined) seenEdits?.set(record.id, editedAt);
                yield { kind: 'duplicate', record, edited: true };
                continue;
              }
              if (known !== fingerprint) {
                const sourceId = distinctSourceId(record.sourceId, fingerprint);
                record = { ...record, sourceId, id: makeRecordId(record.channel, sourceId) };
                known = knownTextFingerprint(record.id);
              }
            }
            const sameAs = known === undefined ? (formerCopy(item.formerIds, record.text) ?? knownMessage(record)) : undefined;
            if (known !== undefined || sameAs !== undefined) {
              if (seenEdits !== null && sameAs === undefined) laterEditTime(seenEdits, record);
              file.duplicates += 1;
              summary.duplicates += 1;
              yield sameAs === undefined ? { kind: 'duplicate', record } : { kind: 'duplicate', record, sameAs };
              continue;
            }
            seen?.set(record.id, textFingerprint(record.text));
            if (seenEdits !== null) laterEditTime(seenEdits, record);
            seenMessages?.add(record);
            if (record !== item.record) {
              reKeyed.count += 1;
              reKeyed.first ??= record.provenance;
            }
            file.added += 1;
            summary.added += 1;
            yield record === item.record ? item : { kind: 'record', record };
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          if (input.fromFolder && error.code === 'NOT_FEEDBACK' && file.read === 0) {
            summary.files -= 1;
            summary.perFile.pop();
            summary.notFeedback.push(input.displayPath);
            continue;
          }
          yield reject(fileRejection(error, input.displayPath), error.hint);
        }
        if (reKeyed.first !== undefined) {
          const warning = reKeyedWarning(reKeyed.count, reKeyed.first);
          summary.warnings.push({ message: `${formatProvenance(warning.provenance)}: ${warning.message}` });
          yield warning;
        }
        yield { kind: 'file', file };
      }
    } finally {
      if (this.spoolDir !== null) await rm(this.spoolDir, { recursive: true, force: true });
    }
    yield { kind: 'summary', summary };
  }

  /** The temporary folder standard input and unpacked archive entries are written to, made when first needed. */
  private async spoolFolder(): Promise<string> {
    this.spoolDir ??= await mkdtemp(join(this.options.tempDir ?? tmpdir(), 'tlap-input-'));
    return this.spoolDir;
  }

  /**
   * Unpacks an archive's member to a temporary file, to be read like any other file; it is removed
   * once read. A member of an archive inside the archive (`nestedIn`) is unpacked from that
   * archive, itself unpacked to a temporary file that is kept while its members are read, one
   * after another.
   */
  private async unpack(
    archivePath: string,
    nestedIn: readonly NestedArchive[],
    member: ArchiveMember,
    displayPath: string,
  ): Promise<string> {
    const spool = await this.spoolFolder();
    for (const archive of nestedIn.slice(this.nested.length)) {
      const holder = this.nested.at(-1)?.path ?? archivePath;
      const path = join(spool, `nested-archive-${this.nested.length}`);
      try {
        await unpackMember(holder, archive.member, path, archive.displayPath);
      } catch (error) {
        await rm(path, { force: true });
        if (!(error instanceof InputError)) throw error;
        throw new InputError(`cannot unpack ${archive.displayPath}, the archive it is in: ${error.reason}`, {
          location: { file: displayPath },
          ...(error.hint === undefined ? {} : { hint: error.hint }),
          cause: error,
        });
      }
      this.nested.push({ archive, path });
    }
    const target = join(spool, 'unpacked-entry');
    this.unpacked = target;
    await unpackMember(this.nested.at(-1)?.path ?? archivePath, member, target, displayPath);
    return target;
  }

  /** Removes the entry read last, and the archives unpacked for it that do not also hold the next input (`nestedIn`). */
  private async removeUnpacked(nestedIn: readonly NestedArchive[]): Promise<void> {
    if (this.unpacked !== null) {
      await rm(this.unpacked, { force: true });
      this.unpacked = null;
    }
    let shared = 0;
    while (shared < this.nested.length && this.nested[shared]?.archive === nestedIn[shared]) shared += 1;
    for (const { path } of this.nested.splice(shared)) await rm(path, { force: true });
  }
}

/** Unpacks a member of the zip or tar archive at `holder` to `target`; refused by an InputError naming it as `displayPath`. */
async function unpackMember(holder: string, member: ArchiveMember, target: string, displayPath: string): Promise<void> {
  if (member.kind === 'zip') await unpackArchiveEntry(holder, member.entry, target, displayPath);
  else await unpackTarEntry(holder, member.gzip, member.entry, target, displayPath);
}

/** A file that could not be read, as a rejection of the whole file. */
function fileRejection(error: InputError, displayPath: string): RejectedItem {
  const line = error.location?.line;
  const part = error.location?.part;
  return {
    code: isRejectionCode(error.code) ? error.code : 'FILE_UNREADABLE',
    message: part === undefined ? error.reason : `${part}: ${error.reason}`,
    provenance: line === undefined ? { file: displayPath } : { file: displayPath, line },
  };
}

/**
 * Files beside exports that describe them rather than hold feedback: README, LICENSE, CHANGELOG,
 * SOURCES and the like, with any extension. In a folder they are listed as not feedback, not read.
 */
const NOT_FEEDBACK_NAMES =
  /^(readme|licen[cs]e|copying|changelog|changes|history|sources|authors|contributing|notice|code_of_conduct)([._-][^/]*)?$/i;

/** True for a file name that {@link NOT_FEEDBACK_NAMES} lists. */
export function isNotFeedbackName(name: string): boolean {
  return NOT_FEEDBACK_NAMES.test(name);
}

/** What kind of thing a non-file, non-folder path is, for its refusal. */
function specialFileKind(info: Stats): string | null {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (!info.isFile() && !info.isDirectory()) return 'not a regular file';
  return null;
}

/**
 * Finds the files to read under the paths given: folders recursively in name order (skipping
 * hidden entries and node_modules), symbolic links followed, each real file read once (a second
 * path to it is a warning), link loops detected, `--exclude` globs honoured, README-like files in
 * folders and tlap stores inside them listed as not feedback, and named pipes, devices and sockets refused by name without
 * being opened (opening a pipe would wait for a writer for ever).
 */
class InputFinder {
  private readonly seenFiles = new Map<string, string>();

  constructor(
    private readonly cwd: string,
    private readonly exclude: readonly RegExp[],
    private readonly summary: IngestSummary,
    private readonly spoolFolder: () => Promise<string>,
  ) {}

  async inputFilesAt(path: string): Promise<InputFile[]> {
    const absolute = resolve(this.cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      if (isLoopError(error)) {
        this.warn(`${path}: a loop of symbolic links; not read`);
        return [];
      }
      throw new InputError('no such file or folder', { location: { file: path }, hint: 'check the path', code: 'NO_SUCH_FILE' });
    }
    if (info.isDirectory()) {
      const found: InputFile[] = [];
      await this.listFolder(absolute, absolute, new Set([await realpath(absolute)]), found);
      return found;
    }
    return this.fileInput(absolute, info, false);
  }

  private async fileInput(absolute: string, info: Stats, fromFolder: boolean, pathInFolder?: string): Promise<InputFile[]> {
    const displayPath = displayPathOf(this.cwd, absolute);
    const special = specialFileKind(info);
    if (special !== null) {
      const refusal = new InputError(`${special}, not a file; refused without reading`, {
        location: { file: displayPath },
        code: 'NOT_A_REGULAR_FILE',
      });
      return [{ diskPath: absolute, displayPath, fromFolder, refusal }];
    }
    const real = await realpath(absolute);
    const first = this.seenFiles.get(real);
    if (first !== undefined && fromFolder) {
      this.warn(`${displayPath}: the same file as ${first} (through a symbolic link); read once`);
      return [];
    }
    if (first === undefined) this.seenFiles.set(real, displayPath);
    let zip: ZipFileKind;
    try {
      zip = zipFileKind(absolute, displayPath);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return [{ diskPath: absolute, displayPath, fromFolder, refusal: error }];
    }
    if (zip.kind === 'archive') {
      return this.archiveInputs({ diskPath: absolute, unpackedAt: absolute, nestedIn: [] }, displayPath, zip.entries, pathInFolder);
    }
    if (zip.kind === 'damaged' && extname(absolute).toLowerCase() === '.zip') {
      return [{ diskPath: absolute, displayPath, fromFolder, refusal: damagedArchiveRefusal(displayPath) }];
    }
    if (zip.kind === 'not-zip') {
      try {
        const tar = await tarFileKind(absolute, displayPath);
        if (tar.kind === 'tar') {
          const archive = { diskPath: absolute, unpackedAt: absolute, nestedIn: [] };
          return await this.tarInputs(archive, displayPath, tar.gzip, pathInFolder);
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return [{ diskPath: absolute, displayPath, fromFolder, refusal: error }];
      }
    }
    return [{ diskPath: absolute, displayPath, fromFolder }];
  }

  /**
   * The files inside a zip archive, read as a folder is: in name order, hidden entries, macOS's
   * `__MACOSX` copies and node_modules left out, `--exclude` honoured (on the path through the
   * archive), README-like files listed as not feedback, and photos, videos and fonts listed as
   * skipped without being unpacked. Each is named `ARCHIVE/PATH/IN/IT`. A zip or tar inside
   * (`.zip`, `.tar`, `.tar.gz`, `.tgz`) is read as the folder it holds in turn, its files named
   * `ARCHIVE/PATH/INNER.zip/PATH`, down to {@link MAX_ARCHIVE_DEPTH} levels of archives.
   */
  private async archiveInputs(
    archive: ArchiveBeingListed,
    displayPath: string,
    entries: readonly ZipDirectoryEntry[],
    pathInFolder: string | undefined,
  ): Promise<InputFile[]> {
    const members = entries.filter((entry) => !entry.name.endsWith('/')).map((entry): ArchiveMember => ({ kind: 'zip', entry }));
    return this.memberInputs(archive, displayPath, 'zip', members, pathInFolder);
  }

  /**
   * The files inside a tar archive (`.tar.gz`, `.tgz`, `.tar`: a Mastodon account archive), read as
   * a zip archive's are: in name order, the same files passed over, listed as not feedback or
   * skipped, each named `ARCHIVE/PATH/IN/IT`, a zip or tar inside read as the folder it holds.
   */
  private async tarInputs(
    archive: ArchiveBeingListed,
    displayPath: string,
    gzip: boolean,
    pathInFolder: string | undefined,
  ): Promise<InputFile[]> {
    const members = (await listTarEntries(archive.unpackedAt, gzip, displayPath)).map((entry): ArchiveMember => ({
      kind: 'tar',
      entry,
      gzip,
    }));
    return this.memberInputs(archive, displayPath, 'tar', members, pathInFolder);
  }

  /** The inputs an archive's members give, as {@link archiveInputs} says, whichever kind of archive holds them. */
  private async memberInputs(
    archive: ArchiveBeingListed,
    displayPath: string,
    kind: ArchiveMember['kind'],
    members: readonly ArchiveMember[],
    pathInFolder: string | undefined,
  ): Promise<InputFile[]> {
    const files = members
      .map((member) => ({ member, segments: archivePathSegments(member.entry.name) }))
      .filter(({ segments }) => segments.length > 0)
      .sort((a, b) => compareSegments(a.segments, b.segments));
    if (files.length === 0) this.warn(`${displayPath}: a ${kind} archive with no files in it; nothing read`);
    const found: InputFile[] = [];
    for (const { member, segments } of files) {
      if (segments.some((segment) => segment.startsWith('.') || segment === '__MACOSX' || segment === 'node_modules')) continue;
      const inner = segments.join('/');
      const innerPathInFolder = pathInFolder === undefined ? inner : `${pathInFolder}/${inner}`;
      if (this.isExcluded(innerPathInFolder)) continue;
      const entryPath = `${displayPath}/${inner}`;
      const name = segments[segments.length - 1] ?? '';
      if (isNotFeedbackName(name)) {
        this.summary.notFeedback.push(entryPath);
        continue;
      }
      const { diskPath, nestedIn } = archive;
      const located = { diskPath, displayPath: entryPath, fromFolder: true, ...(nestedIn.length === 0 ? {} : { nestedIn }) };
      if (UNREAD_MEDIA_EXTENSIONS.has(extname(name).toLowerCase())) found.push({ ...located, skip: true });
      else if (isArchiveName(name))
        for (const input of await this.nestedArchiveInputs(archive, member, entryPath, innerPathInFolder)) found.push(input);
      else found.push({ ...located, member });
    }
    return found;
  }

  /**
   * The files inside a zip or tar found in an archive: it is unpacked to a temporary file to read
   * its list of files (removed once listed; it is unpacked again when its files are read) and
   * listed as the archive is. A workbook or document named `.zip`, or a file that is neither a zip
   * nor a tar, is one file to read; a damaged zip, one that cannot be unpacked, or one deeper than
   * {@link MAX_ARCHIVE_DEPTH} is one refusal naming it.
   */
  private async nestedArchiveInputs(
    holder: ArchiveBeingListed,
    member: ArchiveMember,
    displayPath: string,
    pathInFolder: string,
  ): Promise<InputFile[]> {
    const { diskPath, nestedIn } = holder;
    const located = { diskPath, displayPath, fromFolder: true, ...(nestedIn.length === 0 ? {} : { nestedIn }) };
    const depth = nestedIn.length + 2;
    if (depth > MAX_ARCHIVE_DEPTH) {
      const advice = 'unpack it and ingest the folder it gives';
      const reason = `an archive inside ${depth - 1} others, deeper than the ${MAX_ARCHIVE_DEPTH} levels of archives tlap opens; refused without unpacking it`;
      return [{ ...located, refusal: new InputError(`${reason}: ${advice}`, { location: { file: displayPath }, hint: advice }) }];
    }
    const unpackedAt = join(await this.spoolFolder(), `listed-archive-${nestedIn.length}`);
    try {
      await unpackMember(holder.unpackedAt, member, unpackedAt, displayPath);
      const archive = { diskPath, unpackedAt, nestedIn: [...nestedIn, { member, displayPath }] };
      const zip = zipFileKind(unpackedAt, displayPath);
      if (zip.kind === 'damaged') return [{ ...located, refusal: damagedArchiveRefusal(displayPath) }];
      if (zip.kind === 'archive') return await this.archiveInputs(archive, displayPath, zip.entries, pathInFolder);
      if (zip.kind === 'not-zip') {
        const tar = await tarFileKind(unpackedAt, displayPath);
        if (tar.kind === 'tar') return await this.tarInputs(archive, displayPath, tar.gzip, pathInFolder);
      }
      return [{ ...located, member }];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return [{ ...located, refusal: error }];
    } finally {
      await rm(unpackedAt, { force: true });
    }
  }

  private async listFolder(root: string, folder: string, ancestors: Set<string>, found: InputFile[]): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (this.isExcluded(relative(root, path))) continue;
      let info: Stats;
      try {
        info = entry.isSymbolicLink() ? await stat(path) : await lstat(path);
      } catch (error) {
        const displayPath = displayPathOf(this.cwd, path);
        this.warn(
          isLoopError(error) ? `${displayPath}: a loop of symbolic links; not read` : `${displayPath}: a broken symbolic link; not read`,
        );
        continue;
      }
      if (info.isDirectory()) {
        const real = await realpath(path);
        if (ancestors.has(real)) {
          this.warn(`${displayPathOf(this.cwd, path)}: a symbolic link back to a folder being read (a loop); not read again`);
          continue;
        }
        if (await isStoreFolder(path)) {
          this.summary.notFeedback.push(`${displayPathOf(this.cwd, path)}/ (a tlap store)`);
          continue;
        }
        await this.listFolder(root, path, new Set([...ancestors, real]), found);
        continue;
      }
      if (info.isFile() && isNotFeedbackName(entry.name)) {
        this.summary.notFeedback.push(displayPathOf(this.cwd, path));
        continue;
      }
      for (const input of await this.fileInput(path, info, true, relative(root, path).split(sep).join('/'))) found.push(input);
    }
  }

  /**
   * A file read along with one named (an archive's `note-tweet.js` beside its `tweets.js`), as a
   * file found in a folder: nothing when that file is already among the inputs.
   */
  async companionInputs(absolute: string): Promise<InputFile[]> {
    let info: Stats;
    try {
      info = await stat(absolute);
      if (this.seenFiles.has(await realpath(absolute))) return [];
    } catch {
      return [];
    }
    return this.fileInput(absolute, info, true);
  }

  private isExcluded(pathInFolder: string): boolean {
    const path = pathInFolder.split(sep).join('/');
    return this.exclude.some((pattern) => pattern.test(path));
  }

  private warn(message: string): void {
    this.summary.warnings.push({ message });
  }
}

/** An archive whose list of files is being read: where its files are read from, and where it is on disk now. */
interface ArchiveBeingListed {
  /** The file given (or found in a folder) that holds it: the archive itself, or the outermost archive around it. */
  diskPath: string;
  /** Where its bytes are now: `diskPath`, or the temporary file an archive inside it was unpacked to. */
  unpackedAt: string;
  /** The archives inside `diskPath` that hold it, outermost first (none for `diskPath` itself). */
  nestedIn: readonly NestedArchive[];
}

/** True for the name of an archive read as the folder it holds when it is found inside another: `.zip`, `.tar`, `.tar.gz`, `.tgz`. */
function isArchiveName(name: string): boolean {
  return /\.(?:zip|tar|tgz|tar\.gz)$/i.test(name);
}

/** The refusal of a zip archive whose list of files cannot be read. */
function damagedArchiveRefusal(displayPath: string): InputError {
  const advice = 'download it again, or unzip it and ingest the folder it gives';
  const reason = 'cannot read the zip archive (it ends before its list of files, or that list is damaged; is it truncated?)';
  return new InputError(`${reason}: ${advice}`, { location: { file: displayPath }, hint: advice });
}

/**
 * Extensions of the photos, recordings and fonts a platform's archive carries beside its data
 * (a Twitter archive's tweets_media, a Takeout's photos): no format reads them, so they are
 * listed as skipped without being unpacked.
 */
const UNREAD_MEDIA_EXTENSIONS = new Set(
  '.jpg .jpeg .png .gif .webp .heic .heif .bmp .tif .tiff .ico .svg .mp4 .m4v .mov .avi .mkv .webm .mp3 .m4a .wav .ogg .opus .aac .flac .woff .woff2 .ttf .otf .eot'.split(
    ' ',
  ),
);

/** An entry's path in an archive as names, whichever slash it was written with, without empty and `.` steps. */
function archivePathSegments(name: string): string[] {
  return name
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.');
}

/** Orders archive paths as folders are read: name by name, so a folder's files come before a longer name beside it. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const left = a[index] ?? '';
    const right = b[index] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  return a.length - b.length;
}

function isLoopError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ELOOP';
}

/**
 * Turns an `--exclude` glob into a pattern over a path under the folder given (with `/`): `**`
 * any run of folders, `*` any characters but `/`, `?` one; a glob without `/` matches the last
 * name of the path or any folder on it, so `drafts` leaves out every `drafts` folder.
 */
export function globPattern(glob: string): RegExp {
  const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let source = '';
  for (let index = 0; index < trimmed.length; index += 1) {
    const character = trimmed[index] ?? '';
    if (character === '*' && trimmed[index + 1] === '*') {
      source += '.*';
      index += 1;
      if (trimmed[index + 1] === '/') index += 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else {
      source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return trimmed.includes('/') ? new RegExp(`^${source}(/.*)?$`) : new RegExp(`(^|/)${source}(/.*)?$`);
}

function displayPathOf(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return path === '' || path.startsWith('..') ? absolute : path;
}

/** The note for an old archive's `tweets.csv` left unread beside its month files. */
function archiveCsvWarning(file: string): ExportItem & { kind: 'warning' } {
  return {
    kind: 'warning',
    message:
      "not read: the archive's tweets.csv holds the same tweets as its month files (data/js/tweets/), which are read instead and say more (the author, a retweet's original)",
    provenance: { file },
  };
}

/**
 * True when a record is a platform's post, comment or message under the platform's own id (a
 * tweet, a toot, a skeet, a Reddit or Disqus comment, a Discord message: see `platformPostIds`),
 * which no other post has: read again with other words, it was edited since, or read differently
 * by an earlier version of tlap. `declared` is what its reading said of its id (a draft's
 * `platformId`: a Telegram message's chat id and number is one, an id made from an HTML page's
 * sender, date and words is not); undefined, its channel and format decide. An id made from the
 * text (`content:…`) or numbered by the export is no such id.
 */
export function isPlatformPost(record: FeedbackRecord, declared?: boolean): boolean {
  if (record.sourceId.startsWith('content:')) return false;
  if (declared !== undefined) return declared;
  return MICROBLOG_CHANNELS.has(record.channel) || findAdapter(record.format)?.platformPostIds === true;
}

/** Keeps the record's edit time as its id's when it has one later than the one kept. */
function laterEditTime(editTimes: Map<string, string>, record: FeedbackRecord): void {
  const editedAt = editedAtOf(record);
  if (isLaterEdit(editedAt, editTimes.get(record.id))) editTimes.set(record.id, editedAt);
}

/**
 * The one warning for a file whose items reused the ids of different records: ids an export
 * numbers itself (a row number) recur across files, so each such item is kept as its own record.
 * A platform's post read again with other words is not re-keyed but replaces the kept words.
 */
function reKeyedWarning(count: number, first: Provenance): ExportItem & { kind: 'warning' } {
  const records = count === 1 ? '1 record has' : `${count} records have`;
  return {
    kind: 'warning',
    message: `${records} the id of a different text already read (an id the export numbers itself, such as a row number, recurs across files); each is kept as its own record`,
    provenance: first,
  };
}

function formatProvenance(provenance: { file: string; line?: number }): string {
  return provenance.line === undefined ? provenance.file : `${provenance.file}:${provenance.line}`;
}
