import type { Codebook } from '../codebook/codebook.js';
import type { Channel, FeedbackRecord } from '../record/record.js';
import { SKETCH_BINS } from '../stats/near-duplicates.js';
import type { ThemeHits } from '../themes/theme-matcher.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { grownArray } from '../grown-array.js';
import { isCommonEnglishWord } from '../privacy/common-words.js';
import { isListedNameWord, isNameLikeWord } from '../privacy/person-names.js';
import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import { PublicationConsentReader } from '../privacy/publication-consent.js';
import { publishableText } from '../text/publishable-text.js';
import { createRedactor } from './publication-redactor.js';
import type { TextRedactor } from './text-redactor.js';
import { recordSource } from './record-source.js';
import { NO_ANSWER_KEY } from './theme-report.js';
import { RespondentGroupReader } from './respondent-group-reader.js';
import { voiceFactsOf, WordHashes, type VoiceFacts } from './voice-tally.js';
import { addGroupVoice, emptyGroupVoiceSets, groupNumberOf, mergeGroupVoiceSets, type GroupVoiceSets } from './group-voices.js';

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
  /**
   * Hits by keyword, and under each keyword by the words as written (spacing collapsed, lower
   * case), or as `[name]` where redaction takes them out of their record as a person's name (see
   * {@link NamedHits}).
   */
  words: Map<string, Map<string, number>>;
  /** Records per key; questions and sources as written, before they are published. */
  keyed: KeyedCounts;
  /** Records by their answer to the `report.groups` question, as written ({@link NO_ANSWER_KEY} for none); empty without the key. */
  groups: Map<string, number>;
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
  /** Records by their answer to the `report.groups` question, as written ({@link NO_ANSWER_KEY} for none); empty without the key. */
  groups: Map<string, number>;
  /** The questions (`meta.answers` keys) `report.groups` matched, as written. */
  groupQuestions: Set<string>;
  /** The distinct voices of each group, overall and per theme, as sets kept while reading; null without `report.groups`. */
  groupVoices: GroupVoiceSets | null;
  /** By codebook index. */
  themes: ThemeCounts[];
  /** Records in both themes, by `indexA * themes + indexB` (codebook indices, a < b). */
  pairs: Map<number, number>;
  /** `quotes: exclude:` entries that matched a record. */
  excludeMatched: Set<string>;
  /** The ids of the records never quoted: those `quotes: exclude:` named and those whose respondents did not agree to publication. */
  excludedIds: Set<string>;
  /** Records `quotes: exclude:` named. */
  excludedRecords: number;
  /** Records whose respondents did not agree to publication (never quoted unless `quotes.consent` is `ignore`). */
  withheldRecords: number;
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
    groups: new Map(),
    groupQuestions: new Set(),
    groupVoices: null,
    themes: Array.from({ length: themeCount }, () => ({
      count: 0,
      byChannel: new Map(),
      words: new Map(),
      keyed: emptyKeyed(),
      groups: new Map(),
      recordIds: [],
    })),
    pairs: new Map(),
    excludeMatched: new Set(),
    excludedIds: new Set(),
    excludedRecords: 0,
    withheldRecords: 0,
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
  addCounts(into.groups, from.groups);
  for (const question of from.groupQuestions) into.groupQuestions.add(question);
  if (from.groupVoices !== null) {
    into.groupVoices ??= emptyGroupVoiceSets(from.groupVoices.themeCount);
    mergeGroupVoiceSets(into.groupVoices, from.groupVoices);
  }
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
    addCounts(target.groups, theme.groups);
    for (const id of theme.recordIds) target.recordIds.push(id);
  });
  addCounts(into.pairs, from.pairs);
  for (const entry of from.excludeMatched) into.excludeMatched.add(entry);
  for (const id of from.excludedIds) into.excludedIds.add(id);
  into.excludedRecords += from.excludedRecords;
  into.withheldRecords += from.withheldRecords;
}

/**
 * What the report needs of one record beyond the {@link OrderFreeCounts}: the part of its
 * accounting that depends on the records before it (campaign grouping, voice examples, quote and
 * sample candidates), as numbers and its id, so that the record itself is read only when it could
 * be quoted.
 */
