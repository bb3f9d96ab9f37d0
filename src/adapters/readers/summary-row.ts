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
