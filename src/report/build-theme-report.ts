import type { Codebook } from '../codebook/codebook.js';
import { CHANNELS, type Channel, type FeedbackRecord } from '../record/record.js';
import { termsOf } from '../stats/distinctive-terms.js';
import {
  distinctiveNumberedTerms,
  NumberedTermTally,
  visitNumberedTerms,
  WordMapping,
  WordNumbering,
  type WordRun,
} from '../stats/numbered-terms.js';
import { compareCodeUnits } from './code-unit-order.js';
import { keepFirst } from '../stats/keep-first.js';
import { normaliseText, type Token } from '../text/normalise.js';
import { RecordIdSet } from '../store/record-id-set.js';
import type { ThemedRecord } from '../themes/themed-record.js';
import { DEFAULT_DISCLOSURE_RULE, protectBreakdown, protectCell, protectVoices, type DisclosureRule } from './disclosure-control.js';
import { groupVoicesByKey, type KeyedGroupVoices } from './group-voices.js';
import { keyFindings } from './key-findings.js';
import { isGivenOrFamilyName, isNameKeyword, isNameLikeWord, isUnlistedNameLikeWord } from '../privacy/person-names.js';
import { REDACTION_TOKENS } from '../privacy/personal-data-kinds.js';
import { publishedCodebookFile, publishedFileNames, redactedFileSource } from './published-file-names.js';
import { recordContext } from './record-context.js';
import { withheldWords, wordsPattern } from './withheld-words.js';
import { markUnpunctuatedParagraphs, shortenText } from '../text/shortened-text.js';
import {
  emptyRecordFacts,
  mergeOrderFreeCounts,
  publishedKeyedCounts,
  RecordFactExtractor,
  type KeyedCounts,
  type OrderFreeCounts,
  type RecordFacts,
  type ThemeCounts,
} from './record-facts.js';
import { VoiceTally, type VoiceCounts } from './voice-tally.js';
import { protectRollUps } from './roll-up-protection.js';
import {
  BREAKDOWN_MAX_KEYS,
  CAMPAIGNS_LISTED,
  type Campaign,
  QUOTE_MAX_CHARS,
  type Breakdown,
  type BreakdownDimension,
  type ChannelCount,
  type CoOccurrence,
  type MatchedWords,
  NO_ANSWER_KEY,
  type Quote,
  type RespondentGroups,
  type ThemePair,
  type ThemeReport,
  type ThemeSummary,
  type UnthemedTerm,
} from './theme-report.js';
import type { TextRedactor } from './text-redactor.js';
import { KeptUnthemedWords } from './kept-unthemed-words.js';
import { allocateQuotes, holdsRedactionToken, QuotePool, type PublishedQuoteText } from './quote-selection.js';

/** How many quotes per theme, and unthemed samples. */
const QUOTES_PER_THEME = 3;
const UNTHEMED_SAMPLE = 5;
/** Unthemed records kept for the sample, so clean ones can stand in for those holding a redaction token. */
const UNTHEMED_SAMPLE_POOL = 15;

/** Options for building a report. */
export interface BuildReportOptions {
  /** Redacts personal data from every quote. */
  redact: TextRedactor;
  /** Print authors with quotes. */
  includeAuthors: boolean;
  /** Print the export's own ids with quotes (not fit to publish). */
  includeSourceIds?: boolean;
  /** The tool version for the methods section. */
  toolVersion: string;
  /** The small-number rule for breakdown cells; cells under 5 suppressed when omitted. */
  disclosure?: DisclosureRule;
  /**
   * Keep each theme's record ids for the report's trace (what `tlap diff` compares; the JSON report
   * prints them). They grow with the store, so a report that prints none leaves this off. Default true.
   */
  traceRecordIds?: boolean;
}

/** How many words and phrases of the unthemed records are named, and quotes for each. */
const UNTHEMED_TERMS = 8;
/**
 * How many of the most distinctive terms are considered for the {@link UNTHEMED_TERMS} named: a
 * term that redaction takes out of its records (a name, a street) is passed over for the next.
 */
const UNTHEMED_TERM_CANDIDATES = UNTHEMED_TERMS * 3;
const QUOTES_PER_TERM = 2;
/** Candidates kept per term, so terms can be quoted from different records. */
const TERM_CANDIDATES = 6;
/** A term must be in at least this many unthemed records to be named. */
const UNTHEMED_TERM_MIN_RECORDS = 2;
const STRONGEST_PAIRS = 5;

const NO_THEME_COUNTS: ThemeCounts = {
  count: 0,
  byChannel: new Map(),
  words: new Map(),
  keyed: { question: new Map(), source: new Map(), month: new Map() },
  groups: new Map(),
  recordIds: [],
};

/** A record that is read only when needed: now, or later (what {@link hold} gives keeps what it needs to read it, not more). */
export interface RecordOnDemand {
  read: () => FeedbackRecord;
  hold: () => () => FeedbackRecord;
  /**
   * The record's line in the store (1-based), when it can be read again by line: an unthemed
   * record's words are then kept, so that {@link ThemeReportBuilder.keptUnthemedQuoteLines} finds
   * the unthemed terms' quotes without a second read of the store.
   */
  line?: () => number;
}

/** Published keys kept per builder: questions and sources repeat, so each distinct one is redacted once. */
const PUBLISHED_KEYS_KEPT = 10_000;

