import type { Codebook } from '../codebook/codebook.js';
import type { Channel, FeedbackRecord } from '../record/record.js';
import { SKETCH_BINS } from '../stats/near-duplicates.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { recordSource } from './record-source.js';
import { voiceFactsOf, WordHashes, type VoiceFacts } from './voice-tally.js';

/** The dimensions kept per theme beside the channel, in the order reports show them. */
export const KEYED_DIMENSIONS = ['question', 'source', 'month'] as const;
/** One of {@link KEYED_DIMENSIONS}. */
export type KeyedDimension = (typeof KEYED_DIMENSIONS)[number];
/** Records per key, for each keyed dimension. */
export type KeyedCounts = Record<KeyedDimension, Map<string, number>>;

/** A theme's counts that do not depend on the order records come in. */
export interface ThemeCounts {
  count: number;
  byChannel: Map<Channel, number>;
  /** Hits by keyword, and under each keyword by the words as written (spacing collapsed, lower case). */
  words: Map<string, Map<string, number>>;
  /** Records per key; questions and sources as written, before they are published. */
  keyed: KeyedCounts;
  /** Its records' ids, when kept (the report sorts them). */
  recordIds: string[];
}

/**
 * The counts of a report that do not depend on the order records come in (sums, extremes and
 * sets), so that counts kept on several threads add up to those kept on one
 * ({@link mergeOrderFreeCounts}). Questions and sources are kept as written: they are published
 * (redacted) once, when the report is finished.
 */
export interface OrderFreeCounts {
  total: number;
  unthemed: number;
  undated: number;
  from: string | null;
  to: string | null;
  byChannel: Map<Channel, number>;
  keyed: KeyedCounts;
  /** By codebook index. */
  themes: ThemeCounts[];
  /** Records in both themes, by `indexA * themes + indexB` (codebook indices, a < b). */
  pairs: Map<number, number>;
  /** `quotes: exclude:` entries that matched a record. */
  excludeMatched: Set<string>;
  /** The ids of the records `quotes: exclude:` named. */
  excludedIds: Set<string>;
  excludedRecords: number;
}

function emptyKeyed(): KeyedCounts {
  return { question: new Map(), source: new Map(), month: new Map() };
}

/** Counts of no record, for a codebook of `themeCount` themes. */
export function emptyOrderFreeCounts(themeCount: number): OrderFreeCounts {
  return {
    total: 0,
    unthemed: 0,
    undated: 0,
    from: null,
    to: null,
    byChannel: new Map(),
    keyed: emptyKeyed(),
    themes: Array.from({ length: themeCount }, () => ({
      count: 0,
      byChannel: new Map(),
      words: new Map(),
      keyed: emptyKeyed(),
      recordIds: [],
    })),
    pairs: new Map(),
    excludeMatched: new Set(),
    excludedIds: new Set(),
    excludedRecords: 0,
  };
}

function addCounts<K>(into: Map<K, number>, from: ReadonlyMap<K, number>): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

function addKeyed(into: KeyedCounts, from: KeyedCounts): void {
  for (const dimension of KEYED_DIMENSIONS) addCounts(into[dimension], from[dimension]);
}

/** Adds `from` (counts kept elsewhere, over other records) to `into`. */
export function mergeOrderFreeCounts(into: OrderFreeCounts, from: OrderFreeCounts): void {
  into.total += from.total;
  into.unthemed += from.unthemed;
  into.undated += from.undated;
  if (from.from !== null && (into.from === null || from.from < into.from)) into.from = from.from;
  if (from.to !== null && (into.to === null || from.to > into.to)) into.to = from.to;
  addCounts(into.byChannel, from.byChannel);
  addKeyed(into.keyed, from.keyed);
  from.themes.forEach((theme, index) => {
    const target = into.themes[index];
    if (target === undefined) return;
    target.count += theme.count;
    addCounts(target.byChannel, theme.byChannel);
    for (const [keyword, forms] of theme.words) {
      let held = target.words.get(keyword);
      if (held === undefined) {
        held = new Map();
        target.words.set(keyword, held);
      }
      addCounts(held, forms);
    }
    addKeyed(target.keyed, theme.keyed);
    for (const id of theme.recordIds) target.recordIds.push(id);
  });
  addCounts(into.pairs, from.pairs);
  for (const entry of from.excludeMatched) into.excludeMatched.add(entry);
  for (const id of from.excludedIds) into.excludedIds.add(id);
  into.excludedRecords += from.excludedRecords;
}

/**
 * What the report needs of one record beyond the {@link OrderFreeCounts}: the part of its
 * accounting that depends on the records before it (campaign grouping, voice examples, quote and
 * sample candidates), as numbers and its id, so that the record itself is read only when it could
 * be quoted.
 */
