import type { Codebook, Theme } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import type { ThemedRecord } from '../themes/assign-themes.js';

/** One keyword hit as the analysis commands read it from the matcher's evidence. */
export interface EvidenceHit {
  /** The theme the hit counts for. */
  themeId: string;
  /** The keyword as written in the codebook. */
  keyword: string;
  /** The words of the record it matched, lower case. */
  words: string;
}

/** A record with its themes and the evidence behind them, as the matcher gave them. */
export interface CodedRecord {
  record: FeedbackRecord;
  /** The record's themes, codebook order. */
  themeIds: readonly string[];
  /** Every hit that counts, text order. */
  hits: readonly EvidenceHit[];
}

/** Reads the matcher's evidence for one themed record (the analysis commands never match text themselves). */
export function codedRecordOf(themed: ThemedRecord): CodedRecord {
  return {
    record: themed.record,
    themeIds: themed.themeIds,
    hits: themed.matches.map((match) => ({ themeId: match.themeId, keyword: match.keyword, words: match.matched })),
  };
}

/** A keyword of the codebook as written, with the theme it belongs to. */
export interface CodebookKeyword {
  themeId: string;
  keyword: string;
}

/** Every keyword of a theme as written, in codebook order. */
export function keywordsOfTheme(theme: Theme): string[] {
  return theme.keywords.map((pattern) => pattern.source);
}

/** Every keyword of the codebook, theme by theme, in codebook order. */
export function codebookKeywords(codebook: Codebook): CodebookKeyword[] {
  return codebook.themes.flatMap((theme) => keywordsOfTheme(theme).map((keyword) => ({ themeId: theme.id, keyword })));
}

/**
 * The ids of themes that apply only when no other theme matched (`otherwise: true`); a record whose
 * only themes are these counts as unthemed in `tlap gaps`.
 */
export function otherwiseThemeIds(codebook: Codebook): Set<string> {
  return new Set(codebook.themes.filter((theme) => 'otherwise' in theme && theme.otherwise === true).map((theme) => theme.id));
}
