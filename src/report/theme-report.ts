import type { ConsentPolicy } from '../codebook/codebook.js';
import type { Channel } from '../record/record.js';
import type { DisclosureRule, ProtectedCell } from './disclosure-control.js';

/** A count for one channel. */
export interface ChannelCount {
  channel: Channel;
  count: number;
}

/** All records of one channel: how many, and how many distinct voices sent them (see {@link ThemeReport.voicesTotal}). */
export interface ChannelReach extends ChannelCount {
  voices: number;
}

/** A quotation from a record, ready to publish: personal data already redacted. */
export interface Quote {
  /** tlap's id of the record (to find it in the store): never the export's own id. */
  id: string;
  /**
   * The export's own id (a Message-ID, tweet id, survey response id), only when the report was
   * asked for it (`--ids`, for the analyst's private use: such output is not fit to publish); else null.
   */
  sourceId: string | null;
  channel: Channel;
  /** The record's date (ISO), or null. */
  date: string | null;
  /**
   * What the words answer, redacted: the survey question, the blog post's title, the event
   * notes' section or the e-mail's subject; null when the record has none.
   */
  context: string | null;
  /** The author, only when the report was asked to include authors; else null. */
  author: string | null;
  /** The words, redacted and shortened to at most {@link QUOTE_MAX_CHARS} characters at a word boundary. */
  text: string;
}

/** The longest quote printed. */
export const QUOTE_MAX_CHARS = 400;

/** A keyword's hits: how often it matched, shown in the form people wrote most often. */
export interface MatchedWords {
  /** The words as people wrote them most often for this keyword (`carers` for keyword `carer`). */
  words: string;
  /** Hits of the keyword in all its forms. */
  count: number;
}

/** What the report says about one theme. */
export interface ThemeSummary {
  id: string;
  label: string;
  description: string;
  /** The theme this one rolls up into (`parent:`), or null. */
  parent: string | null;
  /** Records in this theme; a theme with children counts each record of theirs once too. */
  count: number;
  /** count / all records (0 when there are none). */
  share: number;
  /** Its records by channel, in channel order, channels with none left out. */
  byChannel: ChannelCount[];
  /** The keywords that matched most, in their commonest written form, most first (ties alphabetical), at most five. */
  topWords: MatchedWords[];
  /** Up to three representative quotes, chosen deterministically. */
  quotes: Quote[];
  /** Its records by question, source and month (each only where records allow), cells protected by the small-number rule. */
  breakdowns: Breakdown[];
  /** Distinct voices among its records: authors and respondents, each record without either counting as one. A theme total, shown exactly. */
  voices: number;
  /** Campaigns with at least one record in this theme. */
  campaignCount: number;
  /** The {@link Campaign.number}s of the listed campaigns raised in this theme, ascending. */
  campaigns: number[];
}

/**
 * Records with the same or nearly the same words (Jaccard similarity of their word pairs at least
 * 0.8, at least ten words long) sent by two or more voices: shown once, with how many sent it.
 */
export interface Campaign {
  /** 1 for the campaign with the most records, and so on. */
  number: number;
  /** Its words once, redacted, labelled like any quote; null when the words were not kept (see VoiceTally). */
  quote: Quote | null;
  /** Records in the campaign, protected by the small-number rule. */
  records: ProtectedCell;
  /** Voices that sent it, protected by the small-number rule. */
  voices: ProtectedCell;
  /** The themes its records are in, in codebook order. */
  themeIds: string[];
}

/** The most campaigns a report lists (all are counted). */
export const CAMPAIGNS_LISTED = 20;

/** What a breakdown splits records by. */
export type BreakdownDimension = 'channel' | 'question' | 'source' | 'month' | 'group';

/** One cell of a breakdown: the records under one key, as it may be published. */
export interface BreakdownCell {
  /**
   * The channel id, the question as asked, the source's label, the month (`2014-01`), or the
   * answer to the `report.groups` question ({@link NO_ANSWER_KEY} for records without one).
   */
  key: string;
  /** The count after the small-number rule (see disclosure-control.ts). */
  cell: ProtectedCell;
  /**
   * For a respondent group: the distinct voices among those records, after the small-number rule
   * (hidden where the records are, as `protectReach` hides them); absent for other dimensions.
   */
  voices?: ProtectedCell;
}

/**
 * Records split by one dimension. Records the dimension does not apply to (no question, no date)
 * are in no cell; `other` holds the records of the keys past the most shown.
 */