export interface RecordFacts extends VoiceFacts {
  id: string;
  channel: Channel;
  /** Whether it has a theme. */
  themed: boolean;
  /** Whether `quotes: exclude:` names it. */
  excluded: boolean;
  /** Codebook indices of the themes it counts in: its own, each followed by its ancestors not yet listed. */
  counted: number[];
  /** Per theme of its own, in its order: the theme's codebook index, then how many of its keywords it matched. */
  quoted: number[];
  /** 0 for a text of a good length for a quote, else 1. */
  tier: number;
}

/** Quote lengths that read well in a summary. */
const GOOD_QUOTE_MIN = 40;
const GOOD_QUOTE_MAX = 400;

/** An empty {@link RecordFacts}, with room for one sketch. */
export function emptyRecordFacts(): RecordFacts {
  return {
    id: '',
    channel: 'survey',
    themed: false,
    excluded: false,
    counted: [],
    quoted: [],
    tier: 0,
    voice: 0,
    words: 0,
    sketch: new Uint8Array(SKETCH_BINS),
    sketchAt: 0,
    wording: 0,
  };
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * Reads the facts of themed records one at a time: adds what does not depend on their order to
 * its {@link counts} and returns the rest as {@link RecordFacts}. The same on any thread, so a
 * report built from facts found on worker threads is the one built on a single thread.
 */
export class RecordFactExtractor {
  /** The order-free counts of the records read so far. */
  readonly counts: OrderFreeCounts;
  private readonly facts = emptyRecordFacts();
  private readonly themeIndex: Map<string, number>;
  /** Per theme (codebook index): its ancestors' indices, nearest first. */
  private readonly ancestors: number[][];
  private readonly excludeEntries: ReadonlySet<string>;
  private readonly hashes: WordHashes;
  private readonly themeCount: number;
  private lastFile: string | null = null;
  private lastFileSource: string | null = null;
  private lastMonth = '';

  /**
   * @param wordOf the word with a number, in the numbering of the word ids {@link extract} is given.
   * @param traceRecordIds whether each theme keeps its records' ids.
   */
  constructor(
    codebook: Pick<Codebook, 'themes' | 'quotes'>,
    wordOf: (id: number) => string,
    private readonly traceRecordIds: boolean,
  ) {
    this.themeCount = codebook.themes.length;
    this.counts = emptyOrderFreeCounts(this.themeCount);
    this.themeIndex = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
    const parentOf = new Map(codebook.themes.map((theme) => [theme.id, theme.parent]));
    this.ancestors = codebook.themes.map((theme) => {
      const chain: string[] = [];
      let parent = theme.parent;
      while (parent !== null && !chain.includes(parent) && chain.length < codebook.themes.length) {
        chain.push(parent);
        parent = parentOf.get(parent) ?? null;
      }
      return chain.map((id) => this.themeIndex.get(id) ?? -1).filter((index) => index >= 0);
    });
    this.excludeEntries = new Set(codebook.quotes.exclude);
    this.hashes = new WordHashes(wordOf);
  }

  /**
   * Counts a themed record whose words (its tokens, numbered) are `wordIds`, and returns its
   * facts (the same object each time: read them before the next call).
   */
  extract(themed: ThemedRecord, wordIds: ArrayLike<number>): RecordFacts {
    const { record } = themed;
    const counts = this.counts;
    const facts = this.facts;
    counts.total += 1;
    increment(counts.byChannel, record.channel);
    if (record.date === null) counts.undated += 1;
    else {
      if (counts.from === null || record.date < counts.from) counts.from = record.date;
      if (counts.to === null || record.date > counts.to) counts.to = record.date;
    }
    const question = questionOf(record);
    const source = this.sourceOf(record);
    const month = record.date === null ? null : this.monthOf(record.date);
    addKeys(counts.keyed, question, source, month);
    facts.id = record.id;
    facts.channel = record.channel;
    facts.excluded = this.isExcluded(record);
    facts.themed = themed.themeIds.length > 0;
    facts.tier = record.text.length >= GOOD_QUOTE_MIN && record.text.length <= GOOD_QUOTE_MAX ? 0 : 1;
    const counted = facts.counted;
    counted.length = 0;
    facts.quoted.length = 0;
    for (const themeId of themed.themeIds) {
      const index = this.themeIndex.get(themeId);
      if (index === undefined) continue;
      if (!counted.includes(index)) counted.push(index);
      for (const ancestor of this.ancestors[index] ?? []) if (!counted.includes(ancestor)) counted.push(ancestor);
    }
    voiceFactsOf(record, wordIds, this.hashes, facts);
    if (!facts.themed) {
      counts.unthemed += 1;
      return facts;
    }
    this.countPairs(counted);
    for (const index of counted) {
      const theme = counts.themes[index];
      if (theme === undefined) continue;
      theme.count += 1;
      if (this.traceRecordIds) theme.recordIds.push(record.id);
      addKeys(theme.keyed, question, source, month);
      increment(theme.byChannel, record.channel);
    }
    for (const themeId of themed.themeIds) {
      const index = this.themeIndex.get(themeId);
      const theme = index === undefined ? undefined : counts.themes[index];
      if (index === undefined || theme === undefined) continue;
      const inPlace = themed.evidence[index];
      const hits = (inPlace?.themeId === themeId ? inPlace : themed.evidence.find((evidence) => evidence.themeId === themeId))?.hits ?? [];
      const keywords = hits.length > 1 ? new Set<string>() : null;
      for (const hit of hits) {
        keywords?.add(hit.keyword);
        let forms = theme.words.get(hit.keyword);
        if (forms === undefined) {
          forms = new Map();
          theme.words.set(hit.keyword, forms);
        }
        increment(forms, spacedLowerCase(hit.words));
      }
      facts.quoted.push(index, keywords === null ? hits.length : keywords.size);
    }
    return facts;
  }

  /**
   * {@link recordSource}, the same string as for the record before when it came from the same
   * file (as runs of records do): kept as one key, not built and hashed again per record.
   */
  private sourceOf(record: FeedbackRecord): string | null {
    if (record.meta['postTitle'] !== undefined || record.meta['subject'] !== undefined) return recordSource(record);
    const { file } = record.provenance;
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileSource = recordSource(record);
    }
    return this.lastFileSource;
  }

  /** The month (`YYYY-MM`) of a date, the same string as for the record before when it was in the same month. */
  private monthOf(date: string): string {
    if (!date.startsWith(this.lastMonth) || this.lastMonth.length !== 7) this.lastMonth = date.slice(0, 7);
    return this.lastMonth;
  }

  /** True when `quotes: exclude:` names the record, by tlap's id or by the export's own id; counts it. */
  private isExcluded(record: FeedbackRecord): boolean {
    if (this.excludeEntries.size === 0) return false;
    const entries = [record.id, record.sourceId].filter((id) => this.excludeEntries.has(id));
    if (entries.length === 0) return false;
    for (const entry of entries) this.counts.excludeMatched.add(entry);
    this.counts.excludedIds.add(record.id);
    this.counts.excludedRecords += 1;
    return true;
  }

  /** {@link countPairs}' themes in ascending order, reused from record to record (a sorted copy per record cost more than its counting). */
  private readonly pairIndices: number[] = [];

  private countPairs(counted: readonly number[]): void {
    if (counted.length < 2) return;
    const indices = this.pairIndices;
    indices.length = 0;
    for (const index of counted) {
      let at = indices.length;
      for (; at > 0 && (indices[at - 1] ?? 0) > index; at -= 1) indices[at] = indices[at - 1] ?? 0;
      indices[at] = index;
    }
    for (let i = 0; i < indices.length; i += 1) {
      for (let j = i + 1; j < indices.length; j += 1) {
        increment(this.counts.pairs, (indices[i] ?? 0) * this.themeCount + (indices[j] ?? 0));
      }
    }
  }
}

