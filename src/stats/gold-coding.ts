/** One record's human coding, read from a gold file. */
export interface GoldEntry {
  /** The record's `source_id` (or `id`, when the file has no `source_id` column). */
  key: string;
  /** Theme ids the coders gave it (the `themes` cell split at `;`, trimmed); empty for none. */
  themes: string[];
  /** The 1-based line of the file where the row starts. */
  line: number;
  /** The row a spreadsheet shows it on, when that is not its line (a cell above holds a line break). */
  row?: number;
  /** Beside a `themes` column, the themes its 0/1 columns mark (see {@link GoldFile.markColumns}). */
  marked?: string[];
}

/** A row of a gold file that could not be used, with where it is. */
export interface GoldProblem {
  file: string;
  line: number;
  /** The row a spreadsheet shows it on, when that is not its line (a cell above holds a line break). */
  row?: number;
  message: string;
}

/** A gold file read: its entries, which column keys them, and the rows left out. */
export interface GoldFile {
  /**
   * What the keys are matched against: a record's `source_id` or tlap `id`, or (`respondent`, as
   * ThemeFinder's `response_id` names them) the respondent of a consultation's answer,
   * `meta.respondent`, in the question part {@link GoldFile.questionPart} names when it names one.
   */
  keyColumn: 'source_id' | 'id' | 'respondent';
  /**
   * For a coding keyed by respondent, the question part it codes (`question_part_1`, the folder
   * ThemeFinder writes a question's mapping in): only that part's answers are scored, the others
   * counted apart.
   */
  questionPart?: string;
  /** The coded records, in file order, one per key. */
  entries: GoldEntry[];
  /** Rows left out (a duplicate key, an empty key), each naming its line. */
  problems: GoldProblem[];
  /**
   * The headers of the columns that mark one theme each with 1 (0 or empty for not): where there
   * is no `themes` column they give the themes; beside one, as tlap's CSV report writes them,
   * each entry's `marked` says what they mark, so that a row a coder corrected in the one and not
   * the other can be found.
   */
  markColumns: string[];
  /** Whether the themes come from a `themes` column (else from the mark columns). */
  themesColumn: boolean;
  /**
   * By key, the `text` cell of each coded row, when the file has a `text` column (a coding
   * sheet's, or tlap's CSV report's): what the record says as the coders read it, to show beside
   * a disagreement.
   */
  texts: Map<string, string>;
  /**
   * Labels for theme names the coding writes as codes, read from a file beside it (ThemeFinder's
   * `themes.json` beside its `mapping.jsonl`: topic `A` is `Complete Ban Support`): by code, its
   * label, and the file they were read from. A code that is no theme's id is read as the theme
   * with its label.
   */
  themeLabels?: { labels: Map<string, string>; file: string };
  /**
   * For a coding sheet (a file with a `coded` column, as `tlap sample` writes it): its rows, and the
   * keys of those not marked coded yet (left out of the entries, and no problem); null for other files.
   */
  sample: {
    rows: number;
    notCoded: string[];
    /**
     * The lines of rows read as coded though their coded cell is empty, because they mark a theme:
     * a coder who marks a record's themes has coded it, and leaving such rows out would drop
     * themed records only, and score the codebook on the rest.
     */
    codedByThemes: number[];
  } | null;
}
