import type { Codebook } from '../codebook/codebook.js';
import { agreementScores, averagedF1, countOutcome, emptyConfusion, type ConfusionCounts } from '../stats/agreement-scores.js';
import { bootstrapF1Intervals, BOOTSTRAP_RESAMPLES } from '../stats/bootstrap-interval.js';
import { distinctiveTerms, TermTally, termsOf, type RecordTerm } from '../stats/distinctive-terms.js';
import type { GoldFile, GoldProblem } from '../stats/gold-file.js';
import { BOOTSTRAP_SEED } from '../stats/seeded-random.js';
import { codebookKeywords, type CodedRecord } from './coded-record.js';

/** A record that is both in the store and in the gold, with both codings and its evidence. */
export interface EvaluatedRecord {
  id: string;
  sourceId: string;
  text: string;
  /** Theme ids the codebook gave it. */
  predicted: ReadonlySet<string>;
  /** Theme ids the gold gives it (only those of the codebook). */
  gold: ReadonlySet<string>;
  /** Per theme, the keywords whose hits put it there. */
  keywords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Its words and two-word phrases (see termsOf). */
  terms: readonly RecordTerm[];
}

/** Scores and errors of one theme. */
export interface ThemeEvaluation {
  id: string;
  precision: number;
  recall: number;
  f1: number;
  kappa: number;
  support: number;
  /**
   * Records the codebook put in the theme and the gold does not, each by its tlap id (what the gold
   * and `explain` take) and source id, with its text and the keywords behind it.
   */
  false_positives: { id: string; source_id: string; keywords: string[]; text: string }[];
  /** Records the gold puts in the theme and the codebook does not, with their text and most telling words. */
  false_negatives: { id: string; source_id: string; words: string[]; text: string }[];
}

/** A keyword's precision on the gold. */
export interface KeywordEvaluation {
  theme: string;
  keyword: string;
  /** Of the gold records it put in its theme, the share the gold also puts there; null when it hit none. */
  precision: number | null;
  /** Gold records it hit. */
  hits: number;
}

/** What `tlap eval` reports (the `--json` shape). */
export interface EvaluationReport {
  /** Records in both the store and the gold: the scores are over these. */
  records: number;
  macro_f1: number;
  micro_f1: number;
  macro_f1_ci: [number, number];
  micro_f1_ci: [number, number];
  themes: ThemeEvaluation[];
  keywords: KeywordEvaluation[];
  /** Gold rows whose record is not in the store. */
  missing_from_store: number;
  missing_from_store_ids: string[];
  /**
   * Store records the gold does not code, each named as the gold keys records (its `source_id` or
   * `id` column); 0 for a coding sheet (see {@link sample}), whose records are a sample of the store.
   */
  missing_from_gold: number;
  missing_from_gold_ids: string[];
  /**
   * For a coding sheet drawn by `tlap sample` (a gold file with a `coded` column): its rows, those
   * coded (scored when the store holds them), of them those read as coded because they mark a
   * theme though their coded cell is empty, those not marked coded yet, and the store's records
   * outside it; null for any other gold.
   */
  sample: { rows: number; coded: number; coded_by_themes: number; not_coded: number; outside: number } | null;
  /** Theme ids used in the gold that the codebook does not have (left out of the scores). */
  unknown_gold_themes: { theme: string; records: number; first_line: number }[];
  /**
   * Themes the gold names by a codebook theme's label rather than its id (`Care received` for
   * `care-received`), each read as that theme.
   */
  gold_theme_labels: { label: string; theme: string; code_label?: string }[];
  /**
   * The file the gold's codes were given labels from (ThemeFinder's `themes.json` beside its
   * mapping), when it had one: each `gold_theme_labels` entry read through it has its `code_label`.
   */
  gold_code_labels_file: string | null;
  /** The question part a coding keyed by respondent codes (`question_part_1`), when its folder names one. */
  gold_question_part: string | null;
  /** Store records that answer other question parts than {@link EvaluationReport.gold_question_part}: left out, neither scored nor missing. */
  other_question_records: number;
  /**
   * Rows of a gold that has both a `themes` cell and 0/1 theme columns (tlap's CSV report) where
   * the two disagree on a theme of the codebook, as when a coder corrected one and not the other:
   * the line, the themes the cell gives and the themes the columns mark. The cell is scored.
   */
  gold_column_disagreements: { line: number; themes: string[]; marked: string[] }[];
  /** Gold rows left out, each with its file and line. */
  gold_problems: GoldProblem[];
  /** How the interval was drawn. */
  bootstrap: { resamples: number; seed: number };
}

