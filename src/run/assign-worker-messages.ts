import type { Codebook } from '../codebook/codebook.js';
import { CHANNELS, type Channel } from '../record/record.js';
import type { OrderFreeCounts, RecordFacts } from '../report/record-facts.js';
import type { VoiceFacts } from '../report/voice-tally.js';
import { CAMPAIGN_MIN_WORDS, SKETCH_BINS } from '../stats/near-duplicates.js';
import type { KeywordHit, ThemeEvidence, VetoedHit } from '../themes/match-evidence.js';
import { grownArray } from '../grown-array.js';
import type { RecordSelection } from './record-selection.js';

/** A batch of store lines sent to a theme worker, to be matched. */
export interface AssignBatch {
  kind: 'assign';
  /** The batch's number, echoed in the answer. */
  batch: number;
  /** records.jsonl lines, as written. */
  lines: string[];
}

/**
 * A worker's answer for one batch: per line, the themes and evidence packed as whole numbers
 * (theme, rule and exclude positions in the codebook, and text offsets) in one transferable array,
 * so an answer crosses threads without copying and the evidence is rebuilt with its strings here.
 */
export interface AssignedBatch {
  batch: number;
  packed: Int32Array;
}

/**
 * A batch of records.jsonl sent to a theme worker, to be read into report facts
 * ({@link FactsBatchAnswer}): its lines as written, or a chunk of whole lines as bytes (in memory
 * shared with this thread), which the worker splits and decodes.
 */
export interface FactsBatch {
  kind: 'facts';
  batch: number;
  lines: string[] | null;
  bytes: Uint8Array | null;
}

/** Asks a theme worker for the order-free counts of every record it read ({@link CountsAnswer}). */
export interface CountsRequest {
  kind: 'counts';
  batch: number;
}

/** What a theme worker reads with. */
export interface ThemeWorkerData {
  codebook: Codebook;
  /** For report facts: the records to report on, and whether themes keep their records' ids. */
  selection?: RecordSelection;
  traceRecordIds?: boolean;
  /** Whether each line's record id is checked against its channel and source id (default true; false for a sealed store, see records-seal.ts). */
  checkRecordIds?: boolean;
}

/** The first message a theme worker is sent: what it reads with (it is started before the codebook is known). */
export interface StartRequest {
  kind: 'start';
  data: ThemeWorkerData;
}

/** What a theme worker is sent. */
export type WorkerRequest = StartRequest | AssignBatch | FactsBatch | CountsRequest;

/** The order-free counts of the records a worker read. */
export interface CountsAnswer {
  batch: number;
  counts: OrderFreeCounts;
}

/** A line's verdict in a {@link FactsBatchAnswer}. */
export const LINE_NOT_A_RECORD = 0;
/** The selection keeps the record: its facts follow. */
export const LINE_IN = 1;
/** The selection leaves the record out. */
export const LINE_OUT = 2;
/** The selection asks for dates and the record has none. */
export const LINE_UNDATED = 3;

/**
 * A worker's answer for a batch of lines read into facts, packed in transferable arrays: per line
 * in `ints` its verdict (LINE_*) and, for a record kept, its channel (index in CHANNELS), flags
 * (1 themed, 2 excluded from quotes), tier, the count and indices of the themes it counts in, the
 * count of its own themes and per theme its index and distinct keywords, and its word count
 * followed by its words' numbers in the worker's numbering; per record kept its voice and wording
 * hashes in `hashes`, its id in `ids`, and with {@link CAMPAIGN_MIN_WORDS} words or more its
 * sketch in `sketches`.
 */
export interface FactsBatchAnswer {
  batch: number;
  /** How many lines the batch has, empty ones included (for line numbers). */
  lineCount: number;
  /** For a chunk of bytes: per non-empty line, its index among the chunk's lines, its start and its end. */
  spans: Int32Array | null;
  ints: Int32Array;
  hashes: Float64Array;
  sketches: Uint8Array;
  ids: string[];
  /** The words the worker numbered in this batch, in number order, each as its word and then its stem. */
  newWords: string[];
}

/**
 * Frees the arrays of an answer that has been read: each array's memory is moved (transferred) to
 * a new ArrayBuffer that nothing holds, which the next young-generation collection frees, and the
 * answer's arrays are left empty. An answer waits a few batches for its turn, long enough to be
 * promoted to V8's old generation, which frees array memory only when it marks, once up to about
 * 64 MB of it has piled up (at 1,000,000 records: a peak of 255 MB instead of 262 to 281 MB).
 */