/**
 * Builds a {@link ThemeReport} from themed records streamed through {@link add}, keeping only
 * counts and the few candidate quotes (never all records). Choices are deterministic: quote
 * candidates are ranked by a total order that ends with the record id.
 */
export class ThemeReportBuilder {
  private readonly extractor: RecordFactExtractor;
  /** Each theme's quote candidates, by codebook index. */
  private readonly quotePools: QuotePool[];
  private readonly unthemedCandidates: FeedbackRecord[] = [];
  private readonly words = new WordNumbering();
  private readonly unthemedTerms = new NumberedTermTally(this.words);
  private readonly themedTerms = new NumberedTermTally(this.words);
  private readonly unthemedIds = new RecordIdSet();
  private readonly keptUnthemed = new KeptUnthemedWords();
  /** The records kept whose quotes {@link keptUnthemedQuoteLines} asked for, in line order. */
  private chosenKept: number[] = [];
  private termQuotes: Map<string, FeedbackRecord[]> | null = null;
  private termKeys: string[] | null = null;
  private readonly voiceTally: VoiceTally;
  /** Each record offered as a quote, by its member number in the voice tally, so that a campaign's first copy is not quoted as well. */
  private readonly memberOf = new WeakMap<FeedbackRecord, number>();
  /** `quotes: exclude:` entries. */
  private readonly excludeEntries: ReadonlySet<string>;
  private readonly themeIndex: Map<string, number>;
  /** The printed text of each record published, computed once for all its themes (quote pools publish late). */
  private readonly publishedTexts = new WeakMap<FeedbackRecord, PublishedQuoteText>();

  constructor(
    private readonly codebook: Codebook,
    private readonly options: BuildReportOptions,
  ) {
    this.extractor = new RecordFactExtractor(codebook, (id) => this.words.word(id), options.traceRecordIds !== false);
    this.quotePools = codebook.themes.map(() => new QuotePool(this.publish));
    this.voiceTally = new VoiceTally(codebook.themes.length, (id) => this.words.word(id));
    this.excludeEntries = new Set(codebook.quotes.exclude);
    this.themeIndex = new Map(codebook.themes.map((theme, index) => [theme.id, index]));
  }

  /** The counts that do not depend on record order: this builder's own, and those merged in. */
  private get counts(): OrderFreeCounts {
    return this.extractor.counts;
  }

  private readonly publishedKeys = new Map<string, string>();

  /**
   * A question or source as a table prints it: redacted like every published text, each distinct
   * one once; an export file's path part by part as well ({@link redactedFileSource}).
   */
  private readonly publishKey = (text: string): string => {
    const known = this.publishedKeys.get(text);
    if (known !== undefined) return known;
    const redact = (words: string): string => this.options.redact(words).text;
    const published = redact(redactedFileSource(text, redact));
    if (this.publishedKeys.size >= PUBLISHED_KEYS_KEPT) this.publishedKeys.clear();
    this.publishedKeys.set(text, published);
    return published;
  };

  /** The record's words as a quote would print them (redacted, shortened), and whether a redaction token shows. */
  private readonly publish = (record: FeedbackRecord): PublishedQuoteText => {
    const known = this.publishedTexts.get(record);
    if (known !== undefined) return known;
    const redacted = this.options.redact(record.text);
    const text = shortenText(markUnpunctuatedParagraphs(redacted.text), QUOTE_MAX_CHARS);
    const published = { text, counts: redacted.counts, tainted: holdsRedactionToken(text) };
    this.publishedTexts.set(record, published);
    return published;
  };

  /** The number of a word with this stem in this report's numbering (what {@link add} takes). */
  numberWord(word: string, stem: string): number {
    return this.words.number(word, stem);
  }

