import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { isExcelHtml, isHtmlPage, isHtmlTable, readHtmlTables } from '../readers/html-tables.js';
import { checkMarkupSpreadsheetSize, workbookSheetItems } from '../readers/workbook-sheets.js';
import { SHEET_LAYOUTS } from '../sheet-layouts.js';

/** Extensions an HTML table is saved under: a web page's own, and the `.xls` of an "Export to Excel". */
const HTML_TABLE_EXTENSIONS = ['.xls', '.html', '.htm'];

/**
 * The score for an HTML page under one of {@link HTML_TABLE_EXTENSIONS} whose first 64 KiB hold no
 * `<table>` (a page whose styles fill its head): enough to read it, and to say so when it has none.
 */
const LONG_HEAD_SCORE = 0.6;

async function* readTables(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  checkMarkupSpreadsheetSize(source, 'page');
  const { sheets, warnings } = await readHtmlTables(source);
  for (const message of warnings) yield { kind: 'warning', message, provenance: { file: source.path } };
  yield* workbookSheetItems(source.path, sheets, options, 'page', SHEET_LAYOUTS);
}

/**
 * HTML tables: what many web platforms' "Export to Excel" writes under an `.xls` name (and a page
 * saved as `.html`), read as the xlsx adapter reads a workbook, each table that holds data a sheet:
 * a survey table gives one record per free-text answer, any other table one record per row from
 * its text column.
 */
export const htmlTableAdapter: FormatAdapter = {
  name: 'html-table',
  description:
    'HTML tables (an "Export to Excel" saved as .xls, or a page saved as .html): each table read as a sheet, as xlsx reads a workbook',
  channel: 'other',
  extensions: HTML_TABLE_EXTENSIONS,
  signature: 'an HTML page or fragment (under another name, one with a <table> in its first 64 KiB whose Content-Type meta names Excel)',
  sniff(input) {
    if (!HTML_TABLE_EXTENSIONS.includes(input.extension)) return isHtmlTable(input.headText) && isExcelHtml(input.headText) ? 0.6 : 0;
    if (isHtmlTable(input.headText)) return 0.95;
    return isHtmlPage(input.headText) ? LONG_HEAD_SCORE : 0;
  },
  read(source, options) {
    return readTables(source, options);
  },
};