export interface RecordFacts extends VoiceFacts {
  id: string;
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

/** The most keys of one dimension a {@link SlotTally} numbers; keys past them are counted in their maps at once. */
const SLOT_KEYS = 1024;

/** Themes up to this many have their pairs counted in slots ({@link RecordFactExtractor}; a table of themes squared). */
const SLOT_PAIR_THEMES = 256;

/**
 * Counts by key and row (a theme, or all records) in numbered slots that are added to the rows'
 * maps only when the counts are read ({@link flush}): a record costs one increment per row, not a
 * map lookup and store. Keys are numbered as first met, up to {@link SLOT_KEYS}.
 */
class SlotTally<K> {
  private readonly ids = new Map<K, number>();
  private readonly keys: K[] = [];
  private slots: Int32Array;
  private pending = false;

  /** @param maps each row's map, which {@link flush} adds the counts to. */
  constructor(private readonly maps: readonly Map<K, number>[]) {
    this.slots = new Int32Array(maps.length * 16);
  }

  /** The number of a key, or -1 when {@link SLOT_KEYS} other keys are numbered (count it with {@link addKey}). */
  idOf(key: K): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    if (this.keys.length >= SLOT_KEYS) return -1;
    const id = this.keys.length;
    this.keys.push(key);
    this.ids.set(key, id);
    const needed = (id + 1) * this.maps.length;
    if (needed > this.slots.length) this.slots = grownArray(this.slots, Math.max(needed, this.slots.length * 2));
    return id;
  }

  /** Counts one for the key numbered `id` in a row. */
  add(id: number, row: number): void {
    const at = id * this.maps.length + row;
    this.slots[at] = (this.slots[at] ?? 0) + 1;
    this.pending = true;
  }

  /** Counts one for a key in a row: by its number when it has one (`id` from {@link idOf}), else in the row's map. */
  addKey(id: number, key: K, row: number): void {
    if (id >= 0) this.add(id, row);
    else {
      const map = this.maps[row];
      if (map !== undefined) increment(map, key);
    }
  }

  /** Adds the counts held in slots to the rows' maps, keys in the order first met, and empties the slots. */
  flush(): void {
    if (!this.pending) return;
    this.pending = false;
    const { slots, maps } = this;
    const rows = maps.length;
    for (let id = 0; id < this.keys.length; id += 1) {
      const key = this.keys[id] as K;
      for (let row = 0; row < rows; row += 1) {
        const count = slots[id * rows + row] ?? 0;
        const map = maps[row];
        if (count === 0 || map === undefined) continue;
        map.set(key, (map.get(key) ?? 0) + count);
      }
    }
    slots.fill(0);
  }
}

/**
 * Whether `index` is among the first `length` entries of a list refilled in place (a list emptied
 * by setting its length to 0 drops its backing store, so refilling it by `push` would allocate one
 * per record).
 */
function includesBefore(list: readonly number[], length: number, index: number): boolean {
  for (let at = 0; at < length; at += 1) if (list[at] === index) return true;
  return false;
}

/**
 * Tells which keyword hits are people's names in their record, as the published report redacts
 * that record (the codebook's `redact:` policy, `keep_names` kept): a codebook keyword that is
 * someone's name (`sarah`, a surname that is also a given name) matches that name, and the words
 * that matched are published as the report's "words that matched most", so such a hit is counted
 * as `[name]`, not as its words. Only hits with a word the name lexicons list (see
 * {@link isListedNameWord}) or a word no lexicon knows that may be a name and is no common
 * English word (`Kaelynn`, see {@link isNameLikeWord} and {@link isCommonEnglishWord}; not
 * `Community` or `Mental` opening a sentence) are asked, so that a record is redacted here only
 * when a keyword could be a name; the last record's redacted text is kept for its other hits.
 */
class NamedHits {
  private record: FeedbackRecord | null = null;
  /** Whether hits' words, as written, hold a word the name lexicons list: a keyword's few forms recur on every record. */
  private readonly listed = new Map<string, boolean>();
  private plain = '';
  private redacted = '';

  constructor(private readonly redact: TextRedactor) {}

