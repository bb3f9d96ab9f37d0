import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import {
  EXCEL_DAY_ZERO,
  MAX_MADE_CELLS,
  MAX_SHEET_COLUMNS,
  sheetDateValueText,
  sheetNumberText,
  type SheetRow,
  type WorkbookSheet,
} from './workbook-sheets.js';
import {
  attributeValue,
  readXmlElements,
  recoveryWarnings,
  tooLargeElementRejection,
  type XmlElement,
  type XmlName,
  type XmlRecovery,
  type XmlSelection,
} from './xml-elements.js';

/** The namespace of Excel's XML Spreadsheet 2003 (SpreadsheetML): its elements and `ss:` attributes. */
export const SPREADSHEETML = 'urn:schemas-microsoft-com:office:spreadsheet';

/** The day Excel writes a time without a date on in XML Spreadsheet 2003 (`1899-12-31T10:42:13.000`). */
const SPREADSHEETML_DAY_ZERO = '1899-12-31T';

/** True when the head of a text file is an XML Spreadsheet 2003: its namespace on a `Workbook` element. */
export function isXmlSpreadsheet(headText: string): boolean {
  return headText.includes(SPREADSHEETML) && /<(?:[\w.-]+:)?Workbook[\s>]/.test(headText);
}

/** True when an element is the SpreadsheetML one with this local name (written with its namespace, or in none). */
function isSpreadsheetElement(name: XmlName, local: string): boolean {
  return name.local === local && (name.uri === SPREADSHEETML || name.uri === '');
}

/** A 1-based position written on a row or cell (`ss:Index`), or null when absent or unreadable. */
function writtenIndex(element: XmlElement, local: string): number | null {
  const written = attributeValue(element, local, SPREADSHEETML) ?? attributeValue(element, local);
  if (written === null || !/^\s*\d{1,10}\s*$/.test(written)) return null;
  const index = Number(written);
  return index >= 1 ? index : null;
}

/** A count written on a cell or row (`ss:MergeAcross`, `ss:Span`): 0 when absent or unreadable. */
function writtenCount(element: XmlElement, local: string): number {
  return writtenIndex(element, local) ?? 0;
}

/**
 * A cell's value as text, as the xlsx reader writes the same cell: a `Number` as its value (never
 * with an exponent when whole and long), a `DateTime` in ISO 8601 (a time alone, which Excel
 * writes on 1899-12-31, as a time), a `Boolean` as `TRUE` / `FALSE`; a `String`, rich text
 * (`ss:Data` holding HTML runs) and an `Error` as shown. Its comment is left out.
 */
export function spreadsheetCellText(cell: XmlElement): string {
  const data = cell.children.find((child) => isSpreadsheetElement(child, 'Data'));
  if (data === undefined) return '';
  const text = data.text;
  const type = attributeValue(data, 'Type', SPREADSHEETML) ?? attributeValue(data, 'Type');
  if (type === 'Number') return sheetNumberText(text) ?? text;
  if (type === 'Boolean') return /^\s*(?:1|true)\s*$/i.test(text) ? 'TRUE' : 'FALSE';
  if (type === 'DateTime') {
    const written = text.trim();
    const onDayZero = written.startsWith(SPREADSHEETML_DAY_ZERO)
      ? `${EXCEL_DAY_ZERO}${written.slice(SPREADSHEETML_DAY_ZERO.length)}`
      : written;
    return sheetDateValueText(onDayZero) ?? text;
  }
  return text;
}

/** The `mergedAbove` of every row that no range merged down from above covers: one map, never written. */
const NO_MERGED_CELLS: ReadonlyMap<number, string> = new Map();

/**
 * The text as a string of its own: the XML parser hands out pieces of the chunks it read, and a
 * cell kept as one keeps its chunk alive (ingesting a 55 MB file of 200,000 rows peaked at 702 MB,
 * against 439 MB with each cell copied).
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The rows a range merged down covers a column on: those after `firstRow`, up to `lastRow`. */
interface CoveredRows {
  firstRow: number;
  lastRow: number;
}

/** A range merged down from a row above, by its first column: its rows and its value. */
interface MergedDown extends CoveredRows {
  text: string;
}

