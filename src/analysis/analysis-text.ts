import type { AuditReport } from './audit.js';
import type { CoderAgreement } from './coder-agreement.js';
import type { EvaluationReport } from './evaluation.js';
import type { DiscoverReport, GapsReport } from './gaps.js';
import type { SuggestionResult } from './suggestions.js';
import { formatCount } from '../report/number-format.js';
import { shortenText } from '../text/shortened-text.js';
import { goldPlace } from '../stats/gold-file.js';

/** How many examples of each kind the text views list (`--json` lists all). */
const SHOWN = 5;
/** How much of a record's text the error lists of `eval` show under its id. */
const EXCERPT = 100;

const pct = (value: number): string => value.toFixed(3);
const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

function table(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, index) => {
        const pad = ' '.repeat((widths[index] ?? 0) - [...cell].length);
        return rightAligned.has(index) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

function more(total: number): string[] {
  return total > SHOWN ? [`    … ${total - SHOWN} more (the JSON output lists all)`] : [];
}

/** `tlap audit` as text. */
export function renderAuditText(report: AuditReport): string {
  const lines = [
    `${plural(report.records, 'record')}, ${formatCount(report.themed)} with a theme`,
    '',
    'Keywords (records hit, records it alone puts in its theme, words matched):',
  ];
  let theme = '';
  for (const entry of report.keywords) {
    if (entry.theme !== theme) {
      theme = entry.theme;
      lines.push(`  ${theme}`);
    }
    const words = entry.words.map((word) => `${word.words} ${formatCount(word.count)}`).join(', ');
    lines.push(
      `    ${entry.keyword} (${report.codebook}:${entry.line}:${entry.col}): ${formatCount(entry.records)} hit, ${formatCount(entry.sole)} alone${words === '' ? '' : `; ${words}`}`,
    );
  }
  lines.push(
    '',
    `Keywords that match nothing: ${report.unmatched.length === 0 ? 'none' : report.unmatched.map((entry) => `${entry.keyword} (${entry.theme}, ${report.codebook}:${entry.line}:${entry.col})`).join(', ')}`,
  );
  lines.push('', `Words counted for more than one theme: ${report.shared.length === 0 ? 'none' : ''}`);
  for (const shared of report.shared) {
    lines.push(
      `  ${shared.words}: ${shared.themes.map((entry) => `${entry.theme} via "${entry.keyword}" (${formatCount(entry.records)})`).join(', ')}`,
    );
  }
  lines.push('', `Problems and suggested fixes: ${report.problems.length === 0 ? 'none' : ''}`);
  for (const problem of report.problems) lines.push(`  ${problem.message}`, `    fix: ${problem.fix}`);
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

/**
 * What the scores leave out of the gold's coding, said before them: themes read by their label,
 * themes the codebook does not have, rows whose themes cell and 0/1 theme columns disagree, and,
 * when none of the gold's themes is the codebook's, that every score compares nothing.
 */
function goldThemeLines(report: EvaluationReport): string[] {
  const lines: string[] = [];
  const byLabel = report.gold_theme_labels.filter((entry) => entry.code_label === undefined);
  const byCode = report.gold_theme_labels.filter((entry) => entry.code_label !== undefined);
  if (byLabel.length > 0)
    lines.push(
      `The gold names ${plural(byLabel.length, 'theme')} by label, read as the codebook's theme with that label: ${byLabel.map((entry) => `"${entry.label}" as ${entry.theme}`).join(', ')}`,
    );
  if (byCode.length > 0)
    lines.push(
      `The gold names ${plural(byCode.length, 'theme')} by code, read through the labels of ${report.gold_code_labels_file ?? 'the file beside it'}: ${byCode.map((entry) => `"${entry.label}" (${entry.code_label ?? ''}) as ${entry.theme}`).join(', ')}`,
    );
  for (const unknown of report.unknown_gold_themes)
    lines.push(
      `The gold uses theme "${unknown.theme}" (${plural(unknown.records, 'record')}, first on line ${unknown.first_line}), which the codebook does not have, by id or label: left out`,
    );
  const [first] = report.gold_column_disagreements;
  if (first !== undefined)
    lines.push(
      `${report.gold_column_disagreements.length} gold row${report.gold_column_disagreements.length === 1 ? ' gives' : 's give'} themes in the themes cell that the row's 0/1 theme columns do not, or the other way round (the first, on line ${first.line}: the cell gives ${first.themes.join(';') || 'no theme'}, the columns mark ${first.marked.join(';') || 'none'}); the themes cell is what is scored: correct it, or delete the themes column to score the 0/1 columns`,
    );
  if (report.records === 0)
    lines.push(
      report.sample !== null && report.sample.coded === 0
        ? 'No row of the coding sheet is marked coded yet, so every score below is 0 and says nothing: put 1 in the coded cell of each row once it is coded'
        : 'No record is coded in both the store and the gold, so every score below is 0 and says nothing: the gold names records by ids this store does not hold',
    );
  else if (report.unknown_gold_themes.length > 0 && report.themes.every((theme) => theme.support === 0))
    lines.push(
      `No theme of the gold is a theme of the codebook, so every score below is 0 and says nothing: name the gold's themes by the codebook's ids (${report.themes.map((theme) => theme.id).join(', ')}) or labels`,
    );
  else lines.push(...unusedThemeLines(report));
  return lines;
}

/**
 * The codebook's themes that no gold record has, when the gold has others: each scores 0 and
 * pulls macro-F1 down, which the analyst should read beside macro-F1 over the themes the gold uses.
 */
function unusedThemeLines(report: EvaluationReport): string[] {
  const unused = report.themes.filter((theme) => theme.support === 0);
  const used = report.themes.filter((theme) => theme.support > 0);
  if (unused.length === 0 || used.length === 0) return [];
  const usedMacro = used.reduce((sum, theme) => sum + theme.f1, 0) / used.length;
  return [
    `${plural(unused.length, 'theme')} of the codebook ${unused.length === 1 ? 'is' : 'are'} in no gold record (${unused.map((theme) => theme.id).join(', ')}): ${unused.length === 1 ? 'it scores' : 'each scores'} 0 and pulls macro-F1 down; over the ${plural(used.length, 'theme')} the gold uses, macro-F1 is ${pct(usedMacro)}`,
  ];
}

/** An id as a spreadsheet shows a long number it read from a CSV cell: `6.95659E+19`. */
const SPREADSHEET_NUMBER = /^\d(?:[.,]\d+)?E\+\d+$/iu;

/**
 * True when there are suggestions and, on the records each fold held out, they lower macro-F1:
 * they fit the coding's accidents more than the feedback, and more records should be coded first.
 */
export function suggestionsLowerHeldOut(result: SuggestionResult): boolean {
  const [before, after] = result.method.cross_validated_macro_f1;
  return result.suggestions.length > 0 && after < before;
}

/** `tlap eval` as text, with the suggestions when there are any. */
export function renderEvalText(report: EvaluationReport, suggestions: SuggestionResult | null): string {
  const lines = [
    report.sample === null
      ? `${plural(report.records, 'record')} coded in both the store and the gold; ${plural(report.missing_from_store, 'gold row')} missing from the store, ${plural(report.missing_from_gold, 'store record')} missing from the gold`
      : `${plural(report.records, 'record')} coded in both the store and the gold, a coding sheet of ${plural(report.sample.rows, 'row')} (${formatCount(report.sample.coded)} marked coded, ${formatCount(report.sample.not_coded)} not yet: left out); ${plural(report.missing_from_store, 'gold row')} missing from the store, ${plural(report.sample.outside, 'store record')} outside the sheet`,
    ...(report.gold_question_part === null
      ? []
      : [
          `The gold codes ${report.gold_question_part} (the folder it is in), matched by respondent${report.other_question_records > 0 ? `; ${plural(report.other_question_records, 'answer')} to other questions left out` : ''}`,
        ]),
    ...goldThemeLines(report),
    `macro-F1 ${pct(report.macro_f1)} (95% CI ${pct(report.macro_f1_ci[0])}–${pct(report.macro_f1_ci[1])}), micro-F1 ${pct(report.micro_f1)} (95% CI ${pct(report.micro_f1_ci[0])}–${pct(report.micro_f1_ci[1])}); bootstrap of ${report.bootstrap.resamples} resamples, seed ${report.bootstrap.seed}`,
    '',
    ...table(
      [
        ['theme', 'precision', 'recall', 'F1', 'kappa', 'support'],
        ...report.themes.map((theme) => [
          theme.id,
          pct(theme.precision),
          pct(theme.recall),
          pct(theme.f1),
          pct(theme.kappa),
          formatCount(theme.support),
        ]),
      ],
      new Set([1, 2, 3, 4, 5]),
    ),
    '',
    'Keywords (precision on the gold, gold records hit):',
    ...table(
      report.keywords.map((entry) => [
        `  ${entry.theme}`,
        entry.keyword,
        entry.precision === null ? '-' : pct(entry.precision),
        formatCount(entry.hits),
      ]),
      new Set([2, 3]),
    ),
  ];
  for (const theme of report.themes) {
    if (theme.false_positives.length === 0 && theme.false_negatives.length === 0) continue;
    lines.push(
      '',
      `${theme.id}: ${plural(theme.false_positives.length, 'false positive')}, ${plural(theme.false_negatives.length, 'false negative')}`,
    );
    for (const error of theme.false_positives.slice(0, SHOWN))
      lines.push(`  + ${error.id}  by ${error.keywords.join(', ')}`, `      ${shortenText(error.text, EXCERPT)}`);
    lines.push(...more(theme.false_positives.length));
    for (const error of theme.false_negatives.slice(0, SHOWN))
      lines.push(`  - ${error.id}  telling words: ${error.words.join(', ') || '(none)'}`, `      ${shortenText(error.text, EXCERPT)}`);
    lines.push(...more(theme.false_negatives.length));
  }
  if (report.missing_from_store > 0) {
    lines.push(
      '',
      `Missing from the store: ${report.missing_from_store_ids.slice(0, SHOWN).join(', ')}`,
      ...more(report.missing_from_store),
    );
    const numbers = report.missing_from_store_ids.filter((id) => SPREADSHEET_NUMBER.test(id));
    if (numbers.length > 0)
      lines.push(
        `  ${numbers.slice(0, SHOWN).join(', ')}: what a spreadsheet makes of an id of digits when it opens a CSV, the record no longer named; a workbook keeps ids as text (draw the sheet as .xlsx), or copy the id from the sheet as drawn`,
      );
  }
  if (report.missing_from_gold > 0)
    lines.push('', `Missing from the gold: ${report.missing_from_gold_ids.slice(0, SHOWN).join(', ')}`, ...more(report.missing_from_gold));
  if (suggestions !== null) {
    const [before, after] = suggestions.method.cross_validated_macro_f1;
    lines.push(
      '',
      `Suggestions (each kept only when chosen in ${suggestions.method.min_folds} of ${suggestions.method.folds} cross-validation folds; held-out macro-F1 ${pct(before)} → ${pct(after)}):`,
    );
    if (suggestions.suggestions.length === 0) lines.push('  none');
    lines.push(
      ...table(
        suggestions.suggestions.map((entry) => [
          `  ${entry.theme}`,
          entry.action,
          entry.keyword,
          `precision ${pct(entry.precision)}`,
          `support ${formatCount(entry.support)}`,
          `ΔF1 ${entry.delta_f1 >= 0 ? '+' : ''}${pct(entry.delta_f1)}`,
        ]),
        new Set([4]),
      ),
    );
    if (suggestionsLowerHeldOut(suggestions))
      lines.push(
        '',
        `On records they were not chosen from, these changes lower macro-F1 (${pct(before)} → ${pct(after)}): on ${plural(report.records, 'coded record')} they fit the coding's accidents more than the feedback; code more records before accepting any.`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** `tlap gaps` as text. */
export function renderGapsText(report: GapsReport): string {
  const lines = [
    `${plural(report.unthemed, 'record')} of ${formatCount(report.records)} have no theme (or only otherwise themes)`,
    '',
    'Over-represented in unthemed records (unthemed / themed records, z):',
  ];
  for (const term of report.terms) {
    const channels = Object.entries(report.terms.length === 0 ? {} : term.by_channel)
      .map(([channel, count]) => `${channel} ${formatCount(count)}`)
      .join(', ');
    lines.push(`  ${term.term}  ${formatCount(term.unthemed)} / ${formatCount(term.themed)}, z ${term.z.toFixed(2)}  (${channels})`);
    for (const context of term.contexts) lines.push(`      ${context.id}: ${context.line}`);
  }
  lines.push(
    '',
    report.stub === '' ? 'No theme stub: too few unthemed records.' : 'A theme stub to paste under themes: (name and review it):',
    '',
    report.stub.trimEnd(),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}

/** `tlap gaps --discover` as text: the starter codebook itself. */
export function renderDiscoverText(report: DiscoverReport): string {
  return report.codebook;
}

/** How many records the coders disagree on `tlap agree` lists in text. */
const DISAGREEMENTS_SHOWN = 20;

/** `tlap agree` as text: the two files named as given. */
export function renderAgreementText(agreement: CoderAgreement, firstFile: string, secondFile: string): string {
  const { records } = agreement;
  const share = records === 0 ? '-' : `${((100 * agreement.same_themes) / records).toFixed(1)}%`;
  const lines = [
    `${plural(records, 'record')} coded by both ${firstFile} and ${secondFile}; ${formatCount(agreement.first_only_records)} coded only in ${firstFile}, ${formatCount(agreement.second_only_records)} only in ${secondFile}`,
    `The same themes for ${formatCount(agreement.same_themes)} of ${formatCount(records)} records (${share}); mean kappa ${agreement.mean_kappa === null ? '-' : pct(agreement.mean_kappa)} over the themes either coder used`,
  ];
  const oneSided = agreement.first_only_records + agreement.second_only_records;
  if (records === 0 && oneSided === 0) {
    lines.push(
      'Neither file codes a record yet, so there is nothing to compare: each coder puts 1 under every theme a row is about and 1 in its coded cell, then run this again',
    );
  } else if (oneSided > records) {
    lines.push(
      `More records are coded in one file only (${formatCount(oneSided)}) than in both (${formatCount(records)}), and every figure below is over those in both: for agreement, give each coder a copy of the same sheet and have both code it from the top row`,
    );
  }
  if (agreement.unknown_themes.length > 0) {
    lines.push(`Left out, as no theme of the codebook by id or label: ${agreement.unknown_themes.join(', ')}`);
  }
  lines.push(
    '',
    ...table(
      [
        ['theme', 'both', 'first only', 'second only', 'kappa', 'agreement'],
        ...agreement.themes.map((theme) => [
          theme.id,
          formatCount(theme.both),
          formatCount(theme.first_only),
          formatCount(theme.second_only),
          theme.kappa === null ? '-' : pct(theme.kappa),
          theme.positive_agreement === null ? '-' : pct(theme.positive_agreement),
        ]),
      ],
      new Set([1, 2, 3, 4, 5]),
    ),
  );
  if (agreement.disagreements.length > 0) {
    lines.push('', 'Records coded differently:');
    for (const entry of agreement.disagreements.slice(0, DISAGREEMENTS_SHOWN)) {
      const themes = (list: readonly string[]): string => list.join(';') || 'no theme';
      lines.push(
        `  ${entry.key}  ${goldPlace({ file: firstFile, ...entry.first })} ${themes(entry.first.themes)}  ${goldPlace({ file: secondFile, ...entry.second })} ${themes(entry.second.themes)}`,
      );
      if (entry.text !== null) lines.push(`      ${shortenText(entry.text, EXCERPT)}`);
    }
    if (agreement.disagreements.length > DISAGREEMENTS_SHOWN) {
      lines.push(`    … ${agreement.disagreements.length - DISAGREEMENTS_SHOWN} more (the JSON output lists all)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
