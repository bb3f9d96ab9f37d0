import type { AdapterItem } from '../format-adapter.js';
import type { Provenance } from '../../record/record.js';
import { simplifyColumnName } from './column-names.js';

/** The label that opens a spreadsheet's summary row: `Total`, `Grand total`, `Count`, `Average`, `Number of responses`. */
const SUMMARY_LABEL =
  /^(?:(?:grand |sub-?|overall )?totals?(?: (?:responses|respondents|replies|comments|count|number))?|count|sum|average|mean|median|(?:total )?(?:number|no\.?) of (?:responses|respondents|replies|comments))\s*:?$/iu;

/** A number as a summary row holds it: a count, an amount, a percentage (`12`, `1,024`, `£3.50`, `45%`). */
const NUMBER = /^[-+(]?[£$€]?\s?\d[\d\s.,]*%?\)?$/u;

/**
 * True when a table row is a summary under the data, as people add to a spreadsheet before
 * saving or sharing it (`Total | 3 | 3`, `Average: | 4.2`): its first filled cell is such a
 * label and every other filled cell is a number. Such a row counts answers; it is no one's answer.
 */
export function isSummaryRow(cells: readonly string[]): boolean {
  let labelSeen = false;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '') continue;
    if (!labelSeen) {
      if (!SUMMARY_LABEL.test(text)) return false;
      labelSeen = true;
      continue;
    }
    if (!NUMBER.test(text)) return false;
  }
  return labelSeen;
}

/**
 * True when a table row repeats its header (`Name,Comment` again among the rows), as it does in
 * exports joined into one file or sheets pasted one under another: every filled cell is the name of
 * its column (a byte order mark the joined file kept is passed over), two or more of them.
 */
export function isRepeatedHeaderRow(cells: readonly string[], headers: readonly string[]): boolean {
  let matched = 0;
  for (const [index, cell] of cells.entries()) {
    const text = cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (text === '') continue;
    const header = (headers[index] ?? '').trim().toLowerCase();
    if (text !== header && text !== header.replace(/ \(\d+\)$/, '')) return false;
    matched += 1;
  }
  return matched >= Math.min(2, headers.length) && matched > 0;
}

/** The `Status` values of responses no respondent gave (see {@link RESPONSE_KIND_VALUES}), lower-cased. */
const NOT_RESPONDENTS_STATUS: ReadonlySet<string> = new Set([
  'survey preview',
  'survey test',
  'offline survey preview',
  'spam',
  'test data',
]);

/**
 * Columns (simplified) in which a survey tool says how a response came in, with the values it
 * writes for a response no respondent gave: Qualtrics' `Status` (headed `Response Type` in its
 * second header row) is `Survey Preview` or `Survey Test` for the runs through the survey its
 * makers did before it opened, and `Spam` for what its bot check caught; its
 * `DistributionChannel` is `preview` or `test` for the same runs. Alchemer's `Status` is `Test
 * Data` for its makers' test responses.
 */
const RESPONSE_KIND_VALUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['status', NOT_RESPONDENTS_STATUS],
  ['responsetype', NOT_RESPONDENTS_STATUS],
  ['distributionchannel', new Set(['preview', 'test'])],
]);

/** Per table header, its columns in which a survey tool says how a response came in, with the values it writes for one no respondent gave: found once per table. */
const responseKindColumns = new WeakMap<readonly string[], readonly (readonly [number, ReadonlySet<string>])[]>();

function responseKindColumnsOf(headers: readonly string[]): readonly (readonly [number, ReadonlySet<string>])[] {
  let columns = responseKindColumns.get(headers);
  if (columns === undefined) {
    columns = headers.flatMap((header, index) => {
      const values = RESPONSE_KIND_VALUES.get(simplifyColumnName(header));
      return values === undefined ? [] : [[index, values] as const];
    });
    responseKindColumns.set(headers, columns);
  }
  return columns;
}

/** The column and value that mark a row as a survey tool's test or preview response, or as its spam ({@link RESPONSE_KIND_VALUES}); null for a response. */
function testResponseOf(cells: readonly string[], headers: readonly string[]): string | null {
  for (const [index, values] of responseKindColumnsOf(headers)) {
    const value = (cells[index] ?? '').trim();
    if (values.has(value.toLowerCase())) return `${(headers[index] ?? '').trim()}: ${value}`;
  }
  return null;
}

/**
 * Why a table row is no one's answer but part of the table itself (a totals row, the header
 * again) or the survey tool's own (a test or preview response), in words for the filtered item's
 * detail; null for a row of data.
 */
export function tableFurnitureOf(cells: readonly string[], headers: readonly string[]): string | null {
  if (isSummaryRow(cells)) return 'a totals row under the table';
  if (isRepeatedHeaderRow(cells, headers)) return 'the header row again (files joined into one?)';
  const test = testResponseOf(cells, headers);
  if (test !== null) return `not a respondent's answer (${test})`;
  return null;
}

/**
 * The filtered item for a row that {@link tableFurnitureOf} finds is part of the table itself,
 * with the row's own id where it has one; null for a row of data.
 */
export function tableFurnitureItem(
  cells: readonly string[],
  headers: readonly string[],
  provenance: Provenance,
  sourceId: string | null,
): AdapterItem | null {
  const furniture = tableFurnitureOf(cells, headers);
  if (furniture === null) return null;
  return { kind: 'filtered', rule: 'not-feedback', provenance, ...(sourceId === null ? {} : { sourceId }), detail: furniture };
}