/** The evaluation and the records it was computed over (suggestions work on the same records). */
export interface Evaluation {
  report: EvaluationReport;
  records: EvaluatedRecord[];
}

/** How many telling words are listed for a false negative. */
const TELLING_WORDS = 5;

/** Scores are rounded to this many decimals in the report, so JSON output reads and diffs cleanly. */
const DECIMALS = 4;

/** A score rounded for the report. */
export function rounded(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

/**
 * Compares the codebook's coding of the store with a gold file. Reads each coded record once;
 * keeps in memory only the records the gold codes. `resamples` sets the bootstrap's draws
 * ({@link BOOTSTRAP_RESAMPLES} unless given; 0 leaves the intervals at [0, 0]).
 */
export async function evaluateCodebook(
  codebook: Codebook,
  coded: AsyncIterable<CodedRecord> | Iterable<CodedRecord>,
  gold: GoldFile,
  options: { resamples?: number } = {},
): Promise<Evaluation> {
  const known = new Set(codebook.themes.map((theme) => theme.id));
  const { themeOf, labels } = goldThemeNames(codebook, gold);
  const goldByKey = new Map(gold.entries.map((entry) => [entry.key, entry]));
  const seen = new Set<string>();
  const records: EvaluatedRecord[] = [];
  const missingFromGold: string[] = [];
  let otherQuestions = 0;
  for await (const item of coded) {
    const key = goldKeyOf(item.record, gold);
    if (key === null) {
      otherQuestions += 1;
      continue;
    }
    const entry = goldByKey.get(key);
    if (entry === undefined || seen.has(key)) {
      missingFromGold.push(key);
      continue;
    }
    seen.add(key);
    const keywords = new Map<string, Set<string>>();
    for (const hit of item.hits) {
      const set = keywords.get(hit.themeId) ?? new Set<string>();
      keywords.set(hit.themeId, set);
      set.add(hit.keyword);
    }
    records.push({
      id: item.record.id,
      sourceId: item.record.sourceId,
      text: item.record.text,
      predicted: new Set(item.themeIds.filter((id) => known.has(id))),
      gold: new Set(entry.themes.flatMap((name) => themeOf.get(name) ?? [])),
      keywords,
      terms: termsOf(item.record.text),
    });
  }
  const missingFromStore = gold.entries.filter((entry) => !seen.has(entry.key)).map((entry) => entry.key);
  const report = scoreRecords(codebook, records, options.resamples);
  return {
    records,
    report: {
      ...report,
      missing_from_store: missingFromStore.length,
      missing_from_store_ids: missingFromStore,
      missing_from_gold: gold.sample === null ? missingFromGold.length : 0,
      missing_from_gold_ids: gold.sample === null ? missingFromGold : [],
      sample:
        gold.sample === null
          ? null
          : {
              rows: gold.sample.rows,
              coded: gold.entries.length,
              coded_by_themes: gold.sample.codedByThemes.length,
              not_coded: gold.sample.notCoded.length,
              outside: missingFromGold.length - notCodedInStore(gold.sample.notCoded, missingFromGold),
            },
      unknown_gold_themes: unknownThemes(gold, themeOf),
      gold_theme_labels: labels,
      gold_code_labels_file: gold.themeLabels?.file ?? null,
      gold_question_part: gold.questionPart ?? null,
      other_question_records: otherQuestions,
      gold_column_disagreements: columnDisagreements(gold, themeOf),
      gold_problems: gold.problems,
    },
  };
}

/**
 * What a record is called in the gold: its source id, tlap id, or for a coding keyed by
 * respondent its `meta.respondent` (its source id when it has none); null for an answer to
 * another question part than the one the gold codes.
 */
function goldKeyOf(record: CodedRecord['record'], gold: GoldFile): string | null {
  if (gold.keyColumn === 'id') return record.id;
  if (gold.keyColumn === 'source_id') return record.sourceId;
  const respondent = record.meta['respondent'];
  if (typeof respondent !== 'string') return record.sourceId;
  if (gold.questionPart !== undefined && record.sourceId !== `${respondent}:${gold.questionPart}`) return null;
  return respondent;
}

/** How many of a coding sheet's rows not coded yet name a record of the store (one the gold does not code). */
function notCodedInStore(notCoded: readonly string[], missingFromGold: readonly string[]): number {
  const inStore = new Set(missingFromGold);
  return notCoded.filter((key) => inStore.has(key)).length;
}

type Scores = Omit<
  EvaluationReport,
  | 'missing_from_store'
  | 'missing_from_store_ids'
  | 'missing_from_gold'
  | 'missing_from_gold_ids'
  | 'sample'
  | 'unknown_gold_themes'
  | 'gold_theme_labels'
  | 'gold_code_labels_file'
  | 'gold_question_part'
  | 'other_question_records'
  | 'gold_column_disagreements'
  | 'gold_problems'
>;

/** The scores of a codebook's coding over records both coded (exported for the suggestions' held-out checks). */
export function scoreRecords(codebook: Codebook, records: readonly EvaluatedRecord[], resamples = BOOTSTRAP_RESAMPLES): Scores {
  const themeIds = codebook.themes.map((theme) => theme.id);
  const tables: ConfusionCounts[] = themeIds.map(() => emptyConfusion());
  for (const record of records) {
    themeIds.forEach((id, index) => {
      const table = tables[index];
      if (table !== undefined) countOutcome(table, record.predicted.has(id), record.gold.has(id));
    });
  }
  const telling = tellingTerms(themeIds, records);
  const themes = themeIds.map((id, index): ThemeEvaluation => {
    const scores = agreementScores(tables[index] ?? emptyConfusion());
    const zOf = telling.get(id) ?? new Map<string, number>();
    return {
      id,
      precision: rounded(scores.precision),
      recall: rounded(scores.recall),
      f1: rounded(scores.f1),
      kappa: rounded(scores.kappa),
      support: scores.support,
      false_positives: records
        .filter((record) => record.predicted.has(id) && !record.gold.has(id))
        .map((record) => ({
          id: record.id,
          source_id: record.sourceId,
          keywords: [...(record.keywords.get(id) ?? [])],
          text: record.text,
        })),
      false_negatives: records
        .filter((record) => record.gold.has(id) && !record.predicted.has(id))
        .map((record) => ({ id: record.id, source_id: record.sourceId, words: mostTelling(record.terms, zOf), text: record.text })),
    };
  });
  const { macro, micro } = averagedF1(tables);
  const indexOf = new Map(themeIds.map((id, index) => [id, index]));
  const pairs = records.map((record) => ({
    predicted: [...record.predicted].flatMap((id) => indexOf.get(id) ?? []),
    gold: [...record.gold].flatMap((id) => indexOf.get(id) ?? []),
  }));
  const intervals = bootstrapF1Intervals(pairs, themeIds.length, { resamples });
  return {
    records: records.length,
    macro_f1: rounded(macro),
    micro_f1: rounded(micro),
    macro_f1_ci: [rounded(intervals.macro[0]), rounded(intervals.macro[1])],
    micro_f1_ci: [rounded(intervals.micro[0]), rounded(intervals.micro[1])],
    themes,
    keywords: keywordPrecision(codebook, records),
    bootstrap: { resamples, seed: BOOTSTRAP_SEED },
  };
}

/**
 * Per theme, how distinctive each term is of the theme in the gold: the z-score of the log-odds
 * ratio (Monroe et al. 2008) of the gold's records in the theme against the rest.
 */
export function tellingTerms(themeIds: readonly string[], records: readonly EvaluatedRecord[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const id of themeIds) {
    const inTheme = new TermTally();
    const rest = new TermTally();
    for (const record of records) (record.gold.has(id) ? inTheme : rest).add(record.terms);
    result.set(id, new Map(distinctiveTerms(inTheme, rest, { minCount: 2 }).map((term) => [term.key, term.z])));
  }
  return result;
}

function mostTelling(terms: readonly RecordTerm[], zOf: ReadonlyMap<string, number>): string[] {
  return terms
    .flatMap((term) => {
      const z = zOf.get(term.key);
      return z === undefined ? [] : [{ written: term.written, z }];
    })
    .sort((a, b) => b.z - a.z || (a.written < b.written ? -1 : 1))
    .slice(0, TELLING_WORDS)
    .map((term) => term.written);
}

function keywordPrecision(codebook: Codebook, records: readonly EvaluatedRecord[]): KeywordEvaluation[] {
  return codebookKeywords(codebook).map(({ themeId, keyword }) => {
    let hits = 0;
    let right = 0;
    for (const record of records) {
      if (!record.keywords.get(themeId)?.has(keyword)) continue;
      hits += 1;
      if (record.gold.has(themeId)) right += 1;
    }
    return { theme: themeId, keyword, precision: hits === 0 ? null : rounded(right / hits), hits };
  });
}

/** A theme label as the gold may write it: case and runs of spaces do not count. */
function labelKey(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * What each theme name of the gold stands for: a theme id of the codebook is that theme; any other
 * name that is a theme's label (ignoring case and spacing) is read as that theme, since coders
 * often write the labels they were given; and a code the gold's {@link GoldFile.themeLabels} give
 * a label (ThemeFinder's topic `A`) is read as the theme whose id or label that is. Names none of
 * these have no entry.
 */
export function goldThemeNames(
  codebook: Codebook,
  gold: GoldFile,
): { themeOf: Map<string, string>; labels: EvaluationReport['gold_theme_labels'] } {
  const byLabel = new Map<string, string>();
  for (const theme of codebook.themes) if (!byLabel.has(labelKey(theme.label))) byLabel.set(labelKey(theme.label), theme.id);
  const known = new Set(codebook.themes.map((theme) => theme.id));
  const themeOf = new Map<string, string>();
  const labels: EvaluationReport['gold_theme_labels'] = [];
  for (const name of [...gold.entries.flatMap((entry) => entry.themes), ...gold.markColumns]) {
    if (themeOf.has(name)) continue;
    if (known.has(name)) {
      themeOf.set(name, name);
      continue;
    }
    const theme = byLabel.get(labelKey(name));
    if (theme !== undefined) {
      themeOf.set(name, theme);
      labels.push({ label: name, theme });
      continue;
    }
    const codeLabel = gold.themeLabels?.labels.get(name);
    const coded = codeLabel === undefined ? undefined : known.has(codeLabel) ? codeLabel : byLabel.get(labelKey(codeLabel));
    if (codeLabel === undefined || coded === undefined) continue;
    themeOf.set(name, coded);
    labels.push({ label: name, theme: coded, code_label: codeLabel });
  }
  return { themeOf, labels };
}

function columnDisagreements(gold: GoldFile, themeOf: ReadonlyMap<string, string>): EvaluationReport['gold_column_disagreements'] {
  const columns = new Set(gold.markColumns.flatMap((column) => themeOf.get(column) ?? []));
  if (!gold.themesColumn || columns.size === 0) return [];
  const resolved = (names: readonly string[]): string[] => [...new Set(names.flatMap((name) => themeOf.get(name) ?? []))];
  return gold.entries.flatMap((entry) => {
    const themes = resolved(entry.themes);
    const marked = resolved(entry.marked ?? []);
    const agree = [...columns].every((theme) => themes.includes(theme) === marked.includes(theme));
    return agree ? [] : [{ line: entry.line, themes, marked }];
  });
}

function unknownThemes(gold: GoldFile, themeOf: ReadonlyMap<string, string>): EvaluationReport['unknown_gold_themes'] {
  const found = new Map<string, { theme: string; records: number; first_line: number }>();
  for (const entry of gold.entries) {
    for (const theme of entry.themes) {
      if (themeOf.has(theme)) continue;
      const item = found.get(theme) ?? { theme, records: 0, first_line: entry.line };
      item.records += 1;
      found.set(theme, item);
    }
  }
  return [...found.values()];
}
