import { open, stat } from 'node:fs/promises';
import { setFlagsFromString } from 'node:v8';
import type { Codebook } from '../codebook/codebook.js';
import {
  parseRecordLine,
  readStoreLineBatches,
  readStoreLines,
  readStoreRecords,
  recordsSealed,
  storePaths,
  storeRecordsFile,
  type StoreLine,
} from '../store/record-store.js';
import type { FeedbackRecord } from '../record/record.js';
import { chunkBuffer, chunkLines, endsWithNewline, storeChunks } from './store-chunks.js';
import { ThemeAssigner } from '../themes/assign-themes.js';
import type { WordMapping, WordRun } from '../stats/numbered-terms.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import {
  EvidencePacker,
  FactsReader,
  LINE_IN,
  LINE_NOT_A_RECORD,
  LINE_UNDATED,
  releaseAnswer,
  unpackEvidence,
  type AssignedBatch,
  type CountsAnswer,
  type FactsBatchAnswer,
  type ThemeWorkerData,
  type WorkerRequest,
} from './assign-worker-messages.js';
import type { RecordSelection } from './record-selection.js';
import { ThemeReportBuilder } from '../report/build-theme-report.js';
import { StoreError } from '../errors.js';
import type { BatchLink, WorkerLink } from './theme-workers.js';
import { LocalBatchLink } from './local-batch-link.js';

/** Lines sent to a worker at a time: large enough that messages are few, small enough to keep order cheap. */
const BATCH_LINES = 512;

/**
 * Batches in flight per worker (256 KiB of store each), so a worker never waits for the next one
 * while this thread is held up (collecting garbage, or publishing the quotes of a batch that filled
 * the quote pools, as the first batches do): with one worker, 3 left it idle about 0.35 s in a run
 * of 400,000 records, 6 about 0.28 s; 16 (with {@link BATCHES_READ_AHEAD_HERE} raised with it,
 * and 32 {@link WARM_UP_BATCHES}) left both threads idle about half as long as 6 did (CPU profiles of 400,000 records: this thread idle 4% of the run instead of 10 to 17%,
 * the worker 3 to 8% instead of 11 to 15%).
 */
export const BATCHES_IN_FLIGHT = 16;

/**
 * Batches per worker held answered or in flight, waiting to be added in store order, while the
 * first {@link EARLY_BATCHES} are sent: a worker is sent more while it has fewer than
 * {@link BATCHES_IN_FLIGHT} unanswered, up to this many, so that it reads ahead while this thread
 * is slow to add what it answered (in the first seconds, while the quote pools fill and their
 * texts are redacted), rather than wait for this thread. With 16 (a worker sent more only once its
 * answers were added), the worker of a run of 400,000 records sat idle about 0.4 s of its first
 * 2.5 s.
 */
const BATCHES_QUEUED_EARLY = 3 * BATCHES_IN_FLIGHT;

/**
 * Batches (64 MiB of a store) sent before a worker's queue is held to {@link BATCHES_IN_FLIGHT}:
 * past the slow start, a longer queue only holds more memory (about 0.35 MB a batch, chunk and
 * answer) at the end of the reading pass, where a run of a million records peaks.
 */
const EARLY_BATCHES = 256;

/**
 * Batches per worker sent ahead, beyond {@link BATCHES_IN_FLIGHT}, before this thread does its
 * one-off warm-up (loading name detection) and publishes the first quotes, so that the workers
 * have work while it is busy. Each is a buffer of 256 KiB kept for reading into again until the
 * run ends: 32 kept a worker busy through the first two seconds, where 8 (with 6 in flight) left
 * it idle about 0.4 s, but held 14 MB more at the peak of a million records.
 */
const WARM_UP_BATCHES = 8;

