/**
 * What the matcher returns for one text: for every theme of the codebook, the keyword hits that
 * count and the hits an `exclude` vetoed, each with its evidence. The themes pass, `tlap explain`,
 * `tlap audit`, `tlap eval` and the report all read this one shape; none of them re-matches text.
 */

/** Where an entry of the codebook is written: 1-based line and column in the codebook file. */
export interface CodebookPosition {
  line: number;
  col: number;
}

/** One keyword hit in a text, with its evidence. */
export interface KeywordHit {
  /** The keyword (or `exact:` term, or `near:` rule) as written in the codebook. */
  keyword: string;
  /** Where that keyword is written in the codebook. */
  position: CodebookPosition;
  /** The words of the text that matched, exactly as written there: `text.slice(start, end)`. */
  words: string;
  /** Offset of the first matched character in the record's stored `text` (a JavaScript string index). */
  start: number;
  /** Offset just past the last matched character in the record's stored `text`. */
  end: number;
}

/** A keyword hit that an `exclude` of its theme vetoed. */
export interface VetoedHit extends KeywordHit {
  /** The exclude that vetoed it, as written in the codebook. */
  by: string;
  /** Where that exclude is written. */
  byPosition: CodebookPosition;
}

/** The evidence for one theme in one text. */
export interface ThemeEvidence {
  /** The theme's id. */
  themeId: string;
  /** Hits that count, in text order. */
  hits: KeywordHit[];
  /** Hits vetoed by an exclude, in text order. */
  vetoed: VetoedHit[];
}