  /** The numbers of a record's words (its tokens, as {@link normaliseText} gives them) that {@link add} takes. */
  wordIdsOf(tokens: readonly Token[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index];
      if (token !== undefined) ids[index] = this.words.number(token.word, token.stem);
    }
    return ids;
  }

  /**
   * Adds one themed record. `wordIds` are its words numbered by {@link wordIdsOf} (from the tokens
   * it was matched on, so that its text is not read twice); when left out, its text is read again.
   * With its store `line`, an unthemed record's words are kept for {@link keptUnthemedQuoteLines}.
   */
  add(themed: ThemedRecord, wordIds: ArrayLike<number> = this.wordIdsOf(normaliseText(themed.record.text).tokens), line?: number): void {
    const { record } = themed;
    this.addFacts(
      this.extractor.extract(themed, wordIds),
      { ids: wordIds, start: 0, end: wordIds.length, mapping: null },
      { read: () => record, hold: () => () => record, ...(line === undefined ? {} : { line: () => line }) },
    );
  }

  /** A mapping from another numbering of words (a worker's) to this report's, for {@link addFacts}. */
  wordMapping(): WordMapping {
    return new WordMapping(this.words);
  }

  /**
   * Adds one record by its {@link RecordFacts}, whose order-free part was counted elsewhere (see
   * {@link mergeCounts}): its words numbered by {@link numberWord} or mapped by a {@link wordMapping},
   * and the record itself on demand (read only when it could be quoted; held to be read later when
   * it stands for a campaign).
   */
  addFacts(facts: RecordFacts, words: WordRun, source: RecordOnDemand): void {
    this.source = source;
    this.sourceRecord = null;
    const read = this.readSource;
    const member = this.voiceTally.addFacts(facts, facts.counted, this.holdSource);
    const campaignCopy = member >= 0 && this.voiceTally.groupOf(member) !== member;
    if (!facts.themed) {
      this.unthemedTerms.addRun(words);
      if (facts.excluded) return;
      this.unthemedIds.add(facts.id);
      if (source.line !== undefined) this.keptUnthemed.keep(facts.id, source.line(), this.ourWordIds(words));
      const last = this.unthemedCandidates[this.unthemedCandidates.length - 1];
      const mightKeep =
        this.unthemedCandidates.length < UNTHEMED_SAMPLE_POOL || last === undefined || compareCodeUnits(facts.id, last.id) < 0;
      if (!campaignCopy && mightKeep) keepFirst(this.unthemedCandidates, read(), UNTHEMED_SAMPLE_POOL, compareRecordIds);
    } else {
      this.themedTerms.addRun(words);
      if (facts.excluded || campaignCopy) return;
      const { quoted } = facts;
      for (let at = 0; at + 1 < quoted.length; at += 2) {
        const pool = this.quotePools[quoted[at] ?? -1];
        const distinctKeywords = quoted[at + 1] ?? 0;
        if (pool === undefined || !pool.mightKeep(facts.channel, facts.tier, distinctKeywords, facts.id)) continue;
        pool.offer({ record: read(), tier: facts.tier, distinctKeywords });
      }
    }
    if (this.sourceRecord !== null && member >= 0 && !campaignCopy) this.memberOf.set(this.sourceRecord, member);
  }

  private wordScratch = new Int32Array(256);

  /** A record's words in this report's numbering (valid until the next call). */
  private ourWordIds(words: WordRun): ArrayLike<number> {
    const { ids, start, end, mapping } = words;
    if (mapping === null && start === 0 && end === ids.length) return ids;
    if (this.wordScratch.length < end - start) this.wordScratch = new Int32Array((end - start) * 2);
    const ours = this.wordScratch;
    for (let at = start; at < end; at += 1) ours[at - start] = mapping === null ? (ids[at] ?? 0) : mapping.ourNumber(ids[at] ?? 0);
    return ours.subarray(0, end - start);
  }

  /** The record being added by {@link addFacts}, and it once read (read once for all its uses). */
  private source: RecordOnDemand | null = null;
  private sourceRecord: FeedbackRecord | null = null;

  private readonly readSource = (): FeedbackRecord => {
    if (this.sourceRecord !== null) return this.sourceRecord;
    if (this.source === null) throw new Error('readSource: no record is being added');
    this.sourceRecord = this.source.read();
    return this.sourceRecord;
  };

  private readonly holdSource = (): (() => FeedbackRecord) => {
    const record = this.sourceRecord;
    if (record !== null) return () => record;
    if (this.source === null) throw new Error('holdSource: no record is being added');
    return this.source.hold();
  };

  /** Adds counts kept over other records (by a {@link RecordFactExtractor} elsewhere) to this report's. */
  mergeCounts(counts: OrderFreeCounts): void {
    mergeOrderFreeCounts(this.counts, counts);
  }

  private themeCounts(index: number): ThemeCounts {
    return this.counts.themes[index] ?? NO_THEME_COUNTS;
  }

  /** A fresh {@link RecordFacts} to read facts into. */
  static emptyFacts(): RecordFacts {
    return emptyRecordFacts();
  }

  /**
   * The words and phrases that stand out in the unthemed records so far, most distinctive first
   * (log-odds with an informative Dirichlet prior against the themed records; src/stats).
   */
  private standoutTerms(): ReturnType<typeof distinctiveNumberedTerms> {
    const records = this.unthemedTerms.records + this.themedTerms.records;
    if (this.standout?.records === records) return this.standout.terms;
    const terms = distinctiveNumberedTerms(this.unthemedTerms, this.themedTerms, {
      minCount: UNTHEMED_TERM_MIN_RECORDS,
      limit: UNTHEMED_TERM_CANDIDATES,
    });
    this.standout = { records, terms };
    return terms;
  }

  /**
   * The {@link UNTHEMED_TERMS} most distinctive terms that survive redaction: a term is named only
   * when every record kept to quote it still holds it once its text is redacted as published, so
   * a person's name, a street or a handle that many unthemed records share (`ask karen`, `acacia
   * avenue`) is never printed as a word that stands out. A term with no record to check it on
   * (its records were all excluded from quoting) is not named either.
   */
  private publishableTerms(): ReturnType<typeof distinctiveNumberedTerms> {
    const redactedTerms = new Map<FeedbackRecord, ReadonlySet<string>>();
    const termsAfterRedaction = (record: FeedbackRecord): ReadonlySet<string> => {
      let keys = redactedTerms.get(record);
      if (keys === undefined) {
        keys = new Set(termsOf(this.options.redact(record.text).text).map((term) => term.key));
        redactedTerms.set(record, keys);
      }
      return keys;
    };
    return this.standoutTerms()
      .filter((term) => {
        const holders = this.termQuotes?.get(term.key) ?? [];
        return holders.length > 0 && holders.every((record) => termsAfterRedaction(record).has(term.key));
      })
      .slice(0, UNTHEMED_TERMS);
  }

  /** The last {@link standoutTerms}, with the records added when it was found (it is asked for again when the report is finished). */
  private standout: { records: number; terms: ReturnType<typeof distinctiveNumberedTerms> } | null = null;

  /**
   * A second look at a record, after every record was added, to find quotes for the unthemed
   * words and phrases (their ranking is only known at the end, and records are not kept). Records
   * that were themed, or that hold none of the terms, are ignored; the first ones by id are kept.
   */
  offerUnthemedQuote(record: FeedbackRecord): void {
    if (!this.unthemedIds.has(record.id)) return;
    if (this.termQuotes === null) this.termQuotes = new Map(this.standoutTerms().map((term) => [term.key, []]));
    if (this.termQuotes.size === 0) return;
    for (const term of termsOf(record.text)) {
      const kept = this.termQuotes.get(term.key);
      if (kept !== undefined) keepFirst(kept, record, TERM_CANDIDATES, compareRecordIds);
    }
  }

  /**
   * The keys of the words and phrases that stand out in the unthemed records, once every record
   * was added: a record offered by {@link offerUnthemedQuoteTerms} names the ones it holds by their
   * index here.
   */
  unthemedTermKeys(): string[] {
    if (this.termQuotes === null) this.termQuotes = new Map(this.standoutTerms().map((term) => [term.key, []]));
    this.termKeys ??= [...this.termQuotes.keys()];
    return this.termKeys;
  }

  /**
   * {@link offerUnthemedQuote} for a record whose terms were found elsewhere: its id, the indexes
   * (into {@link unthemedTermKeys}) of the standing-out terms it holds, in the order its text holds
   * them, and the record itself on demand (asked for only when it could be kept).
   */
  offerUnthemedQuoteTerms(id: string, terms: ArrayLike<number>, recordOf: () => FeedbackRecord): void {
    if (!this.unthemedIds.has(id)) return;
    const keys = this.unthemedTermKeys();
    let record: FeedbackRecord | null = null;
    for (let index = 0; index < terms.length; index += 1) {
      const kept = this.termQuotes?.get(keys[terms[index] ?? -1] ?? '');
      if (kept === undefined) continue;
      const last = kept[kept.length - 1];
      if (kept.length >= TERM_CANDIDATES && last !== undefined && compareCodeUnits(id, last.id) >= 0) continue;
      record ??= recordOf();
      keepFirst(kept, record, TERM_CANDIDATES, compareRecordIds);
    }
  }

  /**
   * The store lines of the records to read for the unthemed terms' quotes, in order, when records
   * were added with their line ({@link RecordOnDemand.line}): each term's first
   * {@link TERM_CANDIDATES} holders by id, found from the words kept, which is every record a
   * second read of the store would keep. Give them to {@link offerKeptUnthemedQuotes}.
   */
  keptUnthemedQuoteLines(): number[] {
    const kept = this.keptUnthemed;
    const holders: number[][] = this.unthemedTermKeys().map(() => []);
    const byId = (a: number, b: number): number => kept.compareIds(a, b) || kept.lineOf(a) - kept.lineOf(b);
    let words: Int32Array = new Int32Array(64);
    for (let record = 0; record < kept.count; record += 1) {
      const decoded = kept.wordsOf(record, words);
      words = decoded.words;
      this.visitStandoutTerms(words, decoded.length, (term) => {
        const list = holders[term];
        if (list === undefined || list.includes(record)) return;
        keepFirst(list, record, TERM_CANDIDATES, byId);
      });
    }
    this.chosenKept = [...new Set(holders.flat())].sort((a, b) => a - b);
    return this.chosenKept.map((record) => kept.lineOf(record));
  }

  /** Offers the records at the lines {@link keptUnthemedQuoteLines} gave, by line, as quotes for the unthemed terms they hold. */
  offerKeptUnthemedQuotes(recordAt: ReadonlyMap<number, FeedbackRecord>): void {
    const kept = this.keptUnthemed;
    let words: Int32Array = new Int32Array(64);
    for (const index of this.chosenKept) {
      const record = recordAt.get(kept.lineOf(index));
      if (record === undefined) throw new Error(`offerKeptUnthemedQuotes: no record given for store line ${kept.lineOf(index)}`);
      const decoded = kept.wordsOf(index, words);
      words = decoded.words;
      const terms: number[] = [];
      this.visitStandoutTerms(words, decoded.length, (term) => {
        if (!terms.includes(term)) terms.push(term);
      });
      this.offerUnthemedQuoteTerms(record.id, terms, () => record);
    }
    this.chosenKept = [];
  }

  /**
   * The standing-out terms (by index in {@link unthemedTermKeys}) keyed by their stem numbers
   * (first × `stemSpace` + second + 1), and per stem number whether a term starts with it (most
   * terms of a record start with none, and are passed over without a lookup).
   */
  private standoutTermIndex: { terms: Map<number, number>; stemSpace: number; firsts: Uint8Array } | null = null;

  /** Calls `visit` with the index (in {@link unthemedTermKeys}) of each standing-out term that numbered words hold, in text order. */
  private visitStandoutTerms(wordIds: Int32Array, length: number, visit: (term: number) => void): void {
    if (this.standoutTermIndex === null) {
      const terms = new Map<number, number>();
      const stemSpace = this.words.stemCount + 1;
      const firsts = new Uint8Array(stemSpace);
      this.unthemedTermKeys().forEach((key, index) => {
        const space = key.indexOf(' ');
        const first = this.words.stemNumberOf(space < 0 ? key : key.slice(0, space));
        const second = space < 0 ? -1 : this.words.stemNumberOf(key.slice(space + 1));
        if (first === undefined || second === undefined) return;
        terms.set(first * stemSpace + second + 1, index);
        firsts[first] = 1;
      });
      this.standoutTermIndex = { terms, stemSpace, firsts };
    }
    const { terms, stemSpace, firsts } = this.standoutTermIndex;
    if (terms.size === 0) return;
    visitNumberedTerms(this.words, wordIds, length, (first, second) => {
      if (firsts[first] !== 1) return;
      const term = terms.get(first * stemSpace + second + 1);
      if (term !== undefined) visit(term);
    });
  }

  /** The biggest campaigns as the report lists them: each quoted once, its counts through the small-number rule. */
  private campaigns(voices: VoiceCounts, quote: (record: FeedbackRecord) => Quote, rule: DisclosureRule): Campaign[] {
    return voices.campaigns.slice(0, CAMPAIGNS_LISTED).map((campaign, index) => ({
      number: index + 1,
      quote: campaign.example === null || this.counts.excludedIds.has(campaign.example.id) ? null : quote(campaign.example),
      records: protectCell(campaign.records, rule),
      voices: protectCell(campaign.voices, rule),
      themeIds: campaign.themes.flatMap((theme) => this.codebook.themes[theme]?.id ?? []),
    }));
  }

  /**
   * The `quotes: exclude:` entries that named no record reported on (a typing slip, or a record
   * outside the selection), in the codebook's order: for a warning to the analyst, not for print.
   */
  unmatchedQuoteExclusions(): string[] {
    return this.codebook.quotes.exclude.filter((entry) => !this.counts.excludeMatched.has(entry));
  }

  /**
   * The questions `report.groups` matched among the records reported on, as written, in code-unit
   * order: for a warning to the analyst when there are none or several.
   */
  groupQuestions(): string[] {
    return [...this.counts.groupQuestions].sort(compareCodeUnits);
  }

  /** What the report says of its respondent groups, or null when the codebook names none. */
  private respondentGroups(): RespondentGroups | null {
    const asked = this.codebook.report.groups;
    if (asked === null) return null;
    return {
      asked,
      from: 'codebook',
      replaced: null,
      questions: [...new Set(this.groupQuestions().map((question) => this.publishKey(question)))],
    };
  }

  /** A group's answer as a table prints it: redacted ({@link NO_ANSWER_KEY} as it is). */
  private readonly groupKey = (answer: string): string => (answer === NO_ANSWER_KEY ? answer : this.publishKey(answer));

  /** Records by group as a table prints them: answers redacted (groups that publish alike added up); none when no question matched. */
  private publishedGroups(groups: ReadonlyMap<string, number>): Map<string, number> {
    const published = new Map<string, number>();
    if (this.counts.groupQuestions.size === 0) return published;
    for (const [answer, count] of groups) {
      const key = this.groupKey(answer);
      published.set(key, (published.get(key) ?? 0) + count);
    }
    return published;
  }

  /** The distinct voices of each group as the tables print groups, overall and per theme; null without groups. */
  private publishedGroupVoices(): KeyedGroupVoices | null {
    const sets = this.counts.groupVoices;
    if (sets === null || this.counts.groupQuestions.size === 0) return null;
    return groupVoicesByKey(sets, this.groupKey);
  }

  /** The finished report. */
  finish(): ThemeReport {
    const rule = this.options.disclosure ?? DEFAULT_DISCLOSURE_RULE;
    const fileNames = publishedFileNames(this.counts.keyed.source.keys());
    const publishKey = (text: string, dimension: 'question' | 'source'): string =>
      this.publishKey(dimension === 'source' ? (fileNames.get(text) ?? text) : text);
    const redactions: Record<string, number> = {};
    const nameWords = this.nameKeywordHits();
    const nameKeywords = wordsPattern(nameWords);
    const quote = (record: FeedbackRecord, published: PublishedQuoteText = this.publish(record)): Quote => {
      for (const [kind, count] of Object.entries(published.counts)) {
        if (count !== undefined && count > 0) redactions[kind] = (redactions[kind] ?? 0) + count;
      }
      const text = withheldWords(published.text, nameKeywords);
      if (text.withheld > 0) redactions['name'] = (redactions['name'] ?? 0) + text.withheld;
      return {
        id: record.id,
        sourceId: this.options.includeSourceIds === true ? record.sourceId : null,
        channel: record.channel,
        date: record.date,
        context: recordContext(record, this.options.redact),
        author: this.options.includeAuthors && record.author !== null ? this.options.redact(record.author, { names: false }).text : null,
        text: text.text,
      };
    };
    const voices = this.voiceTally.finish();
    const groupVoices = this.publishedGroupVoices();
    const outsideCampaigns = (record: FeedbackRecord): boolean => voices.campaignOf(this.memberOf.get(record) ?? -1) < 0;
    const campaigns = this.campaigns(voices, quote, rule);
    const order = this.codebook.themes.map((theme, index) => ({ theme, index, count: this.themeCounts(index).count }));
    order.sort((a, b) => b.count - a.count || a.index - b.index);
    const chosenQuotes = allocateQuotes(
      order.map(({ theme, index }) => ({
        id: theme.id,
        candidates: (this.quotePools[index] ?? new QuotePool(this.publish)).finalists(outsideCampaigns),
      })),
      QUOTES_PER_THEME,
    );
    const themes: (ThemeSummary & { order: number })[] = this.codebook.themes.map((theme, order) => {
      const tally = this.themeCounts(order);
      const raised = voices.themeCampaigns[order] ?? [];
      return {
        order,
        id: theme.id,
        label: theme.label,
        description: theme.description,
        parent: theme.parent,
        count: tally.count,
        share: this.counts.total === 0 ? 0 : tally.count / this.counts.total,
        byChannel: channelCounts(tally.byChannel),
        topWords: publishedAlike(
          [...tally.words].map(([keyword, forms]) => (this.isPublishedAsName(keyword) ? allAsName(forms) : commonestForm(forms))),
        )
          .sort((a, b) => b.count - a.count || compareCodeUnits(a.words, b.words))
          .slice(0, 5),
        quotes: (chosenQuotes.get(theme.id) ?? []).map((candidate) => quote(candidate.record, candidate.published)),
        breakdowns: breakdowns(
          tally.byChannel,
          publishedKeyedCounts(tally.keyed, publishKey),
          this.publishedGroups(tally.groups),
          rule,
          groupVoices === null
            ? null
            : { of: (key) => groupVoices.themeVoicesOf(order, key), among: (keys) => groupVoices.voicesAmong(keys, order) },
        ),
        voices: voices.themeVoices[order] ?? 0,
        campaignCount: raised.length,
        campaigns: raised.filter((index) => index < CAMPAIGNS_LISTED).map((index) => index + 1),
      };
    });
    themes.sort((a, b) => b.count - a.count || a.order - b.order);
    const coOccurrence = this.coOccurrence(
      themes.map((theme) => theme.id),
      rule,
    );
    const quoted = new Set<string>();
    const unthemedTerms: UnthemedTerm[] = this.publishableTerms().map((term) => {
      const candidates = this.termQuotes?.get(term.key) ?? [];
      const rank = (record: FeedbackRecord): number => (this.publish(record).tainted ? 2 : 0) + (quoted.has(record.id) ? 1 : 0);
      const chosen = candidates
        .map((record, index) => ({ record, index, rank: rank(record) }))
        .sort((a, b) => a.rank - b.rank || a.index - b.index)
        .slice(0, QUOTES_PER_TERM)
        .map(({ record }) => record);
      for (const record of chosen) quoted.add(record.id);
      return {
        term: term.term,
        unthemedRecords: term.inTarget,
        themedRecords: term.inReference,
        z: Math.round(term.z * 100) / 100,
        quotes: chosen.map((record) => quote(record)),
      };
    });
    const report: ThemeReport = {
      title: this.codebook.title,
      toolVersion: this.options.toolVersion,
      codebook: {
        file: publishedCodebookFile(this.codebook.file),
        fingerprint: this.codebook.fingerprint,
        themeCount: this.codebook.themes.length,
        keywordCount: this.codebook.themes.reduce((sum, theme) => sum + theme.rules.length, 0),
      },
      recordsTotal: this.counts.total,
      voicesTotal: voices.voices,
      campaignsTotal: voices.campaigns.length,
      campaignRecords: voices.campaigns.reduce((sum, campaign) => sum + campaign.records, 0),
      campaigns,
      unthemed: this.counts.unthemed,
      byChannel: channelCounts(this.counts.byChannel).map((entry) => ({ ...entry, voices: voices.channelVoices.get(entry.channel) ?? 0 })),
      dateRange: this.counts.from === null || this.counts.to === null ? null : { from: this.counts.from, to: this.counts.to },
      undated: this.counts.undated,
      themes: protectRollUps(
        themes.map(({ order: _order, ...theme }) => theme),
        rule,
      ),
      unthemedSample: this.unthemedCandidates
        .filter(outsideCampaigns)
        .map((record, index) => ({ record, index, tainted: this.publish(record).tainted }))
        .sort((a, b) => Number(a.tainted) - Number(b.tainted) || a.index - b.index)
        .slice(0, UNTHEMED_SAMPLE)
        .map(({ record }) => quote(record)),
      quoteExclusions: { records: this.counts.excludedRecords, entries: this.excludeEntries.size },
      declinedPublication: { records: this.counts.withheldRecords, policy: this.codebook.quotes.consent },
      redactions: Object.fromEntries(Object.entries(redactions).sort(([a], [b]) => compareCodeUnits(a, b))),
      includeAuthors: this.options.includeAuthors,
      includeSourceIds: this.options.includeSourceIds === true,
      breakdowns: breakdowns(
        new Map(),
        publishedKeyedCounts(this.counts.keyed, publishKey),
        this.publishedGroups(this.counts.groups),
        rule,
        groupVoices === null ? null : { of: (key) => groupVoices.voicesOf(key), among: (keys) => groupVoices.voicesAmong(keys) },
      ).filter((entry) => entry.dimension !== 'channel'),
      coOccurrence,
      unthemedTerms,
      selection: null,
      keyFindings: [],
      trace: {
        recordIds: Object.fromEntries(
          this.codebook.themes.map((theme, index) => [theme.id, [...this.themeCounts(index).recordIds].sort(compareCodeUnits)]),
        ),
        keywords: Object.fromEntries(
          this.codebook.themes.map((theme, order) => [
            theme.id,
            publishedKeywords(theme.rules, this.themeCounts(order).words, (keyword) => this.isPublishedAsName(keyword)),
          ]),
        ),
        nameWords,
      },
      changes: null,
      disclosure: rule,
      groups: this.respondentGroups(),
    };
    return { ...report, keyFindings: keyFindings(report) };
  }

  /**
   * The words of the hits of every keyword the report prints as `[name]` (see {@link
   * publishedKeywords}), sorted, for one pattern ({@link wordsPattern}): a name the codebook counts is
   * withheld from the quotes too where redaction left it (`the day centre worker sarah`, in lower
   * case after a role it does not know), as it is withheld among the words that matched most.
   */
  private nameKeywordHits(): string[] {
    const forms = new Set<string>();
    this.codebook.themes.forEach((_theme, order) => {
      for (const [keyword, hits] of this.themeCounts(order).words) {
        if (!this.isPublishedAsName(keyword) && commonestForm(hits).words !== REDACTION_TOKENS.name) continue;
        for (const form of hits.keys()) if (form !== REDACTION_TOKENS.name && /\p{L}/u.test(form)) forms.add(form);
      }
    });
    return [...forms].sort(compareCodeUnits);
  }

  /** Whether a keyword names a person (see {@link isNameKeyword}) while the codebook's policy redacts names. */
  private isPublishedAsName(keyword: string): boolean {
    return this.codebook.redaction.kinds.has('name') && isNameKeyword(keyword, this.codebook.keepNames);
  }

  private coOccurrence(themeIds: readonly string[], rule: DisclosureRule): CoOccurrence {
    const together = (a: string, b: string): number => {
      const i = this.themeIndex.get(a) ?? -1;
      const j = this.themeIndex.get(b) ?? -1;
      if (i === j) return this.themeCounts(i).count;
      const themes = this.codebook.themes.length;
      return this.counts.pairs.get(i < j ? i * themes + j : j * themes + i) ?? 0;
    };
    const counts = themeIds.map((a) =>
      themeIds.map((b) => (a === b ? { kind: 'shown' as const, value: together(a, b) } : protectCell(together(a, b), rule))),
    );
    const pairs: ThemePair[] = [];
    this.codebook.themes.forEach((first, i) => {
      this.codebook.themes.slice(i + 1).forEach((second, offset) => {
        const both = together(first.id, second.id);
        if (both === 0) return;
        const protectedTogether = protectCell(both, rule);
        const published = protectedTogether.kind === 'shown' ? protectedTogether.value : null;
        const either = this.themeCounts(i).count + this.themeCounts(i + 1 + offset).count - (published ?? 0);
        pairs.push({
          a: first.id,
          b: second.id,
          together: protectedTogether,
          overlap: published === null || either <= 0 ? null : Math.round((published / either) * 10000) / 10000,
        });
      });
    });
    pairs.sort(comparePublishedPairs);
    return {
      themeIds: [...themeIds],
      counts,
      strongest: pairs.slice(0, STRONGEST_PAIRS),
    };
  }
}

