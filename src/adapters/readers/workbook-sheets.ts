import { InputError } from '../../errors.js';
import { formatBytes } from '../../source/byte-size.js';
import type { InputSource } from '../../source/input-source.js';
import type { Provenance } from '../../record/record.js';
import type { AdapterItem, AdapterOptions } from '../format-adapter.js';
import { uniqueHeaders } from './delimited-table.js';
import { findHeaderRow, HEADER_SEARCH_ROWS, titleRowsWarning, withNamesAbove } from './header-row.js';
import { tableItems, type TableItem } from './survey-table.js';

/** Rows read below the first row before the header is chosen. */
const HEADER_LOOKAHEAD = 20;

/** The most columns read from a row of any sheet: LibreOffice Calc's and Excel's widest sheet. */
export const MAX_SHEET_COLUMNS = 16_384;

/**
 * The most cells a spreadsheet reader makes, in one file, that the file does not hold as cells of
 * their own: cells made from repeated ones (OpenDocument's `table:number-columns-repeated`), cells
 * made empty for those a row leaves out before a filled one or a merged range covers (XML
 * Spreadsheet 2003, HTML tables), cells an .xls's merged ranges cover. Past it the file is
 * refused: no spreadsheet program writes such a file.
 */
export const MAX_MADE_CELLS = 4_000_000;

/** How a cell holding a time of day without a date (an Excel serial under 1, an OpenDocument time) is read: on Excel's day 0. */
export const EXCEL_DAY_ZERO = '1899-12-30T';

/**
 * Writes a date cell as ISO 8601: the day alone when it has no time of day, the time alone
 * (`10:42:13`) when it has no day (a time cell, as a Zoom Q&A report saved as a workbook gives
 * when each question was asked), never a date in 1899.
 */
export function sheetDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  if (iso.startsWith(EXCEL_DAY_ZERO)) return iso.slice(EXCEL_DAY_ZERO.length, EXCEL_DAY_ZERO.length + 8);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/**
 * A number cell's value (`office:value`, an XML Spreadsheet's `Number` data) as JavaScript writes
 * it, but a whole number of 22 digits or more without an exponent: an id stays digits; null when
 * it is no number.
 */
export function sheetNumberText(value: string): string | null {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) return null;
  return numberCellText(number);
}

/** A number held as a double (an .xls cell's) as {@link sheetNumberText} writes it: an id of 22 digits or more stays digits. */
export function numberCellText(number: number): string {
  const shown = String(number);
  const exponent = /^(-?)(\d)(?:\.(\d+))?e\+(\d+)$/.exec(shown);
  if (exponent === null) return shown;
  const [, sign = '', first = '', rest = '', power = '0'] = exponent;
  return `${sign}${first}${rest.padEnd(Number(power), '0')}`;
}

const DATE_VALUE = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date written in ISO 8601 (`2024-03-01`, `2024-03-01T09:15:00.000`: an `office:date-value`, an
 * XML Spreadsheet's `DateTime` data) as the xlsx reader writes a date cell; null when unreadable.
 */
export function sheetDateValueText(value: string): string | null {
  const parts = DATE_VALUE.exec(value.trim());
  if (parts === null) return null;
  const [, year, month, day, hours, minutes, seconds, fraction, zone] = parts;
  const milliseconds = Math.round(Number(fraction ?? '0') * 1000);
  let time = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hours ?? 0),
    Number(minutes ?? 0),
    Number(seconds ?? 0),
    milliseconds,
  );
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    time -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return sheetDateText(new Date(time));
}

/**
 * The largest spreadsheet saved as markup (an XML Spreadsheet 2003, an HTML table) tlap reads: its
 * sheets are held in memory, as a workbook's are, so it is held to what a workbook may unpack to.
 */
export const MARKUP_SPREADSHEET_LIMIT = 128 * 1024 * 1024;

/**
 * Refuses a spreadsheet saved as markup that is larger than {@link MARKUP_SPREADSHEET_LIMIT}
 * (`noun` names it: `XML spreadsheet`), before anything is read, with an {@link InputError}.
 */