/**
 * How much this thread's young generation grows at a time while workers read the store: 1 keeps it
 * at its starting size (two semi-spaces of 1 MB) instead of V8's default of doubling up to 2 x 16 MB.
 * This thread keeps its facts in typed arrays and little else survives a record, so the larger
 * young generation buys no CPU (400k records: the same CPU time) and holds about 30 MB more at the
 * peak. The flag is read each time V8 would grow the young generation; a worker starting resets it,
 * so it is set once every worker is online, and put back to V8's default when the workers are done.
 */
const YOUNG_GENERATION_GROWTH = 1;
const DEFAULT_YOUNG_GENERATION_GROWTH = 2;

/**
 * How far (in percent of what was live) the old generation may grow before its next full
 * collection while workers read the store, instead of V8's own factor (0). V8's own let this
 * thread's heap reach 86 MB with 39 MB live at the end of a million records, so that the run's
 * peak ranged from 261 to 304 MB between runs of the same store; with 60 it peaked at 253 to
 * 258 MB (three runs), for about 15 full collections of this thread's heap instead of 4: about
 * 0.5 s more CPU at 400,000 records (14.2-15.5 s against 13.2-14.4 s, four alternating runs). 25
 * peaked at 248 to 252 MB for 29 full collections and seconds more. Set only from the start: set
 * once a long run was half read, it left the peak where it was (266 to 308 MB). Set and put back
 * with {@link YOUNG_GENERATION_GROWTH}, only for a store of {@link OLD_GENERATION_LIMITED_FROM_BYTES}
 * or more.
 */
const OLD_GENERATION_GROWTH_PERCENT = 60;

/**
 * The size of records.jsonl from which the old generation's growth is capped: below it, V8's own
 * growth leaves the peak far from any limit and saves the extra full collections (400,000 records,
 * 190 MB of store: 4.34-4.62 s and 212-234 MB uncapped against 4.69-4.81 s and 200-205 MB capped,
 * four alternating runs), while at 1,000,000 records (478 MB) the cap keeps the peak at 256-258 MB
 * where V8's own growth reached 300-311 MB (two runs each).
 */
const OLD_GENERATION_LIMITED_FROM_BYTES = 256 * 1024 * 1024;
const DEFAULT_OLD_GENERATION_GROWTH_PERCENT = 0;

/** Sets V8's `heap-growing-percent` flag (a V8 flag, not one of tlap's). */
function limitOldGenerationGrowth(limited: boolean): void {
  setFlagsFromString(`--heap-growing-percent=${limited ? OLD_GENERATION_GROWTH_PERCENT : DEFAULT_OLD_GENERATION_GROWTH_PERCENT}`);
}