/**
 * The order of the strongest pairs, from published numbers only (ranking by exact counts would
 * give away the order of hidden ones): shown pairs first, most records together first, then the
 * larger published overlap; suppressed pairs after them. The sort is stable, so ties keep the
 * codebook order the pairs were listed in.
 */
function comparePublishedPairs(x: ThemePair, y: ThemePair): number {
  const shown = (pair: ThemePair): number => (pair.together.kind === 'shown' ? pair.together.value : -1);
  return shown(y) - shown(x) || (y.overlap ?? -1) - (x.overlap ?? -1);
}

/** The distinct voices of respondent groups as a table publishes them (a theme's, or all records'). */
interface GroupVoicesOf {
  /** Of the group published as this key. */
  of: (key: string) => number;
  /** Of the groups published as these keys together (a voice in two of them counting once). */
  among: (keys: ReadonlySet<string>) => number;
}

/** Keys in natural order (`Q2` before `Q10`), ties by code units. */
function naturalOrder(a: [string, number], b: [string, number]): number {
  return a[0].localeCompare(b[0], 'en', { numeric: true }) || compareCodeUnits(a[0], b[0]);
}

/**
 * A count's breakdowns by channel, question, source, month and respondent group, each cell through the
 * small-number rule as a partition (the cells add up to a total that is shown, or to one that can
 * be worked out from shown counts: survey records for questions, dated records for months; every
 * record is in one group, "no answer" among them). A dimension no record has is left out; months are in date order, questions
 * and groups in natural order (`Q2` before `Q10`; "no answer" last), sources most first; questions, sources and answers past
 * {@link BREAKDOWN_MAX_KEYS} added up as `other`, months all listed.
 */
