import type ExcelJS from 'exceljs';
import { InputError } from '../../errors.js';
import { type InputSource } from '../../source/input-source.js';
import { formatBytes } from '../../source/byte-size.js';
import type { AdapterItem, AdapterOptions, FormatAdapter } from '../format-adapter.js';
import { sheetDateText, workbookSheetItems, type SheetRow, type WorkbookSheet } from '../readers/workbook-sheets.js';
import { isZipFile, readZipDirectory } from '../readers/zip-directory.js';
import { storedZip, unpackZip } from '../readers/zip-unpack.js';
import { isCompoundFile } from '../readers/compound-file.js';
import { readXlsWorkbook, XLS_FILE_LIMIT } from '../readers/xls-sheets.js';
import { SHEET_LAYOUTS } from '../sheet-layouts.js';

/**
 * A cell's value as text: rich text joined, a formula's cached result, a hyperlink's shown text,
 * dates in ISO 8601, errors as Excel shows them (`#N/A`), booleans as `TRUE` / `FALSE`.
 */
export function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return sheetDateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellValueText(value.result);
  if ('hyperlink' in value) return cellValueText(value.text as ExcelJS.CellValue);
  return '';
}

/** A row's cells as text, and the values of merged ranges from the rows above that cover some of them. */
interface RowCells {
  cells: string[];
  /** By column (0-based): the value of a merged range that starts in a row above, in the same column, and covers the cell. */
  mergedAbove: Map<number, string>;
}

/**
 * A row's cells as text. A cell covered by a merged range other than its top-left one is empty,
 * as Excel writes it to CSV: a question merged over its options' columns (SurveyMonkey's header)
 * names the first column only, and a comment merged over two rows is read once. Where a range is
 * merged down a column from a row above, its value is given apart, for group columns to be filled.
 */
function rowCells(row: ExcelJS.Row): RowCells {
  const values = row.values;
  const mergedAbove = new Map<number, string>();
  if (!Array.isArray(values)) return { cells: Object.values(values).map(cellValueText), mergedAbove };
  const cells: string[] = [];
  for (let index = 1; index < values.length; index += 1) {
    const value = values[index];
    const cell = row.getCell(index);
    const covered = cell.isMerged && cell.master !== cell;
    if (covered && cell.master.col === cell.col && cell.master.row < cell.row) {
      const text = cellValueText(cell.master.value);
      if (text.trim() !== '') mergedAbove.set(index - 1, text);
    }
    cells.push(value === null || value === undefined || covered ? '' : cellValueText(value));
  }
  return { cells, mergedAbove };
}

/**
 * What a workbook may unpack to: exceljs holds a loaded workbook in memory at about 13 times
 * its unpacked size, so a workbook at this limit needs about 1.7 GB.
 */
export const XLSX_UNPACKED_LIMIT = 128 * 1024 * 1024;

/**
 * Checks the zip's directory before anything is unpacked (whole, a workbook, not over
 * `limitBytes` unpacked), then unpacks it with the limit counted on the bytes actually inflated,
 * and packs what it unpacked again, uncompressed, for exceljs: a zip whose headers lie about its
 * sizes is stopped at the limit while inflating, and exceljs reads exactly what was counted. The
 * xlsx adapter's limit is {@link XLSX_UNPACKED_LIMIT}.
 */
export function unpackWorkbook(path: string, zip: Buffer, limitBytes: number): Buffer {
  const entries = readZipDirectory(zip);
  if (entries === null) {
    throw new InputError(`cannot read the workbook (the file ends in the middle of the zip; is it truncated?)`, {
      location: { file: path },
      hint: 'check that the file is a complete .xlsx workbook',
    });
  }
  if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) {
    throw new InputError(`a zip, but not an Excel workbook (it holds no xl/workbook.xml)`, {
      location: { file: path },
      hint: 'an OpenDocument spreadsheet (.ods) is read by the ods format; other zips must be saved as .xlsx or CSV',
    });
  }
  const unpacked = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (unpacked > limitBytes) {
    throw new InputError(
      `the workbook unpacks to ${formatBytes(unpacked)}, over the ${formatBytes(limitBytes)} tlap reads from one workbook`,
      { location: { file: path }, hint: 'save each sheet as "CSV UTF-8" (File > Save As): tlap reads CSV as a stream, at any size' },
    );
  }
  const result = unpackZip(zip, entries, limitBytes);
  if (result.kind === 'over-limit') {
    throw new InputError(
      `the workbook unpacks to more than ${formatBytes(limitBytes)} (its entry ${JSON.stringify(result.entry)} inflates past the sizes its zip declares); refused`,
      { location: { file: path }, hint: 'save each sheet as "CSV UTF-8" (File > Save As): tlap reads CSV as a stream, at any size' },
    );
  }
  if (result.kind === 'damaged') {
    throw new InputError(`cannot read the workbook (entry ${JSON.stringify(result.entry)}: ${result.reason})`, {
      location: { file: path },
      hint: 'check that the file is a complete .xlsx workbook',
    });
  }
  return storedZip(result.files);
}