/** Sets V8's `semi-space-growth-factor` flag (a V8 flag, not one of tlap's). */
function growYoungGenerationBy(factor: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/**
 * The records of a store, in store order, each with its themes and evidence, matched on the worker
 * threads of `pool` while this thread reads, parses and hands records on in order: the same result,
 * record for record, as {@link ThemeAssigner} on one thread. A bad line is a StoreError at its
 * line. A codebook whose rules cannot be told apart by position is matched on this thread. The
 * workers are closed once done with (or not used).
 */
export async function* themedStoreRecordsInParallel(
  storeDir: string,
  codebook: Codebook,
  pool: readonly WorkerLink[],
): AsyncIterable<ThemedRecord> {
  if (pool.length > 0 && EvidencePacker.canPack(codebook)) {
    yield* themedInParallel(storeDir, codebook, pool);
    return;
  }
  await Promise.all(pool.map((link) => link.close()));
  const assigner = new ThemeAssigner(codebook);
  for await (const record of readStoreRecords(storeDir)) yield assigner.assign(record);
}

interface PendingBatch {
  lines: StoreLine[];
  link: WorkerLink;
  result: Promise<AssignedBatch>;
}

async function* themedInParallel(storeDir: string, codebook: Codebook, pool: readonly WorkerLink[]): AsyncIterable<ThemedRecord> {
  const file = storePaths(storeDir).records;
  const workerCount = pool.length;
  const queue: PendingBatch[] = [];
  let sent = 0;
  let buffer: StoreLine[] = [];
  const send = (lines: StoreLine[]): void => {
    const link = pool[sent % pool.length];
    if (link === undefined) return;
    queue.push({
      lines,
      link,
      result: link.request<AssignedBatch>({ kind: 'assign', batch: sent, lines: lines.map((entry) => entry.text) }),
    });
    sent += 1;
  };
  const settle = async function* (batch: PendingBatch): AsyncIterable<ThemedRecord> {
    const answer = await batch.result;
    const records = batch.lines.map((entry) => parseRecordLine(entry.text, file, entry.line));
    const assigned = unpackEvidence(
      codebook,
      answer.packed,
      records.map((record) => record.text),
    );
    for (let index = 0; index < batch.lines.length; index += 1) {
      const entry = batch.lines[index];
      const record = records[index];
      const result = assigned[index];
      if (entry === undefined || record === undefined) continue;
      if (result === undefined || result === null) throw new Error(`a theme worker returned no result for line ${entry.line}`);
      yield { record, themeIds: result.themeIds, evidence: result.evidence };
    }
  };
  try {
    for (const link of pool) link.start({ codebook });
    for await (const entry of readStoreLines(storeDir)) {
      buffer.push(entry);
      if (buffer.length < BATCH_LINES) continue;
      send(buffer);
      buffer = [];
      while (queue.length >= workerCount * BATCHES_IN_FLIGHT) {
        const next = queue.shift();
        if (next !== undefined) yield* settle(next);
      }
    }
    if (buffer.length > 0) send(buffer);
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) yield* settle(next);
  } finally {
    for (const pending of queue) pending.result.catch(() => undefined);
    await Promise.all(pool.map((link) => link.close()));
  }
}

/** How many store records were read, and how many the selection left out. */
export interface SelectionCounts {
  store: number;
  undated: number;
  out: number;
}

/** A batch of a store's records.jsonl: a chunk of whole lines as bytes, or lines as text. */
interface StoreBatch {
  bytes: Uint8Array | null;
  lines: StoreLine[] | null;
}

/**
 * A store's records.jsonl in batches: chunks of bytes when the file ends with a newline (as tlap
 * writes it), else (a torn last line, left out as the line reader does) lines of text.
 */
async function* storeBatches(storeDir: string, spare: Uint8Array[]): AsyncIterable<StoreBatch> {
  const file = await storeRecordsFile(storeDir);
  if (await endsWithNewline(file)) {
    for await (const bytes of storeChunks(file, undefined, spare)) yield { bytes, lines: null };
    return;
  }
  let lines: StoreLine[] = [];
  for await (const entry of readStoreLines(storeDir)) {
    lines.push(entry);
    if (lines.length < BATCH_LINES) continue;
    yield { bytes: null, lines };
    lines = [];
  }
  if (lines.length > 0) yield { bytes: null, lines };
}

/** The text and line number of a batch's record lines, for the few that are read on this thread. */
class BatchLines {
  private buffer: Buffer | null = null;

  constructor(
    private readonly batch: StoreBatch,
    private readonly firstLine: number,
    private readonly spans: Int32Array | null,
  ) {}

  /** How many lines it holds, as the worker counted them (text lines are counted here). */
  get count(): number {
    return this.spans === null ? (this.batch.lines?.length ?? 0) : this.spans.length / 3;
  }

  /** The 1-based line number in the file of its `index`th non-empty line. */
  lineNumber(index: number): number {
    if (this.spans === null) return this.batch.lines?.[index]?.line ?? 0;
    return this.firstLine + (this.spans[index * 3] ?? 0) + 1;
  }

  /** The text of its `index`th non-empty line. */
  text(index: number): string {
    if (this.spans === null) return this.batch.lines?.[index]?.text ?? '';
    const bytes = this.batch.bytes ?? new Uint8Array(0);
    this.buffer ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return this.buffer.toString('utf8', this.spans[index * 3 + 1], this.spans[index * 3 + 2]);
  }
}