export interface Breakdown {
  dimension: BreakdownDimension;
  cells: BreakdownCell[];
  /** The records in keys not listed (questions, sources or answers past the first {@link BREAKDOWN_MAX_KEYS}), protected; null when none. */
  other: ProtectedCell | null;
  /** For respondent groups with an `other` cell: the distinct voices among its records, protected as {@link BreakdownCell.voices}. */
  otherVoices?: ProtectedCell;
}

/** The most keys a question, source or group breakdown lists; the rest are added up as `other` (months are all listed). */
export const BREAKDOWN_MAX_KEYS = 12;

/** The key of the group cell of records that do not answer the `report.groups` question. */
export const NO_ANSWER_KEY = '(no answer)';

/**
 * The respondent groups a report breaks records down by (`report.groups` in the codebook): the
 * answers to a closed question, such as "Are you responding as an individual or on behalf of an
 * organisation?".
 */
export interface RespondentGroups {
  /** `report.groups` (or the run's own setting) as written: text the question contains, in any case. */
  asked: string;
  /**
   * Where the setting came from: `codebook` (its `report.groups`) or `run` (asked for when the report
   * was made, which wins over the codebook's).
   */
  from: 'codebook' | 'run';
  /** With `from: 'run'`, the codebook's own `report.groups` it replaced, or null when the codebook sets none. */
  replaced: string | null;
  /**
   * The questions that contain it, redacted, in code-unit order: none when no record answers such a
   * question (there is then no group breakdown); with several, each record's group is its answer to
   * the first of them it answers.
   */
  questions: string[];
}

/** Two themes raised in the same records. */
export interface ThemePair {
  /** Theme ids, `a` before `b` in codebook order. */
  a: string;
  b: string;
  /** Records in both, protected. */
  together: ProtectedCell;
  /**
   * Records in both / records in either (Jaccard), 0 to 1, worked out from the published (possibly
   * rounded) count so that it gives nothing more away; null when {@link together} is suppressed.
   */
  overlap: number | null;
}

/** Which themes are raised together. */
export interface CoOccurrence {
  /** Theme ids in report order (rows and columns of {@link counts}). */
  themeIds: string[];
  /** `counts[i][j]`: records in both theme i and theme j (`i === j`: the theme's records, exact). */
  counts: ProtectedCell[][];
  /**
   * The pairs with the most records in common by their published counts (ties by published overlap,
   * then codebook order), suppressed pairs after the shown ones in codebook order: at most five,
   * none with no record in common.
   */
  strongest: ThemePair[];
}

/** A word or phrase that stands out in the unthemed records against the themed ones. */
export interface UnthemedTerm {
  /** The term as first written. */
  term: string;
  /** Unthemed records holding it (exact: renderers publish it through the small-number rule). */
  unthemedRecords: number;
  /** Themed records holding it (exact: renderers publish it through the small-number rule). */
  themedRecords: number;
  /** The z-score of its log-odds ratio (Monroe et al.), which ranks the terms. */
  z: number;
  /** Up to two unthemed records holding it, redacted. */
  quotes: Quote[];
}

/** Which records a report covers, when it does not cover the whole store. */
export interface ReportSelection {
  /** First day included (`2014-01-01`, UTC), or null. */
  since: string | null;
  /** Last day included, or null. */
  until: string | null;
  /** Channels selected (empty: all). */
  channels: Channel[];
  /** Glob on the provenance file, or null. */
  source: string | null;
  /** Case-insensitive text the question must contain, or null. */
  question: string | null;
  /** Records in the store. */
  storeRecords: number;
  /** Records left out because a date selection was made and they have no date. */
  undatedLeftOut: number;
  /** Records left out by the selection (undated ones included). */
  leftOut: number;
}

/** One number in a key finding and where the same number is shown further down. */
export interface FindingFigure {
  /** The number as printed in the sentence (`7`, `19.4%`, `fewer than 5`). */
  shown: string;
  /**
   * The table it comes from: the themes table, a theme's breakdown, the channel overview, the table
   * of each respondent group's share raising each theme, the co-occurrence table or the changes table;
   * `column: 'voices'` for a respondent group's voices (its records otherwise), or in the table of
   * shares, the share of the group's voices.
   */
  source:
    | { table: 'themes'; themeId: string; column: 'records' | 'share' | 'voices' }
    | { table: 'channels'; channel: Channel }
    | { table: 'totals'; dimension: BreakdownDimension; key: string; column?: 'voices' }
    | { table: 'breakdown'; themeId: string; dimension: BreakdownDimension; key: string; column?: 'voices' }
    | { table: 'group-shares'; themeId: string; key: string; column?: 'voices' }
    | { table: 'co-occurrence'; a: string; b: string }
    | { table: 'changes'; themeId: string; column: 'before' | 'after' };
}