export function releaseAnswer(answer: FactsBatchAnswer): void {
  for (const array of [answer.ints, answer.hashes, answer.sketches, answer.spans]) {
    if (array !== null && array.byteLength > 0) structuredClone(array.buffer, { transfer: [array.buffer as ArrayBuffer] });
  }
}

const THEMED = 1;
const EXCLUDED = 2;

/** Packs a batch's lines into a {@link FactsBatchAnswer}, line by line. */
export class FactsPacker {
  private ints = new Int32Array(64 * 1024);
  private intsUsed = 0;
  private hashes = new Float64Array(1024);
  private hashesUsed = 0;
  private sketches = new Uint8Array(64 * SKETCH_BINS);
  private sketched = 0;
  private ids: string[] = [];
  private readonly channelIndex = new Map<Channel, number>(CHANNELS.map((channel, index) => [channel, index]));

  /** A line with no record, or whose record the selection leaves out. */
  skip(verdict: typeof LINE_NOT_A_RECORD | typeof LINE_OUT | typeof LINE_UNDATED): void {
    this.room(1);
    this.ints[this.intsUsed++] = verdict;
  }

  /** Makes room for `more` ints. */
  private room(more: number): void {
    if (this.intsUsed + more > this.ints.length) this.ints = grownArray(this.ints, Math.max(this.ints.length * 2, this.intsUsed + more));
  }

  /** A record kept: its facts and its words' numbers. */
  add(facts: RecordFacts, wordIds: ArrayLike<number>): void {
    const { counted, quoted } = facts;
    this.room(7 + counted.length + quoted.length + wordIds.length);
    const { ints } = this;
    let at = this.intsUsed;
    ints[at++] = LINE_IN;
    ints[at++] = this.channelIndex.get(facts.channel) ?? 0;
    ints[at++] = (facts.themed ? THEMED : 0) | (facts.excluded ? EXCLUDED : 0);
    ints[at++] = facts.tier;
    ints[at++] = counted.length;
    for (let index = 0; index < counted.length; index += 1) ints[at++] = counted[index] ?? 0;
    ints[at++] = quoted.length / 2;
    for (let index = 0; index < quoted.length; index += 1) ints[at++] = quoted[index] ?? 0;
    ints[at++] = wordIds.length;
    if (wordIds instanceof Int32Array) {
      ints.set(wordIds, at);
      at += wordIds.length;
    } else for (let index = 0; index < wordIds.length; index += 1) ints[at++] = wordIds[index] ?? 0;
    this.intsUsed = at;
    if (this.hashesUsed + 2 > this.hashes.length) this.hashes = grownArray(this.hashes, this.hashes.length * 2);
    this.hashes[this.hashesUsed++] = facts.voice;
    this.hashes[this.hashesUsed++] = facts.wording;
    this.ids.push(facts.id);
    const { sketch, sketchAt } = facts;
    if (sketch === this.sketches) {
      facts.sketch = this.detached;
      facts.sketchAt = 0;
    }
    if (facts.words < CAMPAIGN_MIN_WORDS) return;
    this.sketchRoom();
    const sketches = this.sketches;
    const into = this.sketched * SKETCH_BINS;
    if (sketch !== sketches || sketchAt !== into) {
      for (let bin = 0; bin < SKETCH_BINS; bin += 1) sketches[into + bin] = sketch[sketchAt + bin] ?? 0;
    }
    this.sketched += 1;
  }

  /** Where facts that {@link prepare} pointed at the answer write their sketch once they are added, unless prepared again. */
  private readonly detached = new Uint8Array(SKETCH_BINS);

  /**
   * Points the sketch of facts about to be filled (by a `RecordFactExtractor`) at the place the
   * next record's sketch takes in the answer, so that it is written there and {@link add} need not
   * copy it (add points it elsewhere again).
   */
  prepare(facts: VoiceFacts): void {
    this.sketchRoom();
    facts.sketch = this.sketches;
    facts.sketchAt = this.sketched * SKETCH_BINS;
  }

  /** Makes room for one more sketch. */
  private sketchRoom(): void {
    if ((this.sketched + 1) * SKETCH_BINS > this.sketches.length) this.sketches = grownArray(this.sketches, this.sketches.length * 2);
  }

  /** The answer for the lines packed since the last call. */
  take(batch: number, newWords: string[], lineCount: number, spans: Int32Array | null): FactsBatchAnswer {
    const answer: FactsBatchAnswer = {
      batch,
      lineCount,
      spans,
      ints: this.ints.slice(0, this.intsUsed),
      hashes: this.hashes.slice(0, this.hashesUsed),
      sketches: this.sketches.slice(0, this.sketched * SKETCH_BINS),
      ids: this.ids,
      newWords,
    };
    this.intsUsed = 0;
    this.hashesUsed = 0;
    this.sketched = 0;
    this.ids = [];
    return answer;
  }
}

