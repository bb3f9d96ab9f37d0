import type { Codebook, SourcePosition, Theme } from '../codebook/codebook.js';
import type { FeedbackRecord } from '../record/record.js';
import type { ThemedRecord } from '../themes/themed-record.js';

/** One keyword hit as the analysis commands read it from the matcher's evidence. */
export interface EvidenceHit {
  /** The theme the hit counts for. */
  themeId: string;
  /** The keyword as written in the codebook. */
  keyword: string;
  /** Where the keyword is written. */
  position: SourcePosition;
  /** The words of the record it matched, as written there. */
  words: string;
  /** Offsets of those words in the record's text: `text.slice(start, end)`. */
  start: number;
  end: number;
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
    hits: themed.evidence.flatMap((evidence) =>
      evidence.hits.map((hit) => ({
        themeId: evidence.themeId,
        keyword: hit.keyword,
        position: hit.position,
        words: hit.words,
        start: hit.start,
        end: hit.end,
      })),
    ),
  };
}

/** A keyword of the codebook as written, with the theme it belongs to. */
export interface CodebookKeyword {
  themeId: string;
  keyword: string;
  /** Where it is written in the codebook. */
  position: SourcePosition;
}

/** Every keyword of a theme as written (`keywords:`, `exact:` and `near:` entries), in codebook order. */
export function keywordsOfTheme(theme: Theme): string[] {
  return theme.rules.map((rule) => rule.source);
}

/** Every keyword of the codebook, theme by theme, in codebook order. */
export function codebookKeywords(codebook: Codebook): CodebookKeyword[] {
  return codebook.themes.flatMap((theme) =>
    theme.rules.map((rule) => ({ themeId: theme.id, keyword: rule.source, position: rule.position })),
  );
}

/**
 * The ids of themes that apply only when no other theme matched (`otherwise: true`); a record whose
 * only themes are these counts as unthemed in `tlap gaps`.
 */
export function otherwiseThemeIds(codebook: Codebook): Set<string> {
  return new Set(codebook.themes.filter((theme) => theme.otherwise).map((theme) => theme.id));
}