interface Pending<Answer> {
  batch: StoreBatch;
  link: BatchLink;
  result: Promise<Answer>;
  /** Read on this thread rather than sent to a worker. */
  here: boolean;
  /** Whether its answer is in. */
  answered: boolean;
}

/**
 * Which batches the run's own thread reads itself, besides adding every batch's facts:
 * `whenWaitingFrom` takes the next batch whenever every worker has its batches in flight and the
 * answer needed next has not come, once that many batches are sent (at the start this thread is
 * busiest and its code for reading is not yet compiled); a function takes the batches (numbered
 * from 0 in store order) for which it is true; `never` leaves them all to the workers. The report
 * is the same whichever reads what.
 */
export type BatchesReadHere = { whenWaitingFrom: number } | 'never' | ((batch: number) => boolean);

/** Every batch is read on this thread: how a run with no worker threads reads. */
const everyBatch = (): boolean => true;

/**
 * The most batches this thread reads ahead of the answer it waits for: enough to fill a wait
 * (with 2, this thread waited for a worker's answer about 200 times in a run of 400,000 records,
 * 0.7 to 1.4 s in all), few enough that the store is not read far ahead of what the workers answer.
 */
const BATCHES_READ_AHEAD_HERE = 8;

/**
 * Batches sent (16 MiB of a store) before this thread reads any itself, by default. From the start,
 * a run of 100,000 records took longer (its code for reading compiled a second time, on the busiest
 * thread), and one of 400,000 no less time than from here (5 alternating runs each).
 */
const BATCHES_BEFORE_READING_HERE = 64;

/**
 * A link's word mapping to the report's numbering (made when it has none), with the words it
 * numbered in a batch taken in, in the order it gave them, each word followed by its stem.
 */
function adoptNewWords(mapping: WordMapping | undefined, newWords: readonly string[], builder: ThemeReportBuilder): WordMapping {
  const adopted = mapping ?? builder.wordMapping();
  for (let index = 0; index + 1 < newWords.length; index += 2) adopted.adopt(newWords[index] ?? '', newWords[index + 1] ?? '');
  return adopted;
}

/**
 * Adds the records of a store that the selection keeps to a report builder, read on the worker
 * threads of `pool`: each worker parses, checks, selects and matches its batches of lines, counts
 * what does not depend on record order, and returns the rest as compact facts, which this thread
 * adds in store order (reading a record only when it could be quoted). Once their counts are in,
 * the workers are closed (while this thread goes on) and the records holding the unthemed terms'
 * quotes are read again from the chunks they were in.
 * With no worker in `pool`, this thread reads every batch the same way: the facts path costs less
 * than matching each record into a themed record and adding it (400,000 records: about 18 s of CPU
 * instead of 22). The report is the one built from the records on one thread. Counts the records read and left out
 * into `counts`; a bad line is a StoreError at its line; `onRecord` is called after each record
 * added. Returns whether the store held any line.
 */