function breakdowns(
  byChannel: ReadonlyMap<Channel, number>,
  keyed: KeyedCounts,
  groups: ReadonlyMap<string, number>,
  rule: DisclosureRule,
  groupVoices: GroupVoicesOf | null = null,
): Breakdown[] {
  const result: Breakdown[] = [];
  const add = (dimension: BreakdownDimension, entries: [string, number][], most = Infinity, after: [string, number][] = []): void => {
    if (entries.length + after.length === 0) return;
    const listed = [...entries.slice(0, most), ...after];
    const rest = entries.slice(most).reduce((sum, [, count]) => sum + count, 0);
    const values = [...listed.map(([, count]) => count), ...(rest > 0 ? [rest] : [])];
    const protectedCells = protectBreakdown(values, rule);
    const voices =
      dimension === 'group' && groupVoices !== null
        ? protectVoices(
            protectedCells,
            [
              ...listed.map(([key]) => groupVoices.of(key)),
              ...(rest > 0 ? [groupVoices.among(new Set(entries.slice(most).map(([key]) => key)))] : []),
            ],
            rule,
          )
        : null;
    const otherVoices = voices?.[listed.length];
    result.push({
      dimension,
      cells: listed.map(([key], index) => {
        const cell = protectedCells[index] ?? protectCell(0, rule);
        const voiceCell = voices?.[index];
        return voiceCell === undefined ? { key, cell } : { key, cell, voices: voiceCell };
      }),
      other: rest > 0 ? (protectedCells[listed.length] ?? null) : null,
      ...(rest > 0 && otherVoices !== undefined ? { otherVoices } : {}),
    });
  };
  add(
    'channel',
    CHANNELS.filter((channel) => (byChannel.get(channel) ?? 0) > 0).map((channel) => [channel, byChannel.get(channel) ?? 0]),
  );
  add('question', [...keyed.question].sort(naturalOrder), BREAKDOWN_MAX_KEYS);
  add(
    'source',
    [...keyed.source].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0])),
    BREAKDOWN_MAX_KEYS,
  );
  add(
    'month',
    [...keyed.month].sort((a, b) => compareCodeUnits(a[0], b[0])),
  );
  const unanswered = groups.get(NO_ANSWER_KEY) ?? 0;
  add(
    'group',
    [...groups].filter(([key]) => key !== NO_ANSWER_KEY).sort(naturalOrder),
    BREAKDOWN_MAX_KEYS,
    unanswered > 0 ? [[NO_ANSWER_KEY, unanswered]] : [],
  );
  return result;
}