  /**
   * True when `words`, a hit in `record` as written there, are taken out of it by redaction as a
   * name: fewer of them are left in it once redacted. Only words written with a capital are asked,
   * as names are written: a keyword that is also a common word (`ward`, a surname, in the bundled
   * codebook) matches it in lower case in far more records than it names anyone, and each record
   * asked is redacted whole.
   */
  isNamed(record: FeedbackRecord, words: string): boolean {
    if (!CAPITAL_LETTER.test(words)) return false;
    let listed = this.listed.get(words);
    if (listed === undefined) {
      listed = (words.match(LETTERS) ?? []).some((word) => isListedNameWord(word) || (isNameLikeWord(word) && !isCommonEnglishWord(word)));
      if (this.listed.size >= LISTED_KEPT) this.listed.clear();
      this.listed.set(words, listed);
    }
    if (!listed) return false;
    if (this.record !== record) {
      this.record = record;
      this.plain = publishableText(record.text);
      this.redacted = this.redact(record.text).text;
    }
    const written = new RegExp(
      `(?<![\\p{L}\\p{M}\\p{N}])${words
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
        .replace(/\s+/gu, '\\s+')}(?![\\p{L}\\p{M}\\p{N}])`,
      'giu',
    );
    return (this.redacted.match(written) ?? []).length < (this.plain.match(written) ?? []).length;
  }
}