export async function addStoreInParallel(
  storeDir: string,
  codebook: Codebook,
  pool: readonly BatchLink[],
  builder: ThemeReportBuilder,
  options: {
    selection: RecordSelection;
    traceRecordIds: boolean;
    counts: SelectionCounts;
    onRecord?: (count: number) => void;
    /** One-off work for this thread (run once the workers have a few batches each to read). */
    warmUp?: () => void;
    /** Which batches this thread reads itself (default: when waiting, from {@link BATCHES_BEFORE_READING_HERE}; every one when `pool` is empty). */
    readHere?: BatchesReadHere;
  },
): Promise<boolean> {
  const paths = storePaths(storeDir);
  const file = paths.records;
  const checkRecordIds = !(await recordsSealed(paths));
  const limitGrowth = await stat(file).then(
    (info) => info.size >= OLD_GENERATION_LIMITED_FROM_BYTES,
    () => false,
  );
  const data: ThemeWorkerData = { codebook, selection: options.selection, traceRecordIds: options.traceRecordIds, checkRecordIds };
  let workersDone = pool.length === 0;
  void Promise.all(pool.map((link) => link.online)).then(() => {
    if (workersDone) return;
    growYoungGenerationBy(YOUNG_GENERATION_GROWTH);
    if (limitGrowth) limitOldGenerationGrowth(true);
  });
  const closePool = async (): Promise<void> => {
    workersDone = true;
    growYoungGenerationBy(DEFAULT_YOUNG_GENERATION_GROWTH);
    if (limitGrowth) limitOldGenerationGrowth(false);
    await Promise.all(pool.map((link) => link.close()));
  };
  const facts = ThemeReportBuilder.emptyFacts();
  const { counts } = options;
  let added = 0;
  let any = false;
  let nextLine = 0;
  const chunks: ChunkPlaces = { positions: [], sizes: [], firstLines: [] };
  let position = 0;
  const mappings = new Map<BatchLink, WordMapping>();
  const settleFacts = async ({ batch, link, result }: Pending<FactsBatchAnswer>): Promise<void> => {
    const answer = await result;
    const lines = new BatchLines(batch, nextLine, answer.spans);
    if (batch.bytes !== null) {
      chunks.positions.push(position);
      chunks.sizes.push(batch.bytes.length);
      chunks.firstLines.push(nextLine);
      position += batch.bytes.length;
    }
    nextLine += answer.lineCount;
    const mapping = adoptNewWords(mappings.get(link), answer.newWords, builder);
    mappings.set(link, mapping);
    const words: WordRun = { ids: answer.ints, start: 0, end: 0, mapping };
    const reader = new FactsReader(answer);
    const source = {
      index: 0,
      read: (): FeedbackRecord => parseRecordLine(lines.text(source.index), file, lines.lineNumber(source.index), checkRecordIds),
      hold: (): (() => FeedbackRecord) => {
        const text = lines.text(source.index);
        const line = lines.lineNumber(source.index);
        return () => parseRecordLine(text, file, line, checkRecordIds);
      },
      line: (): number => lines.lineNumber(source.index),
    };
    for (let index = 0; index < lines.count; index += 1) {
      any = true;
      const verdict = reader.next(facts);
      if (verdict === LINE_NOT_A_RECORD) {
        const line = lines.lineNumber(index);
        parseRecordLine(lines.text(index), file, line, checkRecordIds);
        throw new StoreError(`${file}:${line}: not a tlap record; the store was damaged or edited by hand`, { code: 'STORE_DAMAGED' });
      }
      counts.store += 1;
      if (verdict !== LINE_IN) {
        if (verdict === LINE_UNDATED) counts.undated += 1;
        else counts.out += 1;
        continue;
      }
      words.start = reader.wordsAt;
      words.end = reader.wordsAt + facts.words;
      source.index = index;
      builder.addFacts(facts, words, source);
      added += 1;
      options.onRecord?.(added);
    }
    releaseAnswer(answer);
  };
  let closing: Promise<void> | null = null;
  const readHere = pool.length === 0 ? everyBatch : (options.readHere ?? { whenWaitingFrom: BATCHES_BEFORE_READING_HERE });
  const here = readHere === 'never' ? null : { link: new LocalBatchLink(), take: readHere };
  try {
    for (const link of pool) link.start(data);
    here?.link.start(data);
    const readHereCount = await runBatches(
      storeDir,
      pool,
      (batch, sent) => ({ kind: 'facts', batch: sent, lines: batch.lines?.map((entry) => entry.text) ?? null, bytes: batch.bytes }),
      settleFacts,
      options.warmUp,
      here,
    );
    if (!any) return false;
    const counted = here === null || readHereCount === 0 ? pool : [...pool, here.link];
    const answers = await Promise.all(counted.map((link) => link.request<CountsAnswer>({ kind: 'counts', batch: -1 })));
    closing = closePool();
    for (const answer of answers) builder.mergeCounts(answer.counts);
    const wanted = builder.keptUnthemedQuoteLines();
    if (wanted.length > 0) builder.offerKeptUnthemedQuotes(await recordsAtLines(storeDir, wanted, chunks));
    return true;
  } finally {
    await (closing ?? closePool());
  }
}