export function checkMarkupSpreadsheetSize(source: Pick<InputSource, 'path' | 'size'>, noun: string): void {
  if (source.size <= MARKUP_SPREADSHEET_LIMIT) return;
  throw new InputError(
    `the ${noun} is ${formatBytes(source.size)}, over the ${formatBytes(MARKUP_SPREADSHEET_LIMIT)} tlap reads from one spreadsheet saved as markup`,
    { location: { file: source.path }, hint: 'save each sheet as "CSV UTF-8": tlap reads CSV as a stream, at any size' },
  );
}

/** One row of a sheet, its cells as text, as a spreadsheet program (Excel, LibreOffice Calc) shows it. */
export interface SheetRow {
  /** The 1-based row number, as the spreadsheet shows it. */
  number: number;
  cells: string[];
  /** By column (0-based): the value of a merged range that starts in a row above, in the same column, and covers the cell. */
  mergedAbove: ReadonlyMap<number, string>;
}

/** One sheet of a workbook or spreadsheet, in the order the file holds them. */
export interface WorkbookSheet {
  name: string;
  /** False for a sheet the spreadsheet program hides. */
  visible: boolean;
  /** Its rows in order; rows never written may be left out. */
  rows: Iterable<SheetRow>;
}

function rowItem(row: SheetRow, provenance: Provenance): TableItem {
  return row.mergedAbove.size === 0
    ? { kind: 'row', cells: row.cells, provenance }
    : { kind: 'row', cells: row.cells, provenance, mergedAbove: row.mergedAbove };
}

/**
 * Reads one sheet as a table: blank rows skipped, the header found below any title rows (or
 * after `skipRows` rows), every row with its sheet row number and the sheet name as provenance.
 */
async function* sheetTable(rows: Iterable<SheetRow>, file: string, sheet: string, skipRows: number | undefined): AsyncIterable<TableItem> {
  const early: SheetRow[] = [];
  let started = false;

  function* start(): Iterable<TableItem> {
    started = true;
    const headerIndex = skipRows === undefined ? findHeaderRow(early.map((row) => row.cells)) : 0;
    const header = early[headerIndex];
    if (header === undefined) return;
    const width = Math.max(...early.slice(headerIndex).map((row) => row.cells.length));
    const above = early[headerIndex - 1];
    const named = withNamesAbove(header.cells, above?.number === header.number - 1 ? above.cells : undefined);
    const cells = [...named, ...Array.from({ length: width - named.length }, () => '')];
    const provenance = { file, row: header.number, part: sheet };
    if (headerIndex > 0) {
      const titles = early.slice(0, headerIndex).map((row) => row.cells);
      yield {
        kind: 'warning',
        code: 'TITLE_ROWS_SKIPPED',
        message: titleRowsWarning(titles, `row ${header.number} of sheet ${JSON.stringify(sheet)}`),
        provenance,
      };
    }
    const titles = early
      .slice(0, headerIndex)
      .map((row) => ({ cells: row.cells, place: `row ${row.number} of sheet ${JSON.stringify(sheet)}` }));
    yield { kind: 'header', headers: uniqueHeaders(cells), provenance, titles };
    for (const row of early.slice(headerIndex + 1)) yield rowItem(row, { file, row: row.number, part: sheet });
  }

  for (const row of rows) {
    if (skipRows !== undefined && row.number <= skipRows) continue;
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (started) {
      yield rowItem(row, { file, row: row.number, part: sheet });
      continue;
    }
    early.push(row);
    if (early.length >= HEADER_SEARCH_ROWS + HEADER_LOOKAHEAD) yield* start();
  }
  if (!started) yield* start();
}

/**
 * A table layout that a format reads in its own way wherever the table is saved (a TAGS archive
 * or a twarc-csv export downloaded as a workbook), chosen by the sheet's header.
 */