/** One worksheet as it is read, its rows gathered (empty ones left out). */
class WorksheetBuilder {
  readonly rows: SheetRow[] = [];
  visible = true;
  private nextRow = 1;
  /** By column: the rows ranges merged down from above cover it on (a stale entry covers nothing). */
  private readonly covered = new Map<number, CoveredRows>();
  /** By first column: the live ranges merged down that hold a value, the only ones a row visits. */
  private readonly filled = new Map<number, MergedDown>();
  private warnedWidth = false;

  constructor(readonly name: string) {}

  /** Passes over a row that could not be read, so that the rows after it keep their numbers. */
  skipRow(): void {
    this.nextRow += 1;
  }

  /**
   * Adds a row: cells placed by their `ss:Index` (or after the cell before, and the columns it is
   * merged across), the cells between made empty only where something stands after them. Returns
   * how many cells it made (empty ones, the columns a range merged down covers or passes over,
   * values merged down from above), for the file's count, and a warning the first time a row of
   * this sheet reaches past {@link MAX_SHEET_COLUMNS}.
   */
  addRow(row: XmlElement): { made: number; warning: string | null } {
    const number = Math.max(this.nextRow, writtenIndex(row, 'Index') ?? this.nextRow);
    this.nextRow = number + 1 + writtenCount(row, 'Span');
    const cells: string[] = [];
    let made = 0;
    let column = 0;
    let cut = false;
    const place = (at: number, text: string): void => {
      made += Math.max(0, at - cells.length);
      while (cells.length < at) cells.push('');
      cells[at] = text;
    };
    for (const cell of row.children) {
      if (!isSpreadsheetElement(cell, 'Cell')) continue;
      const index = writtenIndex(cell, 'Index');
      if (index !== null) column = Math.max(column, index - 1);
      else {
        const from = column;
        while (column < MAX_SHEET_COLUMNS && this.isCovered(column, number)) column += 1;
        made += column - from;
      }
      if (column >= MAX_SHEET_COLUMNS) {
        cut = true;
        break;
      }
      const text = spreadsheetCellText(cell);
      if (text !== '') place(column, ownCopy(text));
      const down = writtenCount(cell, 'MergeDown');
      const across = writtenCount(cell, 'MergeAcross');
      if (down > 0) {
        const lastColumn = Math.min(column + across, MAX_SHEET_COLUMNS - 1);
        for (let covering = column; covering <= lastColumn; covering += 1) this.cover(covering, number, number + down);
        made += lastColumn - column + 1;
        if (text.trim() !== '') this.filled.set(column, { firstRow: number, lastRow: number + down, text });
      }
      column += 1 + across;
    }
    const mergedAbove = new Map<number, string>();
    for (const [first, merged] of this.filled) {
      if (merged.lastRow <= number) this.filled.delete(first);
      if (merged.firstRow >= number || merged.lastRow < number) continue;
      made += 1;
      mergedAbove.set(first, merged.text);
      if (cells.length <= first) place(first, '');
    }
    if (cells.some((cell) => cell.trim() !== '') || mergedAbove.size > 0) {
      this.rows.push({ number, cells, mergedAbove: mergedAbove.size === 0 ? NO_MERGED_CELLS : mergedAbove });
    }
    const warning =
      cut && !this.warnedWidth
        ? `row ${number} of sheet ${JSON.stringify(this.name)} reaches past column ${MAX_SHEET_COLUMNS.toLocaleString('en-GB')}; the cells after it were not read`
        : null;
    if (warning !== null) this.warnedWidth = true;
    return { made, warning };
  }

  /** Whether a range merged down from a row above covers this column on this row: a cell written without `ss:Index` stands past it, as Excel places it. */
  private isCovered(column: number, row: number): boolean {
    const rows = this.covered.get(column);
    return rows !== undefined && rows.firstRow < row && row <= rows.lastRow;
  }

  /** Marks a column covered below `firstRow` down to `lastRow`, joined to a range above that still covers this row. */
  private cover(column: number, firstRow: number, lastRow: number): void {
    const above = this.covered.get(column);
    if (above !== undefined && above.firstRow < firstRow && firstRow <= above.lastRow) {
      this.covered.set(column, { firstRow: above.firstRow, lastRow: Math.max(above.lastRow, lastRow) });
    } else {
      this.covered.set(column, { firstRow, lastRow });
    }
  }

