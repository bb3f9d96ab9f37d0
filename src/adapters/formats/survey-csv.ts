import type { FormatAdapter, SniffInput } from '../format-adapter.js';
import { HEAD_BYTES } from '../../source/input-source.js';
import { looksLikeDelimitedTable, readTableHead, uniqueHeaders } from '../readers/delimited-table.js';
import { sniffDelimiter } from '../readers/delimiter.js';
import { profileColumns } from '../readers/free-text-columns.js';
import { findHeaderRow, secondHeaderRow } from '../readers/header-row.js';
import { delimitedTableItems, looksLikeSurvey, tableItems } from '../readers/survey-table.js';

/** Extensions that say "table": under any other name (`.txt`, none) a file must split evenly into fields before it is judged a survey. */
const TABLE_EXTENSIONS = new Set(['.csv', '.tsv', '.tab']);

/** True when the head of a delimited file is a survey table (see {@link looksLikeSurvey}). */
function sniffSurvey(input: SniffInput): boolean {
  const complete = input.headBytes.length < HEAD_BYTES;
  if (!TABLE_EXTENSIONS.has(input.extension) && !looksLikeDelimitedTable(input.headText, input.extension, complete)) return false;
  const delimiter = sniffDelimiter(input.headText, input.extension);
  const head = readTableHead(input.headText, delimiter, input.headBytes.length < HEAD_BYTES).map((record) => record.cells);
  const headerIndex = findHeaderRow(head);
  const header = head[headerIndex];
  let rows = head.slice(headerIndex + 1);
  if (header === undefined || rows.length === 0) return false;
  let headers = uniqueHeaders(header);
  const first = rows[0];
  const second = first === undefined ? null : secondHeaderRow(headers, first, rows.slice(1, 21));
  if (second !== null) {
    headers = uniqueHeaders(second.headers);
    rows = rows.slice(1);
  }
  return looksLikeSurvey(headers, profileColumns(headers, rows));
}

/**
 * Survey and consultation-platform tables (Citizen Space, SurveyMonkey, Smart Survey, Microsoft
 * Forms, Qualtrics exports; ThemeFinder's consultation layout) where several free-text question
 * columns sit beside choice, scale and demographic columns: one record per non-empty answer.
 */
export const surveyCsvAdapter: FormatAdapter = {
  name: 'survey-csv',
  description: 'Survey / consultation CSV: one record per free-text answer, question and respondent kept (other answers in meta.answers)',
  channel: 'survey',
  extensions: ['.csv', '.tsv', '.xls'],
  signature:
    'a table with two or more free-text columns (judged by content), or one beside a Response ID / Respondent column, an agree-disagree scale or a question column',
  sniff(input) {
    return sniffSurvey(input) ? 0.9 : 0;
  },
  read(source, options) {
    return tableItems(delimitedTableItems(source, options), options, { location: { file: source.path }, mode: 'survey' });
  },
};
