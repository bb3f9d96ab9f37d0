import { counted } from '../../counted.js';
import { listHeaders } from './column-mapping.js';
import { simplifyColumnName } from './column-names.js';
import { ANSWER_LABEL_SEPARATOR } from './contact-columns.js';

/** How many rows at the top of a table are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** How many rows below a candidate header are compared with it. */
const BODY_SAMPLE_ROWS = 20;

/** Number of cells that hold something other than white space. */
function filledCount(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== '') count += 1;
  return count;
}

/** Position of the last non-empty cell plus one: the row's width without trailing empty cells. */
function filledWidth(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1) {
    if ((cells[index] ?? '').trim() !== '') return index + 1;
  }
  return 0;
}

/** True for a cell that reads as a number, an amount or a date rather than a label. */
function looksLikeValue(cell: string): boolean {
  const text = cell.trim();
  if (/^[-+(]?[£$€]?\s?\d[\d\s.,]*%?\)?$/.test(text)) return true;
  return /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(text);
}

function isHeaderLike(row: readonly string[], following: readonly (readonly string[])[], bodyWidth: number, checkBelow: boolean): boolean {
  const labels = row.map((cell) => cell.trim()).filter((cell) => cell !== '');
  if (labels.length < Math.min(2, bodyWidth)) return false;
  if (labels.length < bodyWidth * 0.6) return false;
  if (labels.filter(looksLikeValue).length > labels.length * 0.2) return false;
  if (new Set(labels).size < labels.length * 0.9) return false;
  if (!checkBelow) return true;
  return row.every((cell, column) => {
    const label = cell.trim();
    return label === '' || following.every((body) => (body[column] ?? '').trim() !== label);
  });
}

/** How many value rows a report's summary block (`Topic, Webinar ID, …` over one row of values) holds at most. */
const SUMMARY_BLOCK_ROWS = 3;

/**
 * The header of the table that follows a report's summary block, as meeting tools write their
 * reports (Zoom's `Question and Answer Report`: a title, `Topic,Webinar ID,Actual Start Time,…`
 * over one row of values, a section title `Question Details`, then the table): when the header
 * found at `index` has at most {@link SUMMARY_BLOCK_ROWS} rows under it before a blank row or a
 * row of one cell, and the row after that is a header for the rows below it, that row is the
 * header. Returns undefined when the rows under `index` are the table.
 */
function tableAfterSummary(rows: readonly (readonly string[])[], index: number): number | undefined {
  const limit = Math.min(rows.length - 2, index + 1 + SUMMARY_BLOCK_ROWS, HEADER_SEARCH_ROWS - 1);
  for (let breakAt = index + 1; breakAt <= limit; breakAt += 1) {
    if (filledCount(rows[breakAt] ?? []) > 1) continue;
    if (breakAt === index + 1) return undefined;
    let header = breakAt + 1;
    while (header < rows.length && filledCount(rows[header] ?? []) <= 1 && header <= breakAt + 2) header += 1;
    const row = rows[header] ?? [];
    const following = rows.slice(header + 1, header + 1 + BODY_SAMPLE_ROWS);
    if (following.length === 0) return undefined;
    const bodyWidth = following.reduce((widest, body) => Math.max(widest, filledWidth(body)), 0);
    return isHeaderLike(row, following, bodyWidth, true) && filledCount(row) > 1 ? header : undefined;
  }
  return undefined;
}