/** Where each chunk of a store read in chunks lies in its file, and the line count before it. */
export interface ChunkPlaces {
  positions: number[];
  sizes: number[];
  firstLines: number[];
}

/**
 * The records at these store lines (1-based, ascending), read again: each from the chunk it was
 * read in when `chunks` says where the store's chunks lay (see {@link ChunkPlaces}), else from one
 * more read of the store, in chunks, that decodes only the lines wanted (by line for a store whose
 * last line is torn). A line that is no longer a record is a StoreError at that line.
 */
export async function recordsAtLines(
  storeDir: string,
  wanted: readonly number[],
  chunks?: ChunkPlaces,
): Promise<Map<number, FeedbackRecord>> {
  const found = await findRecordsAtLines(storeDir, wanted, chunks);
  const missing = wanted.find((line) => !found.has(line));
  if (missing !== undefined) {
    throw new StoreError(`${storePaths(storeDir).records}:${missing}: the store changed while it was read (this line is no longer there)`, {
      hint: 'run again once nothing else writes to the store',
      code: 'STORE_DAMAGED',
    });
  }
  return found;
}

async function findRecordsAtLines(
  storeDir: string,
  wanted: readonly number[],
  chunks: ChunkPlaces | undefined,
): Promise<Map<number, FeedbackRecord>> {
  const file = storePaths(storeDir).records;
  const found = new Map<number, FeedbackRecord>();
  const records = await storeRecordsFile(storeDir);
  if (chunks === undefined || chunks.positions.length === 0) {
    if (!(await endsWithNewline(records))) {
      const lines = new Set(wanted);
      for await (const batch of readStoreLineBatches(storeDir)) {
        for (const { text, line } of batch) if (lines.has(line)) found.set(line, parseRecordLine(text, file, line));
      }
      return found;
    }
    let firstLine = 0;
    let at = 0;
    const spare: Uint8Array[] = [];
    for await (const bytes of storeChunks(records, undefined, spare)) {
      const { spans, lines } = chunkLines(bytes);
      at = takeLines(bytes, spans, firstLine, firstLine + lines, wanted, at, file, found);
      firstLine += lines;
      if (at >= wanted.length) break;
      spare.push(chunkBuffer(bytes));
    }
    return found;
  }
  const handle = await open(records, 'r');
  try {
    let chunk = 0;
    for (let at = 0; at < wanted.length;) {
      const line = wanted[at] ?? 0;
      while (chunk + 1 < chunks.firstLines.length && (chunks.firstLines[chunk + 1] ?? 0) < line) chunk += 1;
      const bytes = new Uint8Array(chunks.sizes[chunk] ?? 0);
      await handle.read(bytes, 0, bytes.length, chunks.positions[chunk] ?? 0);
      const firstLine = chunks.firstLines[chunk] ?? 0;
      const before = at;
      at = takeLines(bytes, chunkLines(bytes).spans, firstLine, chunks.firstLines[chunk + 1] ?? Infinity, wanted, at, file, found);
      if (at === before) at += 1;
    }
  } finally {
    await handle.close();
  }
  return found;
}

/**
 * Parses into `found` the lines of `wanted`, from index `at`, that lie in a chunk holding the lines
 * after `firstLine` up to `lastLine` (`spans` as {@link chunkLines} gives them); returns the index
 * of the first wanted line after the chunk.
 */
function takeLines(
  bytes: Uint8Array,
  spans: Int32Array,
  firstLine: number,
  lastLine: number,
  wanted: readonly number[],
  from: number,
  file: string,
  found: Map<number, FeedbackRecord>,
): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let at = from;
  let span = 0;
  for (; at < wanted.length && (wanted[at] ?? 0) <= lastLine; at += 1) {
    const line = wanted[at] ?? 0;
    while (span < spans.length && (spans[span] ?? 0) < line - firstLine - 1) span += 3;
    if (spans[span] === line - firstLine - 1)
      found.set(line, parseRecordLine(text.toString('utf8', spans[span + 1], spans[span + 2]), file, line));
  }
  return at;
}

