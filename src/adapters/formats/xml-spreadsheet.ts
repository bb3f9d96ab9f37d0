import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { isXmlSpreadsheet, readXmlSpreadsheet } from '../readers/spreadsheetml-sheets.js';
import { checkMarkupSpreadsheetSize, workbookSheetItems } from '../readers/workbook-sheets.js';
import { SHEET_LAYOUTS } from '../sheet-layouts.js';

async function* readSpreadsheet(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  checkMarkupSpreadsheetSize(source, 'XML spreadsheet');
  const { sheets, issues } = await readXmlSpreadsheet(source);
  yield* issues;
  yield* workbookSheetItems(source.path, sheets, options, 'XML spreadsheet', SHEET_LAYOUTS);
}

/**
 * Excel's XML Spreadsheet 2003 (SpreadsheetML), what many web platforms' "Export to Excel" writes
 * under an `.xls` or `.xml` name, read as the xlsx adapter reads a workbook: every visible sheet
 * (or the one named with `--sheet`) is a table read like a CSV export, a survey table one record
 * per free-text answer.
 */
export const xmlSpreadsheetAdapter: FormatAdapter = {
  name: 'xml-spreadsheet',
  description:
    'Excel XML Spreadsheet 2003 (an "Export to Excel" saved as .xls or .xml): each sheet read as a table, as xlsx reads a workbook',
  channel: 'other',
  extensions: ['.xls', '.xml'],
  signature: 'XML whose Workbook element is in the urn:schemas-microsoft-com:office:spreadsheet namespace',
  sniff(input) {
    return isXmlSpreadsheet(input.headText) ? 0.95 : 0;
  },
  read(source, options) {
    return readSpreadsheet(source, options);
  },
};
