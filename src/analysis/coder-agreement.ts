import type { Codebook } from '../codebook/codebook.js';
import { agreementScores, countOutcome, emptyConfusion } from '../stats/agreement-scores.js';
import type { GoldEntry, GoldFile, GoldProblem } from '../stats/gold-file.js';
import { goldThemeNames, rounded } from './evaluation.js';
import { InputError } from '../errors.js';

/** How two coders agree on one theme over the records both coded. */
export interface ThemeAgreement {
  id: string;
  /** Records both put in the theme. */
  both: number;
  /** Records only the first coder put in it. */
  first_only: number;
  /** Records only the second coder put in it. */
  second_only: number;
  /** Cohen's kappa of the two codings of this theme (yes/no per record); null when neither coder used it. */
  kappa: number | null;
  /**
   * Positive agreement: 2·both / (2·both + first only + second only), the F1 of either coding
   * against the other; null when neither coder used it.
   */
  positive_agreement: number | null;
}

/** A record the two coders gave different themes, with where each coded it. */
export interface CoderDisagreement {
  key: string;
  /** The record's text as the first file's `text` column shows it (else the second's); null when neither has one. */
  text: string | null;
  /** The line of the first file (and the spreadsheet's row, when it differs) and the themes it gives. */
  first: { line: number; row?: number; themes: string[] };
  second: { line: number; row?: number; themes: string[] };
}

/** What `tlap agree` reports (the `--json` shape). */
export interface CoderAgreement {
  /** `source_id` or `id`: how both files name records. */
  key_column: 'source_id' | 'id' | 'respondent';
  /** Records coded by both: every figure below is over these. */
  records: number;
  /** Records only the first, or only the second, coded. */
  first_only_records: number;
  second_only_records: number;
  /** Records both gave exactly the same themes (of the codebook's). */
  same_themes: number;
  /** The mean of the themes' kappas, over the themes either coder used; null when they used none. */
  mean_kappa: number | null;
  themes: ThemeAgreement[];
  /** Every record the coders gave different themes, in the first file's order. */
  disagreements: CoderDisagreement[];
  /** Theme names either file uses that are no theme of the codebook, by id or label (left out). */
  unknown_themes: string[];
  /** Rows of either file left out (a cell that is no mark, a row without an id, an id coded twice), as `tlap eval`'s `gold_problems`. */
  problems: GoldProblem[];
}

/**
 * How two coders' codings of the same records agree, theme by theme (Cohen's kappa and positive
 * agreement) and record by record, over the records both coded. Theme names are read as in
 * `tlap eval` (a theme's id or label). Files that name records differently (one by `source_id`,
 * the other by `id`) have no record in common: an error says so.
 */
export function compareCoders(codebook: Codebook, first: GoldFile, second: GoldFile): CoderAgreement {
  if (first.keyColumn !== second.keyColumn) {
    throw new InputError(
      `the two codings name records differently (the first by ${first.keyColumn}, the second by ${second.keyColumn}), so none is in both`,
      {
        hint: "give both files the same column (source_id, or tlap's id as a coding sheet has it)",
        code: 'GOLD_KEYS_DIFFER',
      },
    );
  }
  const firstNames = goldThemeNames(codebook, first).themeOf;
  const secondNames = goldThemeNames(codebook, second).themeOf;
  const themesOf = (entry: GoldEntry, names: ReadonlyMap<string, string>): Set<string> =>
    new Set(entry.themes.flatMap((name) => names.get(name) ?? []));
  const secondByKey = new Map(second.entries.map((entry) => [entry.key, entry]));
  const counts = new Map(codebook.themes.map((theme) => [theme.id, emptyConfusion()]));
  const disagreements: CoderDisagreement[] = [];
  let records = 0;
  let sameThemes = 0;
  for (const entry of first.entries) {
    const other = secondByKey.get(entry.key);
    if (other === undefined) continue;
    records += 1;
    const mine = themesOf(entry, firstNames);
    const theirs = themesOf(other, secondNames);
    for (const [theme, table] of counts) countOutcome(table, theirs.has(theme), mine.has(theme));
    if (mine.size === theirs.size && [...mine].every((theme) => theirs.has(theme))) sameThemes += 1;
    else {
      disagreements.push({
        key: entry.key,
        text: first.texts.get(entry.key) ?? second.texts.get(entry.key) ?? null,
        first: { ...placeOf(entry), themes: ordered(codebook, mine) },
        second: { ...placeOf(other), themes: ordered(codebook, theirs) },
      });
    }
  }
  const themes = codebook.themes.map((theme): ThemeAgreement => {
    const table = counts.get(theme.id) ?? emptyConfusion();
    const scores = agreementScores(table);
    const used = table.truePositives + table.falseNegatives + table.falsePositives > 0;
    return {
      id: theme.id,
      both: table.truePositives,
      first_only: table.falseNegatives,
      second_only: table.falsePositives,
      kappa: used ? rounded(scores.kappa) : null,
      positive_agreement: used ? rounded(scores.f1) : null,
    };
  });
  const kappas = themes.flatMap((theme) => (theme.kappa === null ? [] : [theme.kappa]));
  const unknown = new Set(
    [first, second].flatMap((gold, index) => {
      const names = index === 0 ? firstNames : secondNames;
      return [...gold.entries.flatMap((entry) => entry.themes), ...gold.markColumns].filter((name) => !names.has(name));
    }),
  );
  return {
    key_column: first.keyColumn,
    records,
    first_only_records: first.entries.length - records,
    second_only_records: second.entries.length - records,
    same_themes: sameThemes,
    mean_kappa: kappas.length === 0 ? null : rounded(kappas.reduce((sum, kappa) => sum + kappa, 0) / kappas.length),
    themes,
    disagreements,
    unknown_themes: [...unknown].sort(),
    problems: [...first.problems, ...second.problems],
  };
}

function placeOf(entry: GoldEntry): { line: number; row?: number } {
  return entry.row === undefined ? { line: entry.line } : { line: entry.line, row: entry.row };
}

function ordered(codebook: Codebook, themes: ReadonlySet<string>): string[] {
  return codebook.themes.map((theme) => theme.id).filter((id) => themes.has(id));
}