/** Reads a {@link FactsBatchAnswer} back, line by line, into one {@link RecordFacts}. */
export class FactsReader {
  private at = 0;
  private record = 0;
  private sketch = 0;
  /** The words of the last record read, in the worker's numbering: `words[wordsAt .. wordsAt + facts.words)`. */
  wordsAt = 0;

  constructor(private readonly answer: FactsBatchAnswer) {}

  /** The next line's verdict; for LINE_IN its facts are read into `facts` (its sketch points into the answer). */
  next(facts: RecordFacts): number {
    const { ints } = this.answer;
    const verdict = ints[this.at++] ?? LINE_NOT_A_RECORD;
    if (verdict !== LINE_IN) return verdict;
    facts.channel = CHANNELS[ints[this.at++] ?? 0] ?? 'other';
    const flags = ints[this.at++] ?? 0;
    facts.themed = (flags & THEMED) !== 0;
    facts.excluded = (flags & EXCLUDED) !== 0;
    facts.tier = ints[this.at++] ?? 0;
    this.at = readList(ints, this.at + 1, ints[this.at] ?? 0, facts.counted);
    this.at = readList(ints, this.at + 1, (ints[this.at] ?? 0) * 2, facts.quoted);
    facts.words = ints[this.at++] ?? 0;
    this.wordsAt = this.at;
    this.at += facts.words;
    facts.voice = this.answer.hashes[this.record * 2] ?? 0;
    facts.wording = this.answer.hashes[this.record * 2 + 1] ?? 0;
    facts.id = this.answer.ids[this.record] ?? '';
    this.record += 1;
    if (facts.words >= CAMPAIGN_MIN_WORDS) {
      facts.sketch = this.answer.sketches;
      facts.sketchAt = this.sketch * SKETCH_BINS;
      this.sketch += 1;
    }
    return verdict;
  }
}

/**
 * Reads `count` numbers from `ints` at `from` into `list`, in place: a list emptied by setting its
 * length to 0 drops its backing store, so refilling it by `push` would allocate one per record.
 * Returns where the numbers end.
 */
function readList(ints: Int32Array, from: number, count: number, list: number[]): number {
  for (let index = 0; index < count; index += 1) list[index] = ints[from + index] ?? 0;
  list.length = count;
  return from + count;
}

/**
 * Numbers a theme worker's words for the main thread, which maps each number to its own numbering
 * by the word (`WordMapping`). It does not look words up: a `ThemeAssigner` asks for
 * each word once per generation of its word table, and a word met again after the table starts
 * afresh takes a new number (mapped to the same word there). So it holds only the words of the
 * table's current `generation`, for {@link word}, not a dictionary of every word the worker has met
 * (at 1,000,000 records a map of about 190,000 words and their strings, some 10 MB a worker).
 */
export class WordNumberer {
  private words: string[] = [];
  private firstHeld = 0;
  private heldGeneration: number;
  private fresh: string[] = [];

  /** @param generation the generation of the word table the words come from (`ThemeAssigner.wordGeneration`). */
  constructor(private readonly generation: () => number) {
    this.heldGeneration = generation();
  }

  /** A new number for a word with this stem. */
  number(word: string, stem: string): number {
    const generation = this.generation();
    if (generation !== this.heldGeneration) {
      this.firstHeld += this.words.length;
      this.words = [];
      this.heldGeneration = generation;
    }
    this.words.push(word);
    this.fresh.push(word, stem);
    return this.firstHeld + this.words.length - 1;
  }

  /** The word with this number, numbered in the word table's current generation. */
  word(id: number): string {
    const word = this.words[id - this.firstHeld];
    if (word === undefined) throw new Error(`word ${id} was not numbered in the word table's current generation`);
    return word;
  }