/** One plain-language sentence of the key findings, and the figures in it. */
export interface KeyFinding {
  text: string;
  figures: FindingFigure[];
}

/**
 * Everything a renderer needs, and nothing personal that should not be published. Renderers are
 * pure functions of this value; the same store and codebook give the same report, byte for byte.
 */
export interface ThemeReport {
  title: string;
  toolVersion: string;
  codebook: {
    file: string;
    fingerprint: string;
    themeCount: number;
    keywordCount: number;
  };
  recordsTotal: number;
  /** Distinct voices among all records (see {@link ThemeSummary.voices}). */
  voicesTotal: number;
  /** Campaigns found among all records. */
  campaignsTotal: number;
  /** Records that belong to a campaign. */
  campaignRecords: number;
  /** The biggest campaigns, at most {@link CAMPAIGNS_LISTED}, most records first. */
  campaigns: Campaign[];
  unthemed: number;
  /** Records and voices per channel with records, in the order of `CHANNELS`; exact (`protectReach` publishes them). */
  byChannel: ChannelReach[];
  /** Earliest and latest record dates (ISO), or null when no record has a date. */
  dateRange: { from: string; to: string } | null;
  /** Records without a date. */
  undated: number;
  /** Themes by count (most first), ties in codebook order. */
  themes: ThemeSummary[];
  /** Up to five unthemed records, chosen deterministically. */
  unthemedSample: Quote[];
  /** How many items of personal data were redacted from the quotes, by kind. */
  redactions: Record<string, number>;
  /** True when quotes carry their authors (`--authors`). */
  includeAuthors: boolean;
  /** True when quotes carry the export's own ids (`--ids`): the report is then not fit to publish. */
  includeSourceIds: boolean;
  /** All records by question, source and month, protected (dimensions no record has are left out). */
  breakdowns: Breakdown[];
  /** Which themes are raised together. */
  coOccurrence: CoOccurrence;
  /** The words and phrases that stand out in the unthemed records, most distinctive first. */
  unthemedTerms: UnthemedTerm[];
  /** The subset reported on, or null for the whole store. */
  selection: ReportSelection | null;
  /** Short plain-language findings, each number traceable to a table below. */
  keyFindings: KeyFinding[];
  /** Each theme's record ids (sorted) and the codebook's keywords: what `tlap diff` compares. */
  trace: ReportTrace;
  /** What changed since an earlier report (`--diff`), or null. */
  changes: ThemeChange[] | null;
  /** The small-number rule the breakdown cells went through. */
  disclosure: DisclosureRule;
  /** What records are broken down by as respondent groups (`report.groups`), or null when the codebook names none. */
  groups: RespondentGroups | null;
  /** What `quotes: exclude:` in the codebook did: how many records it kept from being quoted, of how many entries. */
  quoteExclusions: QuoteExclusions;
  /**
   * Records reported on whose respondents did not agree to publication (their answer to the
   * export's question on publishing; see src/privacy/publication-consent.ts), and what the
   * codebook's `quotes.consent` did with them: `respect` never quotes them, `ignore` may.
   */
  declinedPublication: { records: number; policy: ConsentPolicy };
}

/** The analyst's vetoes on quotes (`quotes: exclude:`), counted; the ids themselves are not published. */
export interface QuoteExclusions {
  /** Records reported on that the entries name (by tlap's id or the export's own id): never quoted. */
  records: number;
  /** Entries in `quotes: exclude:`. */
  entries: number;
}

/** What `tlap diff` needs to say which records moved. */
export interface ReportTrace {
  /** Record ids per theme id, sorted. */
  recordIds: Record<string, string[]>;
  /** Keywords per theme id, as written in the codebook. */
  keywords: Record<string, string[]>;
  /**
   * The words, as written, of the hits of every keyword the report prints as `[name]`, sorted: what
   * it withholds from its quotes where redaction left them (`the day centre worker kaelynn`), and
   * what a CSV of the same records must withhold to agree with it (see withholdingWords).
   */
  nameWords: string[];
}

/** How one theme's count changed since an earlier report. */
export interface ThemeChange {
  themeId: string;
  label: string;
  /** Records before (null: the theme is new). */
  before: number | null;
  /** Records now (null: the theme is gone). */
  after: number | null;
}