/**
 * Finds the header among the first rows of a table, for exports with title or preamble rows
 * above it (`Report of all payments…`, `Start Date:`, blank lines). The header is the first row
 * whose cells are mostly non-empty, distinct, non-numeric labels spanning about as many columns
 * as the rows below it, none of them repeated in its column below, with only sparse rows (a
 * title, a label and a value: at most half as many cells as the table is wide) above it. Returns the
 * row's index, or 0 when the first row is already dense or no better header is found, so that an
 * ordinary table is never cut. A header found below title rows that heads only a report's summary
 * block (a few rows, then a section title) gives way to the header of the table after it.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  let densestAbove = 0;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const row = rows[index] ?? [];
    const following = rows.slice(index + 1, index + 1 + BODY_SAMPLE_ROWS);
    if (following.length === 0) return 0;
    const bodyWidth = Math.max(...following.map(filledWidth));
    const filled = filledCount(row);
    if (isHeaderLike(row, following, bodyWidth, index > 0) && (index === 0 || filled > densestAbove)) {
      return index > 0 ? (tableAfterSummary(rows, index) ?? index) : index;
    }
    if (filled >= bodyWidth || filled > Math.max(1, Math.ceil(bodyWidth / 2))) return 0;
    densestAbove = Math.max(densestAbove, filled);
  }
  return 0;
}

/**
 * A header row with the names written on the row right above it over its blank cells, as a
 * report that heads one column a row higher than the others writes it (Engagement HQ's detailed
 * report: `Date of contribution` on the row above `Response ID`, `Login` and the questions).
 * Taken only when every name on that row stands over a blank header cell, so a title or a
 * section name above a full header (`Question Details` over `#,Question,…`) names nothing.
 * `above` is the row right above the header (undefined when there is none, or a blank line
 * stands between them).
 */
export function withNamesAbove(header: readonly string[], above: readonly string[] | undefined): readonly string[] {
  if (above === undefined) return header;
  let named = 0;
  for (const [index, cell] of above.entries()) {
    if (cell.trim() === '') continue;
    if ((header[index] ?? '').trim() !== '') return header;
    named += 1;
  }
  if (named === 0 || filledCount(header) < 2) return header;
  const width = Math.max(header.length, above.length);
  return Array.from({ length: width }, (_, index) => {
    const cell = header[index] ?? '';
    return cell.trim() === '' ? (above[index] ?? '') : cell;
  });
}

/**
 * The warning given when title rows were skipped: how many, the header's line or row, and the
 * first title so the analyst can check the guess (and fix it with the `skipRows` option).
 */
export function titleRowsWarning(titleRows: readonly (readonly string[])[], headerAt: string): string {
  const title = titleRows
    .flat()
    .map((cell) => cell.trim())
    .find((cell) => cell !== '');
  const shown = title === undefined ? '' : ` (${JSON.stringify(title.length > 120 ? `${title.slice(0, 119)}…` : title)})`;
  return `skipped ${counted(titleRows.length, 'title row')} above the header on ${headerAt}${shown}`;
}

/** A column code as survey tools write them: `Q1`, `q3_text`, `QID12`, `resp_type`, `A2b`. */
export function isColumnCode(cell: string): boolean {
  const text = cell.trim();
  return text.length > 0 && text.length <= 24 && !/\s/.test(text) && /^[A-Za-z][A-Za-z0-9]*([_.-][A-Za-z0-9]+)*$/.test(text);
}

/** A cell that reads as a question or a label for one: ends with `?`, or has four or more words. */
function isQuestionText(cell: string): boolean {
  const text = cell.trim();
  return /\?\s*$/.test(text) || text.split(/\s+/).length >= 4;
}

/**
 * Qualtrics' third header row: `{"ImportId":"QID1"}` in every filled cell, or `{'ImportId':
 * 'QID1'}` as older exports (and tools that rewrote them) quote it.
 */
export function isImportIdRow(cells: readonly string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => /^\{\s*(?:"ImportId"|'ImportId')\s*:/.test(cell));
}

/** Names (simplified) of a response's id as a survey tool heads it on its question row: Qualtrics' legacy `ResponseID` under `V1`. */
const RESPONSE_ID_LABELS = new Set(['responseid', 'respondentid']);

/**
 * True when a row under column codes shows itself a header whatever its questions say: a Qualtrics
 * ImportId row follows it, or it names the response id under a code that is not that name
 * (Qualtrics' legacy export: `ResponseID` under `V1`). Such a row's questions need not ask (`Indicate
 * how you feel about squash`, a question written in another language).
 */