  /** The words numbered since the last call, each as word then stem. */
  takeNew(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** What a worker found for one line. */
export interface AssignedLine {
  themeIds: string[];
  evidence: ThemeEvidence[];
}

const NOT_A_RECORD = -1;

/**
 * Packs the themes and evidence of a batch's lines (null for a line that is not a record). Per
 * line: the number of theme ids and their codebook indexes (or -1 alone for null); the number of
 * themes with evidence; per such theme its index, hit and veto counts, each hit as rule index,
 * start, end, and each veto as rule index, start, end, exclude index.
 */
export class EvidencePacker {
  private readonly ruleIndexes: Map<string, number>[];
  private readonly excludeIndexes: Map<string, number>[];
  private readonly themeIndexes: Map<string, number>;

  constructor(codebook: Pick<Codebook, 'themes'>) {
    this.ruleIndexes = codebook.themes.map((theme) => new Map(theme.rules.map((rule, index) => [positionKey(rule.position), index])));
    this.excludeIndexes = codebook.themes.map((theme) => new Map(theme.excludes.map((rule, index) => [positionKey(rule.position), index])));
    this.themeIndexes = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
  }

  /**
   * Whether every rule and exclude of each theme stands at its own place in the codebook, which is
   * how a packed hit names its rule (always so for a codebook read from a file).
   */
  static canPack(codebook: Pick<Codebook, 'themes'>): boolean {
    return codebook.themes.every(
      (theme) =>
        new Set(theme.rules.map((rule) => positionKey(rule.position))).size === theme.rules.length &&
        new Set(theme.excludes.map((rule) => positionKey(rule.position))).size === theme.excludes.length,
    );
  }

  pack(lines: readonly (AssignedLine | null)[]): Int32Array {
    const out: number[] = [];
    for (const line of lines) {
      if (line === null) {
        out.push(NOT_A_RECORD);
        continue;
      }
      out.push(line.themeIds.length);
      for (const id of line.themeIds) out.push(this.themeIndexes.get(id) ?? 0);
      const withEvidence = line.evidence.filter((entry) => entry.hits.length > 0 || entry.vetoed.length > 0);
      out.push(withEvidence.length);
      for (const entry of withEvidence) {
        const themeIndex = this.themeIndexes.get(entry.themeId) ?? 0;
        const rules = this.ruleIndexes[themeIndex];
        const excludes = this.excludeIndexes[themeIndex];
        out.push(themeIndex, entry.hits.length, entry.vetoed.length);
        for (const hit of entry.hits) out.push(rules?.get(positionKey(hit.position)) ?? 0, hit.start, hit.end);
        for (const hit of entry.vetoed) {
          out.push(rules?.get(positionKey(hit.position)) ?? 0, hit.start, hit.end, excludes?.get(positionKey(hit.byPosition)) ?? 0);
        }
      }
    }
    return Int32Array.from(out);
  }
}

function positionKey(position: { line: number; col: number }): string {
  return `${position.line}:${position.col}`;
}

/** Rebuilds the themes and evidence of each line from a packed answer, with the texts they point into. */
export function unpackEvidence(codebook: Pick<Codebook, 'themes'>, packed: Int32Array, texts: readonly string[]): (AssignedLine | null)[] {
  const empty = codebook.themes.map((theme) => Object.freeze({ themeId: theme.id, hits: [], vetoed: [] }) as ThemeEvidence);
  const lines: (AssignedLine | null)[] = [];
  let at = 0;
  const next = (): number => packed[at++] ?? 0;
  for (const text of texts) {
    const idCount = next();
    if (idCount === NOT_A_RECORD) {
      lines.push(null);
      continue;
    }
    const themeIds: string[] = [];
    for (let index = 0; index < idCount; index += 1) themeIds.push(codebook.themes[next()]?.id ?? '');
    const evidence = [...empty];
    const themesWithEvidence = next();
    for (let entry = 0; entry < themesWithEvidence; entry += 1) {
      const themeIndex = next();
      const theme = codebook.themes[themeIndex];
      const hitCount = next();
      const vetoCount = next();
      const hits: KeywordHit[] = [];
      const vetoed: VetoedHit[] = [];
      for (let index = 0; index < hitCount; index += 1) {
        const rule = theme?.rules[next()];
        const start = next();
        const end = next();
        hits.push({
          keyword: rule?.source ?? '',
          position: rule?.position ?? { line: 0, col: 0 },
          words: text.slice(start, end),
          start,
          end,
        });
      }
      for (let index = 0; index < vetoCount; index += 1) {
        const rule = theme?.rules[next()];
        const start = next();
        const end = next();
        const exclude = theme?.excludes[next()];
        vetoed.push({
          keyword: rule?.source ?? '',
          position: rule?.position ?? { line: 0, col: 0 },
          words: text.slice(start, end),
          start,
          end,
          by: exclude?.source ?? '',
          byPosition: exclude?.position ?? { line: 0, col: 0 },
        });
      }
      evidence[themeIndex] = { themeId: theme?.id ?? '', hits, vetoed };
    }
    lines.push({ themeIds, evidence });
  }
  return lines;
}