export interface SheetLayout {
  /** True when a sheet with this header is in the layout. */
  matches(headers: readonly string[]): boolean;
  /** The items of a sheet in the layout, from its header and rows. */
  items(table: AsyncIterable<TableItem>): AsyncIterable<AdapterItem>;
}

/** A sheet's table items with its header read ahead (null when it has none), the items replayed whole. */
async function withHeader(table: AsyncIterable<TableItem>): Promise<{ headers: string[] | null; table: AsyncIterable<TableItem> }> {
  const iterator = table[Symbol.asyncIterator]();
  const read: TableItem[] = [];
  let headers: string[] | null = null;
  for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
    read.push(next.value);
    if (next.value.kind === 'header') {
      headers = next.value.headers;
      break;
    }
  }
  async function* replayed(): AsyncIterable<TableItem> {
    yield* read;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
  }
  return { headers, table: replayed() };
}

/** An error about one sheet, without the file it is in: `sheet "A": no text column found…`. */
function describeWithinFile(error: InputError): string {
  const part = error.location?.part;
  return part === undefined ? error.reason : `${part}: ${error.reason}`;
}

/**
 * Reads the sheets of a workbook (`noun` names it in messages: `workbook`, `spreadsheet`), each
 * visible one (or the one named by `options.sheet`, hidden or not) a table read like a CSV
 * export: a survey table gives one record per free-text answer, any other table one record per
 * row from its text column; a sheet whose header is one of `layouts` is read by that layout. A
 * hidden sheet is a warning; a sheet with no text column is skipped with a warning, unless no
 * sheet has one, when the file fails naming each sheet.
 */
export async function* workbookSheetItems(
  file: string,
  sheets: Iterable<WorkbookSheet>,
  options: AdapterOptions,
  noun: string,
  layouts: readonly SheetLayout[] = [],
): AsyncIterable<AdapterItem> {
  const names: string[] = [];
  const skipped: InputError[] = [];
  let sheetsRead = 0;
  for (const sheet of sheets) {
    const name = sheet.name;
    names.push(name);
    if (options.sheet !== undefined && name !== options.sheet) continue;
    if (options.sheet === undefined && !sheet.visible) {
      yield {
        kind: 'warning',
        code: 'HIDDEN_SHEET_SKIPPED',
        message: `sheet ${JSON.stringify(name)} is hidden and was not read`,
        provenance: { file },
      };
      continue;
    }
    const location = { file, part: `sheet ${JSON.stringify(name)}` };
    const { headers, table } = await withHeader(sheetTable(sheet.rows, file, name, options.skipRows));
    const layout =
      headers === null || options.map['text'] !== undefined ? undefined : layouts.find((candidate) => candidate.matches(headers));
    try {
      if (layout !== undefined) yield* layout.items(table);
      else yield* tableItems(table, options, { location, mode: 'auto', ...(names.length > 1 ? { laterSheet: name } : {}) });
      sheetsRead += 1;
    } catch (error) {
      if (!(error instanceof InputError) || options.sheet !== undefined) throw error;
      skipped.push(error);
    }
  }
  if (options.sheet !== undefined && !names.includes(options.sheet)) {
    throw new InputError(
      `no sheet named ${JSON.stringify(options.sheet)} (sheets: ${names.map((name) => JSON.stringify(name)).join(', ') || 'none'})`,
      { location: { file }, hint: 'sheet names are case-sensitive; copy one from the list' },
    );
  }
  if (names.length === 0) throw new InputError(`the ${noun} has no worksheets (is the file truncated?)`, { location: { file } });
  if (sheetsRead === 0 && skipped.length > 0) {
    const [only] = skipped;
    if (skipped.length === 1 && only !== undefined) throw only;
    throw new InputError(`no sheet has a text column (${skipped.map(describeWithinFile).join('; ')})`, {
      location: { file },
      hint: 'map the column that holds the feedback to the text field, and name the sheet to read',
    });
  }
  for (const error of skipped) {
    yield {
      kind: 'warning',
      message: `${describeWithinFile(error)}; sheet skipped`,
      provenance: { file },
    };
  }
}