  sheet(): WorkbookSheet {
    return { name: this.name, visible: this.visible, rows: this.rows };
  }
}

/** An XML Spreadsheet read: its worksheets, and the rows it could not read or warnings about it. */
export interface XmlSpreadsheet {
  sheets: WorkbookSheet[];
  /** Rows passed over (one over the XML element limit), cells past the widest sheet, and what the XML reader recovered from. */
  issues: AdapterItem[];
}

/**
 * What reading an XML Spreadsheet selects: where each `Worksheet` starts, each of its table's
 * rows whole, and its `WorksheetOptions` (which say whether it is hidden).
 */
function selectWorksheetContent(path: readonly XmlName[]): XmlSelection {
  const [root, worksheet, child, row] = path;
  if (root === undefined || !isSpreadsheetElement(root, 'Workbook')) return 'skip';
  if (worksheet === undefined || !isSpreadsheetElement(worksheet, 'Worksheet')) return 'skip';
  if (child === undefined) return 'start';
  if (path.length === 3) return child.local === 'WorksheetOptions' ? 'element' : 'skip';
  if (path.length === 4 && isSpreadsheetElement(child, 'Table') && row !== undefined && isSpreadsheetElement(row, 'Row')) return 'element';
  return 'skip';
}

/**
 * Reads the worksheets of an Excel XML Spreadsheet 2003 (what Excel saves as "XML Spreadsheet
 * 2003", and what web platforms write as an "Excel" export, as `.xls` or `.xml`), streaming, one
 * row built at a time: cells placed by `ss:Index`, a range merged across (`ss:MergeAcross`) read
 * once in its first column, a range merged down (`ss:MergeDown`) giving its value to the rows
 * below as `mergedAbove`, a sheet hidden when its `WorksheetOptions` say `SheetHidden` or
 * `SheetVeryHidden`. XML that is not well-formed is an {@link InputError} naming `file` and the line.
 */
export async function readXmlSpreadsheet(source: Pick<InputSource, 'path' | 'text'>): Promise<XmlSpreadsheet> {
  const file = source.path;
  const sheets: WorksheetBuilder[] = [];
  const issues: AdapterItem[] = [];
  const recoveries: XmlRecovery[] = [];
  let made = 0;
  for await (const event of readXmlElements(source, selectWorksheetContent, (recovery) => recoveries.push(recovery))) {
    if (event.kind === 'start') {
      const name = attributeValue(event.element, 'Name', SPREADSHEETML) ?? attributeValue(event.element, 'Name');
      sheets.push(new WorksheetBuilder(name ?? `Sheet${sheets.length + 1}`));
      continue;
    }
    const sheet = sheets[sheets.length - 1];
    if (sheet === undefined) continue;
    if (event.kind === 'too-large') {
      sheet.skipRow();
      issues.push(tooLargeElementRejection(file, event));
      continue;
    }
    const element = event.element;
    if (element.local === 'WorksheetOptions') {
      const visible = element.children.find((child) => child.local === 'Visible')?.text.trim();
      if (visible === 'SheetHidden' || visible === 'SheetVeryHidden') sheet.visible = false;
      continue;
    }
    const added = sheet.addRow(element);
    made += added.made;
    if (made > MAX_MADE_CELLS) {
      throw new InputError(
        `the spreadsheet leaves out or merges more than the ${MAX_MADE_CELLS.toLocaleString('en-GB')} cells tlap fills in (at line ${element.line}, in sheet ${JSON.stringify(sheet.name)}); refused`,
        {
          location: { file, line: element.line },
          hint: 'a spreadsheet program writes no such file: check that it is the file you meant; if it opens, save it as .xlsx or CSV',
        },
      );
    }
    if (added.warning !== null) issues.push({ kind: 'warning', message: added.warning, provenance: { file, line: element.line } });
  }
  for (const warning of recoveryWarnings(file, recoveries)) issues.push(warning);
  return { sheets: sheets.map((sheet) => sheet.sheet()), issues };
}