/**
 * One keyword's hits: its total, shown in the form people wrote most often (ties alphabetical),
 * or as `[name]` (hits that were people's names in their records are counted as `[name]`, see
 * RecordFactExtractor): when some hits were names and that form is a word the name lexicons list
 * as a name (`sarah` written in lower case where no name was found is still Sarah) or a word no
 * lexicon knows that the tagger reads as a noun (`kaelynn`, see isUnlistedNameLikeWord), or when
 * as many hits were names as were written in that form, unless it is a word no lexicon knows that
 * the tagger reads as no noun (`zorbing`, though `Zorbing at the fun day` was redacted). So a name
 * redacted in the quotes is not printed beside them, and a word that is a name only now and then
 * stays (`hope`).
 */
function commonestForm(forms: ReadonlyMap<string, number>): MatchedWords {
  let written = '';
  let best = -1;
  let count = 0;
  for (const [form, times] of forms) {
    count += times;
    if (form === REDACTION_TOKENS.name) continue;
    if (times > best || (times === best && compareCodeUnits(form, written) < 0)) {
      written = form;
      best = times;
    }
  }
  const asName = forms.get(REDACTION_TOKENS.name) ?? 0;
  if (asName === 0) return { words: written, count };
  const words = written.split(' ');
  const named = written === '' || words.some((word) => isGivenOrFamilyName(word) || isUnlistedNameLikeWord(word));
  const unknownNoName = words.every((word) => isNameLikeWord(word) && !isGivenOrFamilyName(word) && !isUnlistedNameLikeWord(word));
  return { words: named || (asName >= best && !unknownNoName) ? REDACTION_TOKENS.name : written, count };
}