function isHeaderByPlace(headers: readonly string[], row: readonly string[], below: readonly (readonly string[])[]): boolean {
  const next = below[0];
  if (next !== undefined && isImportIdRow(next)) return true;
  return row.some((cell, column) => {
    const label = simplifyColumnName(cell);
    return RESPONSE_ID_LABELS.has(label) && simplifyColumnName(headers[column] ?? '') !== label;
  });
}

/**
 * True when the row under a header of short column codes (`Q1`, `Q2_text`, `resp_type`) holds the
 * questions themselves (`What works well?`), as survey tools export two header rows: most header
 * cells are codes, the row below has a question text under at least two of them (or under the only
 * one) and at least one question mark (or its place shows it a header: see {@link isHeaderByPlace}),
 * no number or date, and none of its cells comes again in its column below. A cell may repeat its header (Qualtrics writes `Progress` and `Finished`
 * twice); the question texts are the cells that differ.
 */
export function isQuestionTextRow(headers: readonly string[], row: readonly string[], below: readonly (readonly string[])[]): boolean {
  const codes = headers.filter(isColumnCode).length;
  if (codes < Math.max(1, headers.length * 0.6)) return false;
  let questions = 0;
  let asked = false;
  for (let column = 0; column < headers.length; column += 1) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    if (cell === (headers[column] ?? '').trim()) continue;
    if (looksLikeValue(cell)) return false;
    if (/\?\s*$/.test(cell)) asked = true;
    if (below.some((body) => (body[column] ?? '').trim() === cell)) return false;
    if (isColumnCode(headers[column] ?? '') && isQuestionText(cell)) questions += 1;
  }
  return (asked || isHeaderByPlace(headers, row, below)) && questions >= Math.min(2, codes);
}

/** The id a Qualtrics ImportId cell gives its column: `QID2_TEXT`, `startDate`, `_recordId`; undefined for a cell that names none. */
function importIdOf(cell: string): string | undefined {
  return /^\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']/.exec(cell.trim())?.[1];
}

/**
 * The header that two header rows make: each column named by its question text, or by its code
 * where the question row is blank, made unique like any header. Under a Qualtrics ImportId row
 * (`importIds`), a column whose id is no question's (`startDate`, `_recordId`, `ipAddress`,
 * `locationLatitude`: not `QID…`) keeps its code (`StartDate`, `ResponseId`, `IPAddress`), which is
 * the same in every export, while the row above only labels it in the language of the account
 * that exported it (`Antwort-ID`, `IP-Adresse`).
 */
export function mergeQuestionTexts(headers: readonly string[], row: readonly string[], importIds?: readonly string[]): string[] {
  return headers.map((code, column) => {
    const question = (row[column] ?? '').trim().replace(/\s+/g, ' ');
    const importId = importIds === undefined ? undefined : importIdOf(importIds[column] ?? '');
    if (importId !== undefined && !/^QID/i.test(importId) && code.trim() !== '') return code;
    return question === '' ? code : question;
  });
}

/** The labels SurveyMonkey writes in its second header row under a question answered in one column. */
const RESPONSE_LABELS = new Set(['response', 'open-ended response']);

/** The name a table reader gives a column whose header cell is blank: `column 12` (counted from 1). */
export function blankColumnName(column: number): string {
  return `column ${column + 1}`;
}

/**
 * The columns of a block of figures standing beside a table, left of a blank spacer column, as a
 * report puts its summary there (Engagement HQ's detailed report: participation counts in
 * columns A and B, a blank column C, the contributions from D on): every column up to the first
 * one blank in the header and in every sampled row, when none of them is named in the header and
 * at least two named columns follow. They are the report's figures, not any respondent's answers.
 * Empty when the table has no such block.
 */
export function sideBlockColumns(headers: readonly string[], sample: readonly (readonly string[])[]): ReadonlySet<string> {
  for (let index = 0; index < headers.length; index += 1) {
    if (headers[index] !== blankColumnName(index)) return new Set();
    if (index === 0 || sample.length === 0 || sample.some((row) => (row[index] ?? '').trim() !== '')) continue;
    const named = headers.slice(index + 1).filter((header, offset) => header !== blankColumnName(index + 1 + offset));
    return named.length >= 2 ? new Set(headers.slice(0, index + 1)) : new Set();
  }
  return new Set();
}

