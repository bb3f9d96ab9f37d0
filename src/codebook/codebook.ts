import type { RedactionPolicy } from '../privacy/redaction-policy.js';

/** Where an entry is written in the codebook file: 1-based line and column. */
export interface SourcePosition {
  line: number;
  col: number;
}

/** One word of a rule: what a word of the text must be for it to match. */
export type WordTest =
  | {
      /** Matches a word whose Porter stem is `stem` (`keywords:` entries). */
      kind: 'stem';
      stem: string;
    }
  | {
      /** Matches exactly this word, case-folded, not stemmed (`exact:` entries). */
      kind: 'exact';
      word: string;
    }
  | {
      /** Matches a word that starts with `prefix` (a word ending in `*`). */
      kind: 'prefix';
      prefix: string;
    };

/** A keyword, phrase or exact term: it matches where its words occur one after another. */
export interface PhraseRule {
  kind: 'phrase';
  /** The entry as written in the codebook. */
  source: string;
  /** Where it is written. */
  position: SourcePosition;
  /** Its words, normalised by the same function as record text. */
  words: WordTest[];
}

/** A `near:` entry: it matches where every one of its phrases occurs within `within` words of the others. */
export interface NearRule {
  kind: 'near';
  /** The entry as written, e.g. `listen + staff within 5`. */
  source: string;
  position: SourcePosition;
  /** The phrases that must all occur. */
  all: PhraseRule[];
  /** The most words from the first phrase's first word to the last phrase's first word. */
  within: number;
}

/** A rule that puts a text in a theme. */
export type KeywordRule = PhraseRule | NearRule;

/** An `exclude: [{near: word, within: n}]` entry: vetoes the theme's hits within n words of the phrase. */
export interface NearExcludeRule {
  kind: 'near';
  /** The entry as written, e.g. `near nothing within 4`. */
  source: string;
  position: SourcePosition;
  /** The phrase whose neighbourhood vetoes hits. */
  phrase: PhraseRule;
  /** How many words either side of the phrase its veto reaches. */
  within: number;
}

/** A rule that vetoes a theme's hits: a phrase vetoes the hits inside its own span. */
export type ExcludeRule = PhraseRule | NearExcludeRule;

/** A text in `examples:` that the theme must, or must not, match. */
export interface Example {
  text: string;
  position: SourcePosition;
}

/** One theme of the codebook, ready for matching. */
export interface Theme {
  /** Stable id (lower-case letters, digits, `-` and `_`), used in json/csv output. */
  id: string;
  /** Human label for the report. */
  label: string;
  /** What the theme covers, shown in the report. */
  description: string;
  /** Where the theme's `id:` is written. */
  position: SourcePosition;
  /** `keywords:`, `exact:` and `near:` entries, in that order. */
  rules: KeywordRule[];
  /** `exclude:` entries. */
  excludes: ExcludeRule[];
  /** The id of the theme this one rolls up into, or null. */
  parent: string | null;
  /** True when the theme applies only to records no other theme matched. */
  otherwise: boolean;
  /** Hits (after exclusions) a text needs to be in the theme; 1 unless `min_hits:` says otherwise. */
  minHits: number;
  /** `examples:` for `tlap test`. */
  examples: { match: Example[]; noMatch: Example[] };
}

/** Word for a share of records, from the smallest share it applies to (0 to 1). */
export interface Quantifiers {
  aFew: number;
  some: number;
  many: number;
  most: number;
}

/** Small-number protection for published numbers (`publish:` in themes.yaml). */
export interface PublishPolicy {
  /** Cells of a breakdown below this are shown as "fewer than N"; default 5. */
  minCount: number;
  /** Round published counts to a multiple of this, or null for exact counts. */
  roundTo: number | null;
  /**
   * Thresholds for the words a few, some, many, most, when `publish: quantifiers:` is declared;
   * null when it is not, and the key findings give numbers only.
   */
  quantifiers: Quantifiers | null;
}

/** The thresholds of the words for shares, for any of them `publish: quantifiers:` leaves out. */
export const DEFAULT_QUANTIFIER_THRESHOLDS: Quantifiers = Object.freeze({ aFew: 0, some: 0.1, many: 0.3, most: 0.5 });

/** The publish policy when the codebook says nothing. */
export const DEFAULT_PUBLISH_POLICY: PublishPolicy = Object.freeze({
  minCount: 5,
  roundTo: null,
  quantifiers: null,
});

/** What is matched at a time: a whole record, or each sentence of it. */
export type CodingUnit = 'record' | 'sentence';

/** How many themes a record may get: any number, or one. */
export type AssignMode = 'multi' | 'single';

/** `report:` settings: what the report breaks records down by beyond channel, question, source and month. */
export interface ReportSettings {
  /**
   * `report.groups`: text (any case) that the closed question splitting respondents into groups
   * contains, as survey exports keep it in `meta.answers` ("responding as"); null for no group
   * breakdown.
   */
  groups: string | null;
}

/** The report settings when the codebook says nothing. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = Object.freeze({ groups: null });

/** The codebook after parsing, validation and compilation. */
export interface Codebook {
  /** Schema version; always 1. */
  version: 1;
  /** The report's title. */
  title: string;
  /** The file it was loaded from, as given. */
  file: string;
  /** sha256 (first 16 hex digits) of the compiled codebook: changes when any theme, keyword or setting changes. */
  fingerprint: string;
  /** The normaliser's version the rules were compiled with (see NORMALISATION_VERSION). */
  normalisationVersion: number;
  /** `unit:`; record unless the codebook says sentence. */
  unit: CodingUnit;
  /** `assign:`; multi unless the codebook says single. */
  assign: AssignMode;
  /** Themes in codebook order (the order of json/csv columns). */
  themes: Theme[];
  /** What published output redacts (`redact:` in themes.yaml; every kind when absent). */
  redaction: RedactionPolicy;
  /** `redact.keep_names`: names of public figures that published text keeps as written. */
  keepNames: readonly string[];
  /** `publish:` small-number protection. */
  publish: PublishPolicy;
  /** `quotes:` settings. */
  quotes: QuoteSettings;
  /** `report:` settings. */
  report: ReportSettings;
}

/**
 * What `quotes.consent` says of the answers by which respondents declined publication: `respect`
 * them (never quote those respondents; the default) or `ignore` them (when consent was gathered
 * some other way, or a column was taken for a consent question that is not one).
 */
export type ConsentPolicy = 'respect' | 'ignore';

/** `quotes:` in themes.yaml. */
export interface QuoteSettings {
  /** Record ids (or source ids) never quoted. */
  readonly exclude: readonly string[];
  readonly consent: ConsentPolicy;
}