/** One keyword's hits, all shown as `[name]`: a keyword that names a person, however its hits were written (`sarah` in lower case too). */
function allAsName(forms: ReadonlyMap<string, number>): MatchedWords {
  let count = 0;
  for (const times of forms.values()) count += times;
  return { words: REDACTION_TOKENS.name, count };
}

/**
 * A theme's keywords as the report publishes them: as the codebook writes them, except that a
 * keyword that names a person (`namesPerson`, whether or not it matched) or whose hits the words
 * that matched most show as `[name]` (see {@link commonestForm}) is `[name]`, once however many
 * there are, so that no output prints a name the others hide.
 */
function publishedKeywords(
  rules: readonly { source: string }[],
  words: ReadonlyMap<string, ReadonlyMap<string, number>>,
  namesPerson: (keyword: string) => boolean,
): string[] {
  const published: string[] = [];
  for (const { source } of rules) {
    const forms = words.get(source);
    const named = namesPerson(source) || (forms !== undefined && commonestForm(forms).words === REDACTION_TOKENS.name);
    const keyword = named ? REDACTION_TOKENS.name : source;
    if (keyword !== REDACTION_TOKENS.name || !published.includes(keyword)) published.push(keyword);
  }
  return published;
}

/** Keywords' hits shown as `[name]` (two keywords that are names) as one entry, their counts added up; other entries as they are. */
function publishedAlike(entries: readonly MatchedWords[]): MatchedWords[] {
  const named = entries.filter((entry) => entry.words === REDACTION_TOKENS.name);
  const others = entries.filter((entry) => entry.words !== REDACTION_TOKENS.name);
  return named.length === 0
    ? others
    : [...others, { words: REDACTION_TOKENS.name, count: named.reduce((sum, entry) => sum + entry.count, 0) }];
}

function channelCounts(map: ReadonlyMap<Channel, number>): ChannelCount[] {
  return CHANNELS.filter((channel) => (map.get(channel) ?? 0) > 0).map((channel) => ({ channel, count: map.get(channel) ?? 0 }));
}

function compareRecordIds(a: FeedbackRecord, b: FeedbackRecord): number {
  return compareCodeUnits(a.id, b.id);
}