/** Whether a header cell continues the question before it: blank, or named as a blank one is ({@link blankColumnName}). */
function continuesQuestion(header: string, column: number): boolean {
  const text = header.trim();
  return text === '' || text === blankColumnName(column);
}

/**
 * True when the row under a header of questions holds the answer labels, as SurveyMonkey exports a
 * second header row: `Response` or `Open-Ended Response` under a question answered in one column,
 * each option's label under the columns of a question with several (the header blank over all
 * but the first), nothing under the respondent's columns. At least one cell is one of those two
 * labels, none reads as a number or a date, and the first cell is blank, as it is in no answer
 * row below (the respondent's id).
 */
export function isAnswerLabelRow(headers: readonly string[], row: readonly string[], below: readonly (readonly string[])[]): boolean {
  if ((row[0] ?? '').trim() !== '' || headers.length < 2) return false;
  let responseLabels = 0;
  for (let column = 0; column < headers.length; column += 1) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    if (looksLikeValue(cell)) return false;
    if (RESPONSE_LABELS.has(cell.toLowerCase())) responseLabels += 1;
  }
  return responseLabels > 0 && below.every((body) => (body[0] ?? '').trim() !== '');
}

/**
 * The header that a question row and its answer-label row ({@link isAnswerLabelRow}) make: a
 * column answered in one column is named by its question; an option's column by its question and
 * the option (`Which services do you use? — Day centre`, `… — Other (please specify)`), a blank
 * header taking the question before it.
 */
export function mergeAnswerLabels(headers: readonly string[], row: readonly string[]): string[] {
  let question = '';
  return headers.map((header, column) => {
    if (!continuesQuestion(header, column) || question === '') question = header.trim();
    const label = (row[column] ?? '').trim().replace(/\s+/g, ' ');
    if (label === '' || RESPONSE_LABELS.has(label.toLowerCase())) return question;
    return `${question}${ANSWER_LABEL_SEPARATOR}${label}`;
  });
}

/** A second header row, and what it held: the question texts under column codes, or the answer labels under the questions. */
export interface SecondHeaderRow {
  /** The header the two rows make (not yet made unique). */
  headers: string[];
  holds: 'question texts' | 'answer labels';
  /** What a message can show of it: the first three column codes, or the first three distinct answer labels. */
  examples: string[];
}

/**
 * The header that the first row below a header makes with it, when that row is a second header
 * row as survey tools export them ({@link isQuestionTextRow}, {@link isAnswerLabelRow}); null
 * when it is an answer row. `below` are the rows after it that are known (none while streaming).
 */
export function secondHeaderRow(
  headers: readonly string[],
  row: readonly string[],
  below: readonly (readonly string[])[],
): SecondHeaderRow | null {
  if (isQuestionTextRow(headers, row, below)) {
    const next = below[0];
    const importIds = next !== undefined && isImportIdRow(next) ? next : undefined;
    return { headers: mergeQuestionTexts(headers, row, importIds), holds: 'question texts', examples: headers.slice(0, 3) };
  }
  if (isAnswerLabelRow(headers, row, below)) {
    const labels = [...new Set(row.map((cell) => cell.trim()).filter((cell) => cell !== ''))];
    return { headers: mergeAnswerLabels(headers, row), holds: 'answer labels', examples: labels.slice(0, 3) };
  }
  return null;
}

/** The warning that a second header row was read as part of the header: where it is (`line 2`, `row 1`) and what it held. */
export function secondHeaderWarning(second: SecondHeaderRow, where: string): string {
  const held =
    second.holds === 'question texts'
      ? `the question texts under the column codes (${listHeaders(second.examples)}…)`
      : `the answer labels under the questions (such as ${listHeaders(second.examples)})`;
  return `${where} holds ${held}; read as the header, not as answers`;
}