const LETTERS = /[\p{L}\p{M}'’]+/gu;
const CAPITAL_LETTER = /\p{Lu}/u;
/** The most hits' words {@link NamedHits} remembers before it starts again. */
const LISTED_KEPT = 4096;

/** Counts a hit's words (spacing collapsed, lower case) under its keyword in a theme's counts. */
function countWords(theme: ThemeCounts, keyword: string, words: string): void {
  let forms = theme.words.get(keyword);
  if (forms === undefined) {
    forms = new Map();
    theme.words.set(keyword, forms);
  }
  increment(forms, spacedLowerCase(words));
}

/**
 * The number of distinct keywords among `count` hits, `keywordAt(index)` giving each one's keyword:
 * compared pairwise up to {@link DISTINCT_BY_SCAN} hits, in a set beyond, so a text with many hits
 * costs no more than linear time.
 */
function distinctKeywords(count: number, keywordAt: (index: number) => string | undefined): number {
  if (count <= 1) return count;
  if (count > DISTINCT_BY_SCAN) {
    const seen = new Set<string | undefined>();
    for (let index = 0; index < count; index += 1) seen.add(keywordAt(index));
    return seen.size;
  }
  let distinct = 0;
  for (let index = 0; index < count; index += 1) {
    const keyword = keywordAt(index);
    let before = 0;
    while (before < index && keywordAt(before) !== keyword) before += 1;
    if (before === index) distinct += 1;
  }
  return distinct;
}

/** Up to this many hits, {@link distinctKeywords} compares them pairwise rather than build a set. */
const DISTINCT_BY_SCAN = 16;

/** No key: a record with no question, source or date. */
const NO_KEY = -2;

/**
 * Reads the facts of themed records one at a time: adds what does not depend on their order to
 * its {@link counts} and returns the rest as {@link RecordFacts}. The same on any thread, so a
 * report built from facts found on worker threads is the one built on a single thread.
 */
export class RecordFactExtractor {
  private readonly held: OrderFreeCounts;
  private readonly filled = emptyRecordFacts();
  private readonly themeIndex: Map<string, number>;
  /** Theme ids by codebook index. */
  private readonly themeIds: readonly string[];
  /** Per theme (codebook index): its ancestors' indices, nearest first. */
  private readonly ancestors: number[][];
  private readonly excludeEntries: ReadonlySet<string>;
  private readonly consent: PublicationConsentReader;
  private readonly respectConsent: boolean;
  private readonly hashes: WordHashes;
  private readonly themeCount: number;
  /** Counts by channel and by each keyed dimension: a row per theme, then the row of all records. */
  private readonly channels: SlotTally<Channel>;
  private readonly keyed: Record<KeyedDimension, SlotTally<string>>;
  /** With at most {@link SLOT_PAIR_THEMES} themes: records in both themes, by `indexA * themes + indexB`, not yet in the map. */
  private readonly pairSlots: Int32Array | null;
  private pairsPending = false;
  private lastChannel = '';
  private lastChannelId = 0;
  private lastFile: string | null = null;
  private lastFileSource: string | null = null;
  private lastFileSourceId = NO_KEY;
  private lastMonth = '';
  private lastMonthId = NO_KEY;
  private lastQuestion: string | null = null;
  private lastQuestionId = NO_KEY;
  /** Reads each record's answer to the `report.groups` question; null when the report has no group breakdown. */
  private readonly groups: RespondentGroupReader | null;
  /** Which hits are names in their record; null when the codebook's policy leaves names in. */
  private readonly namedHits: NamedHits | null;

  /**
   * @param wordOf the word with a number, in the numbering of the word ids {@link extract} is given.
   * @param traceRecordIds whether each theme keeps its records' ids.
   */
  constructor(
    codebook: Pick<Codebook, 'themes' | 'quotes' | 'report'> & Partial<Pick<Codebook, 'redaction' | 'keepNames'>>,
    wordOf: (id: number) => string,
    private readonly traceRecordIds: boolean,
  ) {
    this.themeCount = codebook.themes.length;
    const counts = emptyOrderFreeCounts(this.themeCount);
    this.held = counts;
    this.themeIndex = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
    this.themeIds = codebook.themes.map((theme) => theme.id);
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
    this.consent = new PublicationConsentReader();
    this.respectConsent = codebook.quotes.consent === 'respect';
    this.groups = codebook.report.groups === null ? null : new RespondentGroupReader(codebook.report.groups, counts.groupQuestions);
    if (this.groups !== null) counts.groupVoices = emptyGroupVoiceSets(this.themeCount);
    this.hashes = new WordHashes(wordOf);
    this.channels = new SlotTally([...counts.themes.map((theme) => theme.byChannel), counts.byChannel]);
    const keyedTally = (dimension: KeyedDimension): SlotTally<string> =>
      new SlotTally([...counts.themes.map((theme) => theme.keyed[dimension]), counts.keyed[dimension]]);
    this.keyed = { question: keyedTally('question'), source: keyedTally('source'), month: keyedTally('month') };
    this.pairSlots = this.themeCount <= SLOT_PAIR_THEMES ? new Int32Array(this.themeCount * this.themeCount) : null;
    const { redaction } = codebook;
    this.namedHits =
      redaction === undefined || !redaction.kinds.has('name')
        ? null
        : new NamedHits(createRedactor({ redaction, keepNames: codebook.keepNames ?? [] }));
  }

  /** A hit's words as the report counts them: `[name]` when redaction takes them out of the record as a name (see {@link NamedHits}). */
  private publishedWords(record: FeedbackRecord, words: string): string {
    return this.namedHits?.isNamed(record, words) === true ? REDACTION_TOKENS.name : words;
  }

  /**
   * The order-free counts of the records read so far (the same object each time, which counts
   * merged into it stay in).
   */
  get counts(): OrderFreeCounts {
    this.channels.flush();
    for (const dimension of KEYED_DIMENSIONS) this.keyed[dimension].flush();
    this.flushPairs();
    return this.held;
  }

  /**
   * Counts a themed record whose words (its tokens, numbered) are `wordIds`, and returns its
   * facts (the same object each time: read them before the next call).
   */
  extract(themed: ThemedRecord, wordIds: ArrayLike<number>): RecordFacts {
    const own = this.ownThemes;
    let ownCount = 0;
    for (const themeId of themed.themeIds) {
      const index = this.themeIndex.get(themeId);
      if (index !== undefined) own[ownCount++] = index;
    }
    if (!this.countRecord(themed.record, themed.themeIds.length > 0, own, ownCount, wordIds)) return this.filled;
    const { quoted } = this.filled;
    const { evidence } = themed;
    let quotedLength = 0;
    for (let at = 0; at < ownCount; at += 1) {
      const index = own[at] ?? 0;
      const theme = this.held.themes[index];
      if (theme === undefined) continue;
      const themeId = this.themeIds[index];
      const inPlace = evidence[index];
      const hits = (inPlace?.themeId === themeId ? inPlace : evidence.find((each) => each.themeId === themeId))?.hits ?? [];
      for (const hit of hits) countWords(theme, hit.keyword, this.publishedWords(themed.record, hit.words));
      quoted[quotedLength++] = index;
      quoted[quotedLength++] = distinctKeywords(hits.length, (hit) => hits[hit]?.keyword);
    }
    quoted.length = quotedLength;
    return this.filled;
  }

  /**
   * {@link extract} for a record assigned without evidence objects: the codebook indices of its
   * themes (as a `ThemeAssigner` chooses them, ascending) and their hits that count.
   */
  extractHits(record: FeedbackRecord, themes: ArrayLike<number>, hits: ThemeHits, wordIds: ArrayLike<number>): RecordFacts {
    if (!this.countRecord(record, themes.length > 0, themes, themes.length, wordIds)) return this.filled;
    const { quoted } = this.filled;
    const { text } = record;
    const { keywords, starts, ends } = hits;
    let quotedLength = 0;
    for (let at = 0; at < themes.length; at += 1) {
      const index = themes[at] ?? 0;
      const theme = this.held.themes[index];
      if (theme === undefined) continue;
      const first = hits.firstHitOf(index);
      const last = first + hits.hitsOf(index);
      for (let hit = first; hit < last; hit += 1) {
        countWords(theme, keywords[hit] ?? '', this.publishedWords(record, text.slice(starts[hit] ?? 0, ends[hit] ?? 0)));
      }
      quoted[quotedLength++] = index;
      quoted[quotedLength++] = distinctKeywords(last - first, (hit) => keywords[first + hit]);
    }
    quoted.length = quotedLength;
    return this.filled;
  }

  /** The facts {@link extract} fills and returns, the same object each time. */
  get facts(): RecordFacts {
    return this.filled;
  }

  /** A record's own themes' indices, reused from record to record. */
  private readonly ownThemes: number[] = [];

  /**
   * Counts what does not depend on a record's hits and fills its facts but `quoted`, from its own
   * themes' indices (the first `ownCount` of `own`). False when it has no theme (its facts are then
   * complete).
   */
  private countRecord(
    record: FeedbackRecord,
    themed: boolean,
    own: ArrayLike<number>,
    ownCount: number,
    wordIds: ArrayLike<number>,
  ): boolean {
    const counts = this.held;
    const facts = this.filled;
    const all = this.themeCount;
    counts.total += 1;
    const channel = this.channelIdOf(record.channel);
    this.channels.add(channel, all);
    if (record.date === null) counts.undated += 1;
    else {
      if (counts.from === null || record.date < counts.from) counts.from = record.date;
      if (counts.to === null || record.date > counts.to) counts.to = record.date;
    }
    const question = this.questionOf(record);
    const questionId = this.lastQuestionId;
    const source = this.sourceOf(record);
    const sourceId = this.lastFileSourceId;
    const month = record.date === null ? null : this.monthOf(record.date);
    const monthId = this.lastMonthId;
    this.addKeys(all, question, questionId, source, sourceId, month, monthId);
    const group = this.groups === null ? null : this.groups.groupOf(record);
    if (group !== null) increment(counts.groups, group);
    facts.id = record.id;
    facts.channel = record.channel;
    const excluded = this.isExcluded(record);
    facts.excluded = (this.countDeclined(record) && this.respectConsent) || excluded;
    facts.themed = themed;
    facts.tier = record.text.length >= GOOD_QUOTE_MIN && record.text.length <= GOOD_QUOTE_MAX ? 0 : 1;
    const counted = facts.counted;
    let countedLength = 0;
    for (let at = 0; at < ownCount; at += 1) {
      const index = own[at] ?? 0;
      if (!includesBefore(counted, countedLength, index)) counted[countedLength++] = index;
      for (const ancestor of this.ancestors[index] ?? [])
        if (!includesBefore(counted, countedLength, ancestor)) counted[countedLength++] = ancestor;
    }
    counted.length = countedLength;
    voiceFactsOf(record, wordIds, this.hashes, facts);
    if (group !== null) this.countGroupVoice(group, facts.voice, counted, countedLength);
    if (!themed) {
      facts.quoted.length = 0;
      counts.unthemed += 1;
      return false;
    }
    this.countPairs(counted);
    for (let at = 0; at < countedLength; at += 1) {
      const index = counted[at] ?? 0;
      const theme = counts.themes[index];
      if (theme === undefined) continue;
      theme.count += 1;
      if (this.traceRecordIds) theme.recordIds.push(record.id);
      this.addKeys(index, question, questionId, source, sourceId, month, monthId);
      if (group !== null) increment(theme.groups, group);
      this.channels.add(channel, index);
    }
    return true;
  }

  /** The group of the record before, and its number in the held sets (numbers never change once given). */
  private lastGroup: string | null = null;
  private lastGroupNumber = 0;

  /** Adds a record's voice to its group's, and to those of the themes it counts in within the group. */
  private countGroupVoice(group: string, voice: number, counted: readonly number[], countedLength: number): void {
    const sets = this.held.groupVoices;
    if (sets === null) return;
    if (group !== this.lastGroup) {
      this.lastGroup = group;
      this.lastGroupNumber = groupNumberOf(sets, group);
    }
    addGroupVoice(sets, voice, this.lastGroupNumber, counted, countedLength);
  }

  private channelIdOf(channel: Channel): number {
    if (channel !== this.lastChannel) {
      this.lastChannel = channel;
      this.lastChannelId = this.channels.idOf(channel);
    }
    return this.lastChannelId;
  }

  private addKeys(
    row: number,
    question: string | null,
    questionId: number,
    source: string | null,
    sourceId: number,
    month: string | null,
    monthId: number,
  ): void {
    const { keyed } = this;
    if (question !== null) keyed.question.addKey(questionId, question, row);
    if (source !== null) keyed.source.addKey(sourceId, source, row);
    if (month !== null) keyed.month.addKey(monthId, month, row);
  }

  /** The record's question (trimmed), or null; its number in {@link lastQuestionId}. */
  private questionOf(record: FeedbackRecord): string | null {
    const question = questionOf(record);
    if (question !== this.lastQuestion) {
      this.lastQuestion = question;
      this.lastQuestionId = question === null ? NO_KEY : this.keyed.question.idOf(question);
    }
    return question;
  }

  /**
   * {@link recordSource}, the same string as for the record before when it came from the same
   * file (as runs of records do): kept as one key, not built and hashed again per record. Its
   * number goes in {@link lastFileSourceId}.
   */
  private sourceOf(record: FeedbackRecord): string | null {
    if (record.meta['postTitle'] !== undefined || record.meta['subject'] !== undefined) {
      const source = recordSource(record);
      this.lastFile = null;
      this.lastFileSource = source;
      this.lastFileSourceId = source === null ? NO_KEY : this.keyed.source.idOf(source);
      return source;
    }
    const { file } = record.provenance;
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileSource = recordSource(record);
      this.lastFileSourceId = this.lastFileSource === null ? NO_KEY : this.keyed.source.idOf(this.lastFileSource);
    }
    return this.lastFileSource;
  }

  /** The month (`YYYY-MM`) of a date, the same string as for the record before when it was in the same month; its number in {@link lastMonthId}. */
  private monthOf(date: string): string {
    if (!date.startsWith(this.lastMonth) || this.lastMonth.length !== 7) {
      this.lastMonth = date.slice(0, 7);
      this.lastMonthId = this.keyed.month.idOf(this.lastMonth);
    }
    return this.lastMonth;
  }

  /** True when `quotes: exclude:` names the record, by tlap's id or by the export's own id; counts it. */
  private isExcluded(record: FeedbackRecord): boolean {
    if (this.excludeEntries.size === 0) return false;
    const entries = [record.id, record.sourceId].filter((id) => this.excludeEntries.has(id));
    if (entries.length === 0) return false;
    for (const entry of entries) this.held.excludeMatched.add(entry);
    this.held.excludedIds.add(record.id);
    this.held.excludedRecords += 1;
    return true;
  }

  /** Whether the record's respondent did not agree to publication; counted (and, when consent is respected, never quoted) when so. */
  private countDeclined(record: FeedbackRecord): boolean {
    if (this.consent.consentOf(record) !== 'declined') return false;
    if (this.respectConsent) this.held.excludedIds.add(record.id);
    this.held.withheldRecords += 1;
    return true;
  }

  private countPairs(counted: readonly number[]): void {
    if (counted.length < 2) return;
    const themes = this.themeCount;
    const slots = this.pairSlots;
    for (let i = 0; i < counted.length; i += 1) {
      const a = counted[i] ?? 0;
      for (let j = i + 1; j < counted.length; j += 1) {
        const b = counted[j] ?? 0;
        const key = a < b ? a * themes + b : b * themes + a;
        if (slots === null) increment(this.held.pairs, key);
        else slots[key] = (slots[key] ?? 0) + 1;
      }
    }
    this.pairsPending = slots !== null;
  }

  private flushPairs(): void {
    const slots = this.pairSlots;
    if (!this.pairsPending || slots === null) return;
    this.pairsPending = false;
    const { pairs } = this.held;
    for (let key = 0; key < slots.length; key += 1) {
      const count = slots[key] ?? 0;
      if (count !== 0) pairs.set(key, (pairs.get(key) ?? 0) + count);
    }
    slots.fill(0);
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

/**
 * Keyed counts as a table prints them: questions and sources through `publish` (counts of keys
 * that publish alike added up), months as they are.
 */
export function publishedKeyedCounts(keyed: KeyedCounts, publish: (text: string, dimension: 'question' | 'source') => string): KeyedCounts {
  const published = emptyKeyed();
  for (const dimension of ['question', 'source'] as const) {
    const shown = published[dimension];
    for (const [key, count] of keyed[dimension]) {
      const text = publish(key, dimension);
      shown.set(text, (shown.get(text) ?? 0) + count);
    }
  }
  for (const [key, count] of keyed.month) published.month.set(key, count);
  return published;
}
