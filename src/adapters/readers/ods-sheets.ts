import { InputError } from '../../errors.js';
import type { InputSource } from '../../source/input-source.js';
import type { AdapterItem } from '../format-adapter.js';
import {
  EXCEL_DAY_ZERO,
  sheetDateText,
  sheetDateValueText,
  sheetNumberText,
  type SheetRow,
  type WorkbookSheet,
  MAX_MADE_CELLS,
  MAX_SHEET_COLUMNS,
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
import { partError, zipPartSource } from './zip-parts.js';
import {
  CONTENT_PART,
  isAutomaticStyle,
  isNamed,
  ODF_OFFICE as OFFICE,
  ODF_STYLE as STYLE,
  ODF_TABLE as TABLE,
  ODF_TEXT as TEXT,
  readOpenDocumentParts,
  type OpenDocumentKind,
} from './open-document.js';

/** The media type an OpenDocument spreadsheet's `mimetype` entry names (a template's adds `-template`). */
export const SPREADSHEET_MEDIA_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

const CALC_EXTENSION = 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0';

/** What an OpenDocument spreadsheet's content may unpack to, as for an Excel workbook. */
export const ODS_UNPACKED_LIMIT = 128 * 1024 * 1024;

/** The most spaces one `text:s` stands for. */
const MAX_SPACE_RUN = 1024;

const OPEN_DOCUMENT_SPREADSHEET: OpenDocumentKind = {
  noun: 'OpenDocument spreadsheet',
  saveAs: 'open it in LibreOffice Calc or Excel and save it as .ods or .xlsx',
  mediaType: SPREADSHEET_MEDIA_TYPE,
  expected: 'an OpenDocument spreadsheet (.ods)',
  office: { part: 'xl/workbook.xml', noun: 'an Excel workbook', hint: 'read it as an xlsx workbook' },
  otherHint: 'open it in LibreOffice Calc or Excel and save it as .ods, .xlsx or CSV',
};

/** An OpenDocument spreadsheet read: its sheets, and the rows it could not read or warnings about it. */
export interface OdsSpreadsheet {
  sheets: WorkbookSheet[];
  /** Rows passed over (one cell over the XML element limit) and what the XML reader recovered from. */
  issues: AdapterItem[];
}

/** True when the head of a file (its `mimetype` entry, stored first) names an OpenDocument spreadsheet. */
export function isOpenDocumentSpreadsheet(head: Buffer): boolean {
  return head.includes(SPREADSHEET_MEDIA_TYPE, 0, 'latin1');
}

/** A repetition count as written (`table:number-rows-repeated="1048000"`, `text:c="3"`): 1 when absent or unreadable. */
function repetition(element: XmlElement, local: string, uri = TABLE): number {
  const written = attributeValue(element, local, uri);
  if (written === null || !/^\d{1,10}$/.test(written)) return 1;
  return Math.max(1, Number(written));
}

const TIME_VALUE = /^(-)?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

/** An `office:time-value` (`PT10H42M13S`) as the xlsx reader writes a time cell (`10:42:13`); null when unreadable. */
function timeValueText(value: string): string | null {
  const parts = TIME_VALUE.exec(value.trim());
  if (parts === null) return null;
  const [, negative, days, hours, minutes, seconds] = parts;
  const milliseconds = (((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds ?? 0)) * 1000;
  return sheetDateText(new Date(Date.parse(`${EXCEL_DAY_ZERO}00:00:00Z`) + (negative === undefined ? 1 : -1) * Math.round(milliseconds)));
}

/**
 * A paragraph's text as the spreadsheet shows it: spans and links joined, `text:s` as its run of
 * spaces, `text:tab` as a tab, `text:line-break` as a line break, notes and comments left out;
 * white space in the XML itself collapses to one space, as OpenDocument says it does.
 */
function paragraphText(paragraph: XmlElement): string {
  const parts: string[] = [];
  const stack = paragraph.content().reverse();
  for (let piece = stack.pop(); piece !== undefined; piece = stack.pop()) {
    if (typeof piece === 'string') parts.push(piece.replace(/[ \t\r\n]+/g, ' '));
    else if (isNamed(piece, TEXT, 's')) parts.push(' '.repeat(Math.min(MAX_SPACE_RUN, repetition(piece, 'c', TEXT))));
    else if (isNamed(piece, TEXT, 'tab')) parts.push('\t');
    else if (isNamed(piece, TEXT, 'line-break')) parts.push('\n');
    else if (piece.uri === TEXT && piece.local !== 'note') {
      const inner = piece.content();
      for (let index = inner.length - 1; index >= 0; index -= 1) stack.push(inner[index] as string | XmlElement);
    }
  }
  return parts.join('');
}

/** The paragraphs a cell shows, in order (a list's items too), each its own line; its comment (`office:annotation`) left out. */
function cellParagraphs(cell: XmlElement): string {
  const lines: string[] = [];
  const stack = [...cell.children].reverse();
  for (let element = stack.pop(); element !== undefined; element = stack.pop()) {
    if (isNamed(element, TEXT, 'p') || isNamed(element, TEXT, 'h')) lines.push(paragraphText(element));
    else if (isNamed(element, TEXT, 'list') || isNamed(element, TEXT, 'list-item') || isNamed(element, TEXT, 'list-header')) {
      for (let index = element.children.length - 1; index >= 0; index -= 1) stack.push(element.children[index] as XmlElement);
    }
  }
  return lines.join('\n');
}

/**
 * A cell's value as text, as the xlsx reader writes the same cell: a number (`float`,
 * `percentage`, `currency`) as its value (`0.5` for 50%), never with an exponent when whole; a
 * date or time in ISO 8601; a boolean as `TRUE` / `FALSE`; an error (`#DIV/0!`) and text as shown.
 */
export function odsCellText(cell: XmlElement): string {
  const type = attributeValue(cell, 'value-type', OFFICE);
  if (attributeValue(cell, 'value-type', CALC_EXTENSION) === 'error') return cellParagraphs(cell);
  const value = (local: string): string => attributeValue(cell, local, OFFICE) ?? '';
  const typed =
    type === 'float' || type === 'percentage' || type === 'currency'
      ? sheetNumberText(value('value'))
      : type === 'date'
        ? sheetDateValueText(value('date-value'))
        : type === 'time'
          ? timeValueText(value('time-value'))
          : type === 'boolean'
            ? /^(?:true|1)$/i.test(value('boolean-value').trim())
              ? 'TRUE'
              : 'FALSE'
            : null;
  return typed ?? cellParagraphs(cell);
}

/** A merged range running down from a row above: its value, and the last row it covers. */
interface MergedDown {
  text: string;
  lastRow: number;
}

/** One sheet as it is read, its rows gathered (empty ones counted, never kept). */
class SheetBuilder {
  readonly rows: SheetRow[] = [];
  /** The row number the next `table:table-row` starts at. */
  nextRow = 1;
  /** By column (0-based): a merged range that starts in the column and runs down below its row. */
  private readonly mergedDown = new Map<number, MergedDown>();
  private warnedWidth = false;

  constructor(
    readonly name: string,
    readonly visible: boolean,
  ) {}

  /**
   * Adds a row (or a run of repeated rows), its repeated cells made only where something stands
   * after them; returns how many cells it made from repetition, for the file's count, and a
   * warning the first time a row of this sheet reaches past {@link MAX_SHEET_COLUMNS}.
   */
  addRow(row: XmlElement, budget: number, refuse: (at: number) => InputError): { made: number; warning: string | null } {
    const first = this.nextRow;
    const repeat = repetition(row, 'number-rows-repeated');
    this.nextRow += repeat;
    const cells: string[] = [];
    const covered: number[] = [];
    let column = 0;
    let pending = 0;
    let made = 0;
    let cut = false;
    for (const cell of row.children) {
      const isCovered = isNamed(cell, TABLE, 'covered-table-cell');
      if (!isCovered && !isNamed(cell, TABLE, 'table-cell')) continue;
      const count = repetition(cell, 'number-columns-repeated');
      const text = isCovered ? '' : odsCellText(cell);
      const spanned = repetition(cell, 'number-rows-spanned');
      if (!isCovered && spanned > 1 && repeat === 1 && text.trim() !== '')
        this.mergedDown.set(column, { text, lastRow: first + spanned - 1 });
      if (text === '' && !isCovered) {
        pending += count;
        column += count;
        continue;
      }
      const room = MAX_SHEET_COLUMNS - cells.length;
      const gap = Math.min(pending, room);
      const copies = Math.min(count, room - gap);
      if (copies < count) cut = true;
      made += gap + Math.max(0, copies - 1);
      if (made > budget) throw refuse(first);
      for (let index = 0; index < gap; index += 1) cells.push('');
      pending = 0;
      for (let index = 0; index < copies; index += 1) {
        if (isCovered) covered.push(cells.length);
        cells.push(text);
      }
      column += count;
    }
    if (cells.length === 0) return { made: 0, warning: null };
    if ((repeat - 1) * cells.length > budget - made) throw refuse(first);
    made += (repeat - 1) * cells.length;
    for (let number = first; number < first + repeat; number += 1) {
      const mergedAbove = new Map<number, string>();
      for (const index of covered) {
        const merged = this.mergedDown.get(index);
        if (merged !== undefined && number <= merged.lastRow) mergedAbove.set(index, merged.text);
      }
      this.rows.push({ number, cells: number === first ? cells : [...cells], mergedAbove });
    }
    const warning =
      cut && !this.warnedWidth
        ? `row ${first} of sheet ${JSON.stringify(this.name)} reaches past column ${MAX_SHEET_COLUMNS.toLocaleString('en-GB')}; the cells after it were not read`
        : null;
    if (warning !== null) this.warnedWidth = true;
    return { made, warning };
  }

  sheet(): WorkbookSheet {
    return { name: this.name, visible: this.visible, rows: this.rows };
  }
}

/**
 * What reading an OpenDocument spreadsheet's content selects: the automatic table styles (to know
 * which sheets are hidden), where each sheet (`table:table` of `office:spreadsheet`) starts, and
 * each of its rows whole.
 */
function selectSheetContent(path: readonly XmlName[]): XmlSelection {
  const element = path[path.length - 1];
  if (element === undefined) return 'skip';
  if (isAutomaticStyle(path)) return 'element';
  const spreadsheet = path[2];
  if (path.length < 4 || spreadsheet === undefined || !isNamed(spreadsheet, OFFICE, 'spreadsheet')) return 'skip';
  if (path.length === 4) return isNamed(element, TABLE, 'table') ? 'start' : 'skip';
  return isNamed(element, TABLE, 'table-row') ? 'element' : 'skip';
}

/**
 * Reads the sheets of an OpenDocument spreadsheet's content (content.xml, or a flat `.fods` file
 * whole), streaming: each row is built alone, repeated empty cells and rows are counted and never
 * made, and the cells made from repeated ones are counted against {@link MAX_MADE_CELLS}
 * (over it, an {@link InputError} naming `file`). A sheet is hidden when its table style says
 * `table:display="false"`. Cells covered by a merged range are empty, as in the xlsx reader; a
 * range merged down a column gives its value to the rows below it as `mergedAbove`.
 */
export async function readSpreadsheetContent(
  file: string,
  content: Pick<InputSource, 'path' | 'text'>,
  part?: string,
): Promise<OdsSpreadsheet> {
  const hiddenStyles = new Set<string>();
  const sheets: SheetBuilder[] = [];
  const issues: AdapterItem[] = [];
  const recoveries: XmlRecovery[] = [];
  let made = 0;
  const refuse = (sheet: string) => (row: number) =>
    new InputError(
      `the spreadsheet repeats cells past the ${MAX_MADE_CELLS.toLocaleString('en-GB')} tlap makes from repeated ones (at row ${row} of sheet ${JSON.stringify(sheet)}); refused`,
      {
        location: { file },
        hint: 'a spreadsheet program writes no such file: check that it is the file you meant; if it opens, delete the rows and columns past the table and save it again, or save it as CSV',
      },
    );
  for await (const event of readXmlElements(content, selectSheetContent, (recovery) => recoveries.push(recovery))) {
    if (event.kind === 'start') {
      const name = attributeValue(event.element, 'name', TABLE) ?? `Sheet${sheets.length + 1}`;
      sheets.push(new SheetBuilder(name, !hiddenStyles.has(attributeValue(event.element, 'style-name', TABLE) ?? '')));
      continue;
    }
    const sheet = sheets[sheets.length - 1];
    if (event.kind === 'too-large') {
      if (sheet !== undefined) sheet.nextRow += 1;
      issues.push(tooLargeElementRejection(file, event));
      continue;
    }
    const element = event.element;
    if (isNamed(element, STYLE, 'style')) {
      const properties = element.children.find((child) => isNamed(child, STYLE, 'table-properties'));
      const name = attributeValue(element, 'name', STYLE);
      if (name !== null && properties !== undefined && attributeValue(properties, 'display', TABLE) === 'false') hiddenStyles.add(name);
      continue;
    }
    if (sheet === undefined) continue;
    const added = sheet.addRow(element, MAX_MADE_CELLS - made, refuse(sheet.name));
    made += added.made;
    if (added.warning !== null) issues.push({ kind: 'warning', message: added.warning, provenance: { file, part: sheet.name } });
  }
  for (const warning of recoveryWarnings(file, recoveries, part)) issues.push(warning);
  return { sheets: sheets.map((sheet) => sheet.sheet()), issues };
}

/**
 * Reads an OpenDocument spreadsheet (.ods) held in memory: its zip checked and only content.xml
 * and the manifest unpacked (within {@link ODS_UNPACKED_LIMIT}), then its sheets read (see
 * {@link readSpreadsheetContent}). A damaged zip, a password-protected file, another kind of
 * OpenDocument and content that is not well-formed XML are each an {@link InputError} naming `file`.
 */
export async function readOdsSpreadsheet(file: string, zip: Buffer): Promise<OdsSpreadsheet> {
  const { content } = readOpenDocumentParts(file, zip, [], ODS_UNPACKED_LIMIT, OPEN_DOCUMENT_SPREADSHEET);
  try {
    return await readSpreadsheetContent(file, zipPartSource(CONTENT_PART, content), CONTENT_PART);
  } catch (error) {
    if (error instanceof InputError && error.location?.file === CONTENT_PART)
      throw partError(file, CONTENT_PART, error, OPEN_DOCUMENT_SPREADSHEET);
    throw error;
  }
}