const WHITE_SPACE = /\s/;
const WHITE_SPACE_RUNS = /\s+/g;

/** The words of a hit with each run of white space made one space, in lower case. */
export function spacedLowerCase(words: string): string {
  if (isSpacedLowerAscii(words)) return words;
  return (WHITE_SPACE.test(words) ? words.replace(WHITE_SPACE_RUNS, ' ') : words).toLowerCase();
}

const SPACE = 0x20;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const ASCII_END = 0x80;

/**
 * The longest words {@link spacedLowerCase} may give back as they are: V8 copies a string this
 * short when it is cut out of another, so a form kept as a key keeps no record's text alive.
 */
const KEPT_AS_IS = 12;

/**
 * Whether words are ASCII without capitals, control units or white space but single spaces, and
 * short (see {@link KEPT_AS_IS}): what {@link spacedLowerCase} can give back as they are (most hits).
 */
function isSpacedLowerAscii(words: string): boolean {
  if (words.length > KEPT_AS_IS) return false;
  for (let index = 0; index < words.length; index += 1) {
    const code = words.charCodeAt(index);
    if (code >= ASCII_END || (code >= UPPER_A && code <= UPPER_Z) || code < SPACE) return false;
    if (code === SPACE && words.charCodeAt(index + 1) === SPACE) return false;
  }
  return true;
}

function questionOf(record: FeedbackRecord): string | null {
  const question = record.meta['question'];
  return typeof question === 'string' && question.trim() !== '' ? question.trim() : null;
}

function addKeys(keyed: KeyedCounts, question: string | null, source: string | null, month: string | null): void {
  if (question !== null) increment(keyed.question, question);
  if (source !== null) increment(keyed.source, source);
  if (month !== null) increment(keyed.month, month);
}

/**
 * Keyed counts as a table prints them: questions and sources through `publish` (counts of keys
 * that publish alike added up), months as they are.
 */
export function publishedKeyedCounts(keyed: KeyedCounts, publish: (text: string) => string): KeyedCounts {
  const published = emptyKeyed();
  for (const dimension of ['question', 'source'] as const) {
    const shown = published[dimension];
    for (const [key, count] of keyed[dimension]) {
      const text = publish(key);
      shown.set(text, (shown.get(text) ?? 0) + count);
    }
  }
  for (const [key, count] of keyed.month) published.month.set(key, count);
  return published;
}