/** The rows of a loaded worksheet in order, missing (never written) rows left out. */
function* worksheetRows(worksheet: ExcelJS.Worksheet): Iterable<ExcelJS.Row> {
  for (let number = 1; number <= worksheet.rowCount; number += 1) {
    const row = worksheet.findRow(number);
    if (row !== undefined) yield row;
  }
}

/**
 * Loads an .xlsx workbook's bytes whole, in memory, with exceljs, after {@link unpackWorkbook}'s
 * checks at {@link XLSX_UNPACKED_LIMIT}; a damaged workbook is an {@link InputError} naming `path`.
 */
export async function loadWorkbook(path: string, zip: Buffer): Promise<ExcelJS.Workbook> {
  const unpacked = unpackWorkbook(path, zip, XLSX_UNPACKED_LIMIT);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(unpacked).buffer);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read the workbook (${message})`, {
      location: { file: path },
      cause: error,
      hint: 'check that the file is a complete .xlsx workbook',
    });
  }
  return workbook;
}

/** The rows of a loaded worksheet as text, merged cells read as Excel writes them to CSV (see {@link cellValueText}). */
function* worksheetTextRows(worksheet: ExcelJS.Worksheet): Iterable<SheetRow> {
  for (const row of worksheetRows(worksheet)) yield { number: row.number, ...rowCells(row) };
}

/** A loaded workbook's worksheets in order, each with its rows as text, hidden ones marked. */
export function workbookSheets(workbook: ExcelJS.Workbook): WorkbookSheet[] {
  return workbook.worksheets.map((worksheet) => ({
    name: worksheet.name,
    visible: worksheet.state === 'visible',
    rows: { [Symbol.iterator]: () => worksheetTextRows(worksheet)[Symbol.iterator]() },
  }));
}

/**
 * Reads a workbook whole, in memory. Not with exceljs's streaming reader: it loses zip entries
 * when a workbook has more than a few sheets stored before its shared strings (the order Excel
 * and exceljs write), and deletes its spooled sheets while they are still being opened.
 */
async function* readWorkbook(source: InputSource, options: AdapterOptions): AsyncIterable<AdapterItem> {
  const head = source.headBytes;
  if (isCompoundFile(head)) {
    yield* workbookSheetItems(
      source.path,
      readXlsWorkbook(source.path, await source.readBytes(XLS_FILE_LIMIT)),
      options,
      'workbook',
      SHEET_LAYOUTS,
    );
    return;
  }
  if (!isZipFile(head)) {
    const text = !head.includes(0);
    throw new InputError(`not an Excel .xlsx workbook (it does not start with a zip signature)${text ? '; it looks like text' : ''}`, {
      location: { file: source.path },
      hint: text
        ? 'a web "Excel" export is an HTML table, an XML Spreadsheet 2003 or a CSV table under a workbook\'s name, which the html-table, xml-spreadsheet and csv formats read; this one is none tlap recognises: open it in Excel or LibreOffice and save it as .xlsx or CSV'
        : 'check that this is the export you meant',
    });
  }
  const workbook = await loadWorkbook(source.path, await source.readBytes(XLSX_UNPACKED_LIMIT));
  yield* workbookSheetItems(source.path, workbookSheets(workbook), options, 'workbook', SHEET_LAYOUTS);
}

/**
 * The xlsx reader's score for a file that is no zip: above nothing, so that among the formats
 * claiming `.xls` a file none of them recognises is read here, and refused as no workbook.
 */
const NOT_A_WORKBOOK_SCORE = 0.01;

/**
 * Excel workbooks (.xlsx), read with exceljs. Every visible sheet (or the one named
 * with `--sheet`, hidden or not) is a table read like a CSV export: a survey table gives one record per
 * free-text answer, any other table one record per row from its text column.
 */
export const xlsxWorkbookAdapter: FormatAdapter = {
  name: 'xlsx',
  description: 'Excel workbook (.xlsx): each sheet read as a table, survey or single text column (or only the sheet named)',
  channel: 'other',
  extensions: ['.xlsx', '.xlsm', '.xls'],
  signature: 'a zip (PK\\x03\\x04) holding xl/ entries',
  binary: true,
  sniff(input) {
    if (!isZipFile(input.headBytes)) return NOT_A_WORKBOOK_SCORE;
    return input.headBytes.includes('xl/', 0, 'latin1') ? 0.9 : 0.2;
  },
  read(source, options) {
    return readWorkbook(source, options);
  },
};
