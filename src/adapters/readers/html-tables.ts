import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { InputError } from '../../errors.js';
import { decodeHtmlEntities } from '../../text/html-entities.js';
import type { InputSource } from '../../source/input-source.js';
import {
  EXCEL_DAY_ZERO,
  MARKUP_SPREADSHEET_LIMIT,
  sheetDateText,
  sheetNumberText,
  type SheetRow,
  MAX_MADE_CELLS,
  MAX_SHEET_COLUMNS,
  type WorkbookSheet,
} from './workbook-sheets.js';
import { HTML_BLOCK_ELEMENTS } from './html-block-elements.js';

/** The widest `colspan` HTML honours. */
export const MAX_COLSPAN = 1000;

/** The tallest `rowspan` HTML honours; `rowspan="0"` runs to the end of the table. */
export const MAX_ROWSPAN = 65_534;

/** How deeply tables are read inside one another: a page that lays out its tables in tables needs a few levels, never this many. */
export const MAX_NESTED_TABLES = 32;

/**
 * How many elements may be open at once (nested, or left unclosed where HTML does not close
 * them): htmlparser2 keeps its open elements in a list it shifts at every tag, so each level
 * costs time at every tag after it, and 100,000 nested elements took minutes. A spreadsheet
 * export nests a few dozen deep; past this the page is refused (`HTML_TOO_DEEP`).
 */
export const MAX_OPEN_ELEMENTS = 1000;

/** Elements whose content is never shown as text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'title', 'template']);

/**
 * The title of the page an account archive opens in a browser to show its data (X/Twitter's
 * `Your archive.html`, the 2012–2018 archive's `index.html`: "Your Twitter archive"), which holds
 * scripts, not the data.
 */
const ARCHIVE_VIEWER_TITLE = /^Your (?:Twitter |X )?archive$/i;

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Encodings the text source reads by itself: UTF-8, with lines that are not read as Windows-1252 (which Latin-1 and ASCII are part of). */
const SOURCE_ENCODINGS = new Set(['utf8', 'windows1252', 'cp1252', 'iso88591', 'latin1', 'usascii', 'ascii']);

/** The charset a page names in its head (`<meta charset="…">`, or `charset=` in a `Content-Type` meta), or null. */
export function declaredCharset(headText: string): string | null {
  for (const meta of headText.matchAll(/<meta\b[^>]*>/gi)) {
    const found = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta[0]);
    if (found?.[1] !== undefined) return found[1].toLowerCase();
  }
  return null;
}

/** True when the head of a text file is an HTML page (see {@link isHtmlPage}) in which a `<table>` opens. */
export function isHtmlTable(headText: string): boolean {
  return isHtmlPage(headText) && /<table[\s>]/i.test(headText);
}

/**
 * True when the head of a text file is an HTML page or fragment: it starts, after any comments and
 * XML declaration, with an HTML element (`<!DOCTYPE html>`, `<html>`, `<head>`, `<meta>`, `<body>`, `<table>`…).
 */
export function isHtmlPage(headText: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|meta|title|style|body|table|div|h[1-6]|p|center|form)\b/i.test(
    headText,
  );
}

/** True when a page says it is an Excel export: its `Content-Type` meta names Excel, or it declares Excel's namespace. */
export function isExcelHtml(headText: string): boolean {
  return /application\/(?:vnd\.ms-excel|x-msexcel)/i.test(headText) || headText.includes('urn:schemas-microsoft-com:office:excel');
}

