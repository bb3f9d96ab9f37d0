import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { isRejectionCode, type RejectionCode } from '../rejection-code.js';
import type { Channel } from '../record/record.js';
import { RecordStore } from '../store/record-store.js';
import { findAdapter } from '../adapters/registry.js';
import { emptySummary, type FileSummary, type IngestSummary } from './ingest-summary.js';
import { openInputFile, unknownFormatName, type OpenedFile, type ReadFileOptions } from './read-input-file.js';
import { checkEncodingName, STDIN_PATH } from '../source/input-source.js';

/** How many rejections the summary lists (all are in rejected.jsonl). */
const LISTED_REJECTIONS = 20;

/** Progress of a running ingest, for a terminal progress line. */
export interface IngestProgress {
  files: number;
  read: number;
  added: number;
  /** Milliseconds since the ingest started. */
  elapsedMs: number;
}

/** What to ingest and how. */
export interface IngestOptions {
  /** Files, folders (read recursively) and `-` for stdin. */
  paths: readonly string[];
  /** The store folder. */
  storeDir: string;
  /** The working directory paths are relative to. */
  cwd: string;
  /** `--format`: read every file as this format. */
  format?: string;
  /** `--encoding`: decode text with this encoding. */
  encoding?: string;
  /** `--map field=Column` overrides. */
  map?: Readonly<Record<string, string>>;
  /** `--channel`: the channel of every record. */
  channel?: Channel;
  /** `--sheet`: the worksheet to read. */
  sheet?: string;
  /** `--skip-rows`: title rows above a table's header. */
  skipRows?: number;
  /** `--strict`: stop at the first rejected item. */
  strict?: boolean;
  /** Standard input, read when a path is `-`. */
  stdin?: Readable;
  /** Called now and then while ingesting. */
  onProgress?: (progress: IngestProgress) => void;
}

interface InputFile {
  diskPath: string;
  displayPath: string;
  fromFolder: boolean;
}

/**
 * Reads every input into the store and accounts for every item. One bad file or item never stops
 * the run (unless `strict`); it is a rejection with its reason. Throws only when the run cannot
 * start: a path that does not exist, a locked or damaged store.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  if (options.paths.length === 0) {
    throw new InputError('no input given', { hint: 'name export files or folders', code: 'NO_INPUT' });
  }
  if (options.format !== undefined && findAdapter(options.format) === undefined) {
    throw unknownFormatName(options.format);
  }
  if (options.encoding !== undefined) checkEncodingName(options.encoding);
  const started = Date.now();
  const summary = emptySummary();
  let spoolDir: string | null = null;
  const inputs: InputFile[] = [];
  for (const path of options.paths) {
    if (path === STDIN_PATH) {
      if (options.stdin === undefined) throw new InputError('- (stdin) is not available here', { code: 'NO_STDIN' });
      spoolDir ??= await mkdtemp(join(tmpdir(), 'tlap-stdin-'));
      const diskPath = join(spoolDir, `stdin-${inputs.length}`);
      await pipeline(options.stdin, createWriteStream(diskPath));
      inputs.push({ diskPath, displayPath: STDIN_PATH, fromFolder: false });
      continue;
    }
    const absolute = resolve(options.cwd, path);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new InputError(`no such file or folder`, { location: { file: path }, hint: 'check the path', code: 'NO_SUCH_FILE' });
    }
    if (info.isDirectory()) {
      for (const file of await listFolder(absolute)) {
        inputs.push({ diskPath: file, displayPath: displayPathOf(options.cwd, file), fromFolder: true });
      }
    } else {
      inputs.push({ diskPath: absolute, displayPath: displayPathOf(options.cwd, absolute), fromFolder: false });
    }
  }

  const store = await RecordStore.open(resolve(options.cwd, options.storeDir));
  if (store.repairedLines > 0) {
    summary.warnings.push({
      message: `${options.storeDir}/records.jsonl: repaired an unterminated last line left by an interrupted ingest (kept in rejected.jsonl)`,
    });
  }
  let lastProgress = 0;
  const progress = (): void => {
    if (options.onProgress === undefined) return;
    const now = Date.now();
    if (now - lastProgress < 250) return;
    lastProgress = now;
    options.onProgress({ files: summary.files, read: summary.read, added: summary.added, elapsedMs: now - started });
  };
  const readOptions: ReadFileOptions = {
    map: options.map ?? {},
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...(options.channel === undefined ? {} : { channel: options.channel }),
    ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    ...(options.skipRows === undefined ? {} : { skipRows: options.skipRows }),
  };
  try {
    for (const input of inputs) {
      if (summary.stoppedEarly) break;
      let opened: OpenedFile | null = null;
      let failure: InputError | null = null;
      try {
        opened = await openInputFile(input.diskPath, { ...readOptions, displayPath: input.displayPath });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        failure = error;
      }
      if (input.fromFolder && failure?.code === 'UNKNOWN_FORMAT') {
        summary.skipped.push(input.displayPath);
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
      };
      summary.files += 1;
      summary.perFile.push(file);
      const reject = (
        code: RejectionCode,
        message: string,
        provenance: { file: string; line?: number; row?: number; part?: string },
        excerpt?: string,
      ): void => {
        file.read += 1;
        file.rejected += 1;
        summary.read += 1;
        summary.rejected += 1;
        summary.rejectedByCode[code] = (summary.rejectedByCode[code] ?? 0) + 1;
        if (summary.rejections.length < LISTED_REJECTIONS) summary.rejections.push({ code, message, provenance });
        store.reject({ code, message, provenance, ...(excerpt === undefined ? {} : { excerpt }) });
        if (options.strict === true) summary.stoppedEarly = true;
      };
      const rejectFile = (error: InputError): void => {
        const line = error.location?.line;
        const part = error.location?.part;
        reject(
          isRejectionCode(error.code) ? error.code : 'FILE_UNREADABLE',
          part === undefined ? error.reason : `${part}: ${error.reason}`,
          line === undefined ? { file: input.displayPath } : { file: input.displayPath, line },
        );
      };
      if (opened === null) {
        if (failure !== null) rejectFile(failure);
        await store.flush();
        continue;
      }
      try {
        for await (const item of opened.items) {
          if (item.kind === 'warning') {
            const message = `${formatProvenance(item.provenance)}: ${item.message}`;
            summary.warnings.push(item.code === undefined ? { message } : { message, code: item.code });
            continue;
          }
          if (item.kind === 'rejected') {
            reject(item.code, item.message, item.provenance, item.excerpt);
            if (summary.stoppedEarly) break;
            continue;
          }
          file.read += 1;
          summary.read += 1;
          if (item.kind === 'filtered') {
            file.filtered += 1;
            summary.filtered += 1;
            summary.filteredByRule[item.rule] = (summary.filteredByRule[item.rule] ?? 0) + 1;
            continue;
          }
          const { record } = item;
          if (store.has(record.id)) {
            file.duplicates += 1;
            summary.duplicates += 1;
            continue;
          }
          await store.add(record);
          file.added += 1;
          summary.added += 1;
          progress();
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        rejectFile(error);
      }
      await store.flush();
    }
  } finally {
    await store.close();
    if (spoolDir !== null) await rm(spoolDir, { recursive: true, force: true });
  }
  return summary;
}

async function listFolder(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listFolder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

function displayPathOf(cwd: string, absolute: string): string {
  const path = relative(cwd, absolute);
  return path === '' || path.startsWith('..') ? absolute : path;
}

function formatProvenance(provenance: { file: string; line?: number }): string {
  return provenance.line === undefined ? provenance.file : `${provenance.file}:${provenance.line}`;
}
