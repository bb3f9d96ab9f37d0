import type { RedactionPolicy } from '../privacy/redaction-policy.js';

/** One word position of a keyword pattern. */
export type TermPattern =
  | {
      /** Matches a word whose Porter stem is `stem`. */
      kind: 'stem';
      stem: string;
    }
  | {
      /** Matches a word that starts with `prefix` (a keyword word ending in `*`). */
      kind: 'prefix';
      prefix: string;
    };

/** A keyword or phrase, normalised: it matches where its terms occur contiguously. */
export interface KeywordPattern {
  /** The keyword as written in themes.yaml. */
  source: string;
  /** Its words, normalised by the same function as record text. */
  terms: TermPattern[];
}

/** One theme of the codebook, ready for matching. */
export interface Theme {
  /** Stable id (lower-case letters, digits, `-` and `_`), used in json/csv output. */
  id: string;
  /** Human label for the report. */
  label: string;
  /** What the theme covers, shown in the report. */
  description: string;
  /** Keywords and phrases that put a record in this theme. */
  keywords: KeywordPattern[];
  /** Phrases that veto the keyword hits lying inside them. */
  exclude: KeywordPattern[];
}

/** The codebook after parsing, validation and normalisation. */
export interface Codebook {
  /** Schema version; always 1. */
  version: 1;
  /** The report's title. */
  title: string;
  /** Themes in codebook order (the order of json/csv columns). */
  themes: Theme[];
  /** What published output redacts (`redact:` in themes.yaml; every kind when absent). */
  redaction: RedactionPolicy;
  /** sha256 (first 16 hex digits) of the normalised codebook: changes when any theme, keyword or setting changes. */
  fingerprint: string;
  /** The file it was loaded from, as given. */
  file: string;
}