/**
 * Sends a store's batches round the pool in order and settles the answers in store order, a few in
 * flight per worker. With `here`, this thread reads some batches itself (as `here.take` says; see
 * {@link BatchesReadHere}), the workers taking the rest in turn. With `warmUp`,
 * {@link WARM_UP_BATCHES} more per worker are sent first and `warmUp` is run while the workers read
 * them (this thread reads no batch before that; with no worker, it is run first). Returns how many
 * batches this thread read.
 */
async function runBatches<Answer>(
  storeDir: string,
  pool: readonly BatchLink[],
  request: (batch: StoreBatch, sent: number) => Exclude<WorkerRequest, { kind: 'start' }>,
  settle: (pending: Pending<Answer>) => Promise<void>,
  warmUp?: () => void,
  here: { link: BatchLink; take: Exclude<BatchesReadHere, 'never'> } | null = null,
): Promise<number> {
  let pendingWarmUp = warmUp;
  if (pool.length === 0) {
    pendingWarmUp?.();
    pendingWarmUp = undefined;
  }
  const queue: Pending<Answer>[] = [];
  const spare: Uint8Array[] = [];
  let unanswered = 0;
  let readAheadHere = 0;
  const done = async (pending: Pending<Answer>): Promise<void> => {
    if (pending.here) readAheadHere -= 1;
    await settle(pending);
    if (pending.batch.bytes !== null) spare.push(chunkBuffer(pending.batch.bytes));
  };
  const inFlight = (): number => pool.length * (pendingWarmUp === undefined ? BATCHES_IN_FLIGHT : BATCHES_IN_FLIGHT + WARM_UP_BATCHES);
  const mostQueued = (): number => pool.length * ((sent < EARLY_BATCHES ? BATCHES_QUEUED_EARLY : BATCHES_IN_FLIGHT) + WARM_UP_BATCHES);
  const workersWant = (): boolean => unanswered < inFlight() && queue.length < mostQueued();
  const takeWhileWaiting = (): boolean =>
    here !== null &&
    typeof here.take === 'object' &&
    pendingWarmUp === undefined &&
    sent >= here.take.whenWaitingFrom &&
    readAheadHere < BATCHES_READ_AHEAD_HERE;
  let sent = 0;
  let toWorkers = 0;
  let nextHere = false;
  try {
    for await (const batch of storeBatches(storeDir, spare)) {
      const readsHere = here !== null && (nextHere || (typeof here.take === 'function' && pendingWarmUp === undefined && here.take(sent)));
      nextHere = false;
      const link = readsHere ? here.link : pool[toWorkers % pool.length];
      if (link === undefined) return sent - toWorkers;
      const pending: Pending<Answer> = {
        batch,
        link,
        here: readsHere,
        answered: readsHere,
        result: link.request<Answer>(request(batch, sent)),
      };
      if (readsHere) readAheadHere += 1;
      else {
        toWorkers += 1;
        unanswered += 1;
        const answered = (): void => {
          pending.answered = true;
          unanswered -= 1;
        };
        pending.result.then(answered, answered);
      }
      queue.push(pending);
      sent += 1;
      if (pendingWarmUp !== undefined) {
        if (workersWant()) continue;
        pendingWarmUp();
        pendingWarmUp = undefined;
      }
      for (let head = queue[0]; head !== undefined; head = queue[0]) {
        if (workersWant()) break;
        if (!head.answered) {
          if (takeWhileWaiting()) {
            nextHere = true;
            break;
          }
        }
        queue.shift();
        await done(head);
      }
    }
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await done(next);
    return sent - toWorkers;
  } finally {
    for (const pending of queue) pending.result.catch(() => undefined);
  }
}