/** A cell's text: white space collapsed as a browser shows it (kept in `pre`), each line trimmed, `&nbsp;` a space. */
function cellText(parts: readonly string[]): string {
  const lines = parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** LibreOffice's number format code (`sdnum="1033;0;M/D/YYYY"`) shows a date or time. */
function isDateFormat(sdnum: string): boolean {
  const code = sdnum.split(';').slice(2).join(';');
  if (/^\s*(?:general|standard)?\s*$/i.test(code)) return false;
  return /[YMDHS]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/**
 * The value LibreOffice Calc writes beside what a cell shows (`sdval`), read as the workbook holds
 * it: a date or time (a day count from Excel's day 0, under a date format) in ISO 8601, any other
 * number as its value; null when there is none.
 */
function typedValue(sdval: string | undefined, sdnum: string | undefined): string | null {
  if (sdval === undefined) return null;
  const value = Number(sdval);
  if (sdval.trim() === '' || !Number.isFinite(value)) return null;
  if (sdnum !== undefined && isDateFormat(sdnum)) {
    return sheetDateText(new Date(Date.parse(`${EXCEL_DAY_ZERO}00:00:00Z`) + Math.round(value * 86_400_000)));
  }
  return sheetNumberText(sdval);
}

/** What a spreadsheet shows in a cell whose formula fails (LibreOffice writes its value as 0 beside it). */
const SHOWN_ERROR = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/;

/** A span count written on a cell: 1 when absent or unreadable, `zero` when 0, at most `max`. */
function spanCount(written: string | undefined, max: number, zero: number): number {
  if (written === undefined || !/^\s*\d{1,10}\s*$/.test(written)) return 1;
  const count = Number(written);
  return count === 0 ? zero : Math.min(count, max);
}

/** True when an element is hidden by its own attributes (`hidden`, `style="display: none"`). */
function isHidden(attributes: Readonly<Record<string, string>>): boolean {
  return attributes['hidden'] !== undefined || /display\s*:\s*none/i.test(attributes['style'] ?? '');
}

/** A cell of a row above that runs down over this column (`rowspan`). */
interface RowSpan {
  firstRow: number;
  lastRow: number;
  /** The cell's value on the column it starts in; '' on the other columns it covers. */
  text: string;
}

/** A cell being read. */
interface OpenCell {
  parts: string[];
  colspan: number;
  rowspan: number;
  sdval: string | undefined;
  sdnum: string | undefined;
}

/** One `<table>` as it is read, its rows gathered (empty ones left out). */
class TableBuilder {
  readonly rows: SheetRow[] = [];
  /** True once a table opens inside it: a table that holds tables lays them out, and is no sheet. */
  holdsTable = false;
  caption: string | null = null;
  private rowNumber = 0;
  private row: { cells: string[]; column: number } | null = null;
  cell: OpenCell | null = null;
  /** The cells of rows above that run down over each column (`rowspan`); one past its rows is stale and covers nothing. */
  private readonly spans = new Map<number, RowSpan>();
  /** The spans whose cell holds something, which give it to the rows below as `mergedAbove`: the only ones a row's end visits. */
  private readonly filledSpans = new Map<number, RowSpan>();
  cut = false;

  constructor(
    readonly order: number,
    readonly heading: string | null,
    readonly visible: boolean,
    /** Takes `count` cells from what the page may make (covered, left out, or filled in from above); throws past it. */
    private readonly spend: (count: number, table: number) => void,
  ) {}

  startRow(): void {
    this.endRow();
    this.rowNumber += 1;
    this.row = { cells: [], column: 0 };
  }

  startCell(attributes: Readonly<Record<string, string>>): void {
    if (this.row === null) this.startRow();
    this.endCell();
    this.cell = {
      parts: [],
      colspan: spanCount(attributes['colspan'], MAX_COLSPAN, 1),
      rowspan: spanCount(attributes['rowspan'], MAX_ROWSPAN, MAX_ROWSPAN),
      sdval: attributes['sdval'],
      sdnum: attributes['sdnum'],
    };
  }

  private covered(column: number): boolean {
    const span = this.spans.get(column);
    return span !== undefined && span.firstRow < this.rowNumber && span.lastRow >= this.rowNumber;
  }

  private place(cells: string[], at: number, text: string): void {
    if (at > cells.length) this.spend(at - cells.length, this.order);
    while (cells.length < at) cells.push('');
    cells[at] = text;
  }

  endCell(): void {
    const cell = this.cell;
    const row = this.row;
    this.cell = null;
    if (cell === null || row === null) return;
    const from = row.column;
    while (row.column < MAX_SHEET_COLUMNS && this.covered(row.column)) row.column += 1;
    if (row.column > from) this.spend(row.column - from, this.order);
    if (row.column >= MAX_SHEET_COLUMNS) {
      this.cut = true;
      return;
    }
    const shown = cellText(cell.parts);
    const text = (SHOWN_ERROR.test(shown) ? null : typedValue(cell.sdval, cell.sdnum)) ?? shown;
    if (text !== '') this.place(row.cells, row.column, text);
    const last = Math.min(MAX_SHEET_COLUMNS, row.column + cell.colspan);
    if (cell.rowspan > 1) {
      this.spend(last - row.column, this.order);
      for (let column = row.column; column < last; column += 1) {
        const span = { firstRow: this.rowNumber, lastRow: this.rowNumber + cell.rowspan - 1, text: column === row.column ? text : '' };
        this.spans.set(column, span);
        if (span.text.trim() === '') this.filledSpans.delete(column);
        else this.filledSpans.set(column, span);
      }
    }
    row.column = last;
  }

  endRow(): void {
    this.endCell();
    const row = this.row;
    this.row = null;
    if (row === null) return;
    const mergedAbove = new Map<number, string>();
    for (const [column, span] of this.filledSpans) {
      if (span.lastRow <= this.rowNumber) this.filledSpans.delete(column);
      if (span.firstRow >= this.rowNumber || span.lastRow < this.rowNumber) continue;
      this.spend(1, this.order);
      mergedAbove.set(column, span.text);
      if (row.cells.length <= column) this.place(row.cells, column, '');
    }
    if (row.cells.some((cell) => cell.trim() !== '') || mergedAbove.size > 0) {
      this.rows.push({ number: this.rowNumber, cells: row.cells, mergedAbove });
    }
  }
}

/** The HTML tables of a page read: the tables that hold data, each a sheet, and warnings about them. */
export interface HtmlTables {
  sheets: WorkbookSheet[];
  warnings: string[];
}

/**
 * The worksheet names in the XML Excel writes in a page's head, inside a conditional comment
 * (`<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Responses</x:Name>…`),
 * as Excel's "Save as Web Page" and many web exports that copy it name their sheets.
 */
function excelWorksheetNames(comment: string): string[] {
  if (!comment.includes('ExcelWorksheet')) return [];
  const names: string[] = [];
  WORKSHEET_START.lastIndex = 0;
  for (let start = WORKSHEET_START.exec(comment); start !== null; start = WORKSHEET_START.exec(comment)) {
    WORKSHEET_NAME.lastIndex = WORKSHEET_START.lastIndex;
    const found = WORKSHEET_NAME.exec(comment);
    if (found === null) break;
    const name = decodeHtmlEntities(found[1] ?? '').trim();
    if (name !== '') names.push(name);
    WORKSHEET_START.lastIndex = WORKSHEET_NAME.lastIndex;
  }
  return names;
}

/** A worksheet of Excel's XML, and the name after it: found one after the other, so that no start makes the name be looked for again. */
const WORKSHEET_START = /<x:ExcelWorksheet\b[^<>]*>/gi;
const WORKSHEET_NAME = /<x:Name>([^<]*)<\/x:Name>/gi;

/** A sheet's name from the heading LibreOffice writes above each sheet it saves as HTML (`Sheet 1: Comments`). */
function headingName(heading: string): string {
  return heading.replace(/^Sheet \d+:\s*/, '').trim();
}

/** What reading an HTML page needs of its source: its text, and its bytes to decode again in the charset it names. */
export type HtmlPageSource = Pick<InputSource, 'path' | 'headText' | 'encoding' | 'hasBom' | 'readBytes' | 'text'>;

/** The page's text: as the text source decodes it, or (when the page names a charset the source does not read by itself) decoded whole with it. */
async function* pageText(source: HtmlPageSource): AsyncIterable<string> {
  const charset = declaredCharset(source.headText);
  const simple = charset?.replace(/[^a-z0-9]/g, '') ?? 'utf8';
  const other = charset !== null && !SOURCE_ENCODINGS.has(simple) && !simple.startsWith('utf16') && !simple.startsWith('unicode');
  if (source.encoding === 'utf-8' && !source.hasBom && other && iconv.encodingExists(charset)) {
    yield iconv.decode(await source.readBytes(MARKUP_SPREADSHEET_LIMIT), charset);
    return;
  }
  yield* source.text();
}

/**
 * Reads the tables of an HTML page (a web platform's "Export to Excel" saved as `.xls`, a page
 * saved as `.html`), with htmlparser2, as a browser or Excel shows them: each `<table>` that holds
 * no other table is a sheet (a table that holds tables only lays them out), named by its
 * `<caption>`, else the worksheet name Excel's XML in the page's head gives it (when it names one
 * for each table), else the heading right above it, else (the page's only one) the page's
 * `<title>`, else `Table N`; its `<tr>` rows, their `<td>` and
 * `<th>` cells, `colspan` and `rowspan` read as merged cells are (the covered cells empty, a cell
 * spanning rows giving its value to the rows below as `mergedAbove`), `<br>` and block elements as
 * line breaks, entities decoded. A table hidden by its attributes is a hidden sheet. Cells
 * LibreOffice Calc wrote with their value (`sdval`) are read from it, as its workbook holds them.
 * The page's charset (`<meta charset>`) is honoured where the text source does not read it by
 * itself. Markup is read however broken it is; more than {@link MAX_MADE_CELLS} cells made (empty
 * ones before cells that hold something, columns a span covers, values a span fills into the rows
 * below), counted as they are made, or more than {@link MAX_OPEN_ELEMENTS} elements open at once,
 * is an {@link InputError} naming the file.
 */
export async function readHtmlTables(source: HtmlPageSource): Promise<HtmlTables> {
  const file = source.path;
  const open: TableBuilder[] = [];
  const done: TableBuilder[] = [];
  const warnings: string[] = [];
  let tables = 0;
  let hiddenDepth = 0;
  let preDepth = 0;
  let heading: string[] | null = null;
  let lastHeading: string | null = null;
  let caption: string[] | null = null;
  let title: string[] | null = null;
  const worksheetNames: string[] = [];
  /** How deep inside a table nested past {@link MAX_NESTED_TABLES} the parser is: 0 outside one. */
  let tooDeep = 0;
  let deepest = false;
  let pageTitle = '';
  let madeLeft = MAX_MADE_CELLS;
  let openElements = 0;

  const spend = (count: number, table: number): void => {
    madeLeft -= count;
    if (madeLeft >= 0) return;
    throw new InputError(
      `the page's tables leave out or span more than the ${MAX_MADE_CELLS.toLocaleString('en-GB')} cells tlap fills in (in table ${table}); refused`,
      { location: { file }, hint: 'check that it is the file you meant; if it opens in a spreadsheet program, save it as .xlsx or CSV' },
    );
  };
  const top = (): TableBuilder | undefined => open[open.length - 1];
  const softBreak = (): void => {
    const cell = top()?.cell;
    if (cell !== null && cell !== undefined && cell.parts.length > 0 && cell.parts[cell.parts.length - 1] !== '\n') cell.parts.push('\n');
  };
  const closeTable = (): void => {
    const table = open.pop();
    if (table === undefined) return;
    table.endRow();
    done.push(table);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        openElements += 1;
        if (openElements > MAX_OPEN_ELEMENTS) {
          throw new InputError(
            `the page nests more than ${MAX_OPEN_ELEMENTS.toLocaleString('en-GB')} elements inside one another; refused`,
            {
              location: { file },
              hint: 'check that it is the file you meant; if it opens in a spreadsheet program, save it as .xlsx or CSV',
              code: 'HTML_TOO_DEEP',
            },
          );
        }
        if (HIDDEN_CONTENT.has(name)) hiddenDepth += 1;
        if (name === 'pre') preDepth += 1;
        if (name === 'title' && pageTitle === '') title = [];
        const table = top();
        if (name === 'table') {
          if (table !== undefined) table.holdsTable = true;
          if (open.length >= MAX_NESTED_TABLES || tooDeep > 0) {
            tooDeep += 1;
            deepest = true;
            return;
          }
          tables += 1;
          open.push(new TableBuilder(tables, lastHeading, !isHidden(attributes), spend));
          lastHeading = null;
          return;
        }
        if (HEADINGS.has(name)) heading = [];
        if (name === 'caption' && table !== undefined) caption = [];
        if (table === undefined || tooDeep > 0) return;
        if (name === 'tr') table.startRow();
        else if (name === 'td' || name === 'th') table.startCell(attributes);
        else if (name === 'br') table.cell?.parts.push('\n');
        else if (HTML_BLOCK_ELEMENTS.has(name)) softBreak();
      },
      ontext(text) {
        if (title !== null) title.push(text);
        if (hiddenDepth > 0) return;
        const shown = preDepth > 0 ? text : text.replace(/[ \t\r\n\f]+/g, ' ');
        if (heading !== null) heading.push(shown);
        if (caption !== null) caption.push(shown);
        if (tooDeep === 0) top()?.cell?.parts.push(shown);
      },
      oncomment(text) {
        for (const name of excelWorksheetNames(text)) worksheetNames.push(name);
      },
      onclosetag(name) {
        openElements -= 1;
        if (HIDDEN_CONTENT.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'title' && title !== null) {
          pageTitle = cellText(title).replace(/\s+/g, ' ');
          title = null;
        }
        const table = top();
        if (name === 'table' && tooDeep > 0) {
          tooDeep -= 1;
          return;
        }
        if (name === 'table') {
          closeTable();
          lastHeading = null;
          return;
        }
        if (HEADINGS.has(name) && heading !== null) {
          lastHeading = cellText(heading).replace(/\s+/g, ' ');
          heading = null;
        }
        if (name === 'caption' && caption !== null) {
          if (table !== undefined) table.caption = cellText(caption).replace(/\s+/g, ' ');
          caption = null;
        }
        if (table === undefined || tooDeep > 0) return;
        if (name === 'tr') table.endRow();
        else if (name === 'td' || name === 'th') table.endCell();
        else if (HTML_BLOCK_ELEMENTS.has(name)) softBreak();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  for await (const chunk of pageText(source)) parser.write(chunk);
  parser.end();
  while (open.length > 0) closeTable();

  const names = new Map<string, number>();
  const sheets: WorkbookSheet[] = [];
  const data = done.filter((table) => !table.holdsTable && table.rows.length > 0).sort((a, b) => a.order - b.order);
  const named = worksheetNames.length === data.length ? worksheetNames : [];
  for (const [index, table] of data.entries()) {
    const titled = data.length === 1 ? pageTitle : '';
    const heading = table.heading === null ? '' : headingName(table.heading);
    const base = table.caption || named[index] || heading || titled || `Table ${table.order}`;
    const seen = names.get(base) ?? 0;
    names.set(base, seen + 1);
    const name = seen === 0 ? base : `${base} (${seen + 1})`;
    if (table.cut)
      warnings.push(
        `a row of table ${JSON.stringify(name)} reaches past column ${MAX_SHEET_COLUMNS.toLocaleString('en-GB')}; the cells after it were not read`,
      );
    sheets.push({ name, visible: table.visible, rows: table.rows });
  }
  if (deepest) warnings.push(`tables nested more than ${MAX_NESTED_TABLES} deep were not read`);
  if (sheets.length === 0 && tables === 0 && ARCHIVE_VIEWER_TITLE.test(pageTitle)) {
    throw new InputError(
      `the page that shows an account archive in a browser (${JSON.stringify(pageTitle)}), not a table of feedback; not read`,
      {
        location: { file },
        hint: "give the archive's data files (its tweets or comments) instead",
        code: 'NOT_FEEDBACK',
      },
    );
  }
  if (sheets.length === 0) {
    throw new InputError(tables === 0 ? 'no table in the page' : 'no table in the page holds any text', {
      location: { file },
      hint: 'an HTML "Excel" export holds its rows in a <table>: check that this is the export you meant',
    });
  }
  return { sheets, warnings };
}
