import { InputError } from '../../errors.js';
import { checkCompoundFile } from './compound-file.js';
import { MAX_MADE_CELLS, sheetDateText, numberCellText, type SheetRow, type WorkbookSheet } from './workbook-sheets.js';

/** The most an Excel 97-2003 workbook may be to be read: the whole file is held in memory, as an .xlsx is. */
export const XLS_FILE_LIMIT = 128 * 1024 * 1024;

/** The columns a BIFF8 sheet has (A to IV): a cell record naming a column past them is passed over. */
export const BIFF8_COLUMNS = 256;

/** The workbook stream of Excel 97-2003 (BIFF8), and of Excel 5.0/95 (BIFF5). */
const WORKBOOK_STREAM = 'Workbook';
const BIFF5_STREAM = 'Book';
/** What a password-protected .xlsx (an encrypted OOXML package) holds instead of a zip. */
const ENCRYPTED_PACKAGE = 'EncryptedPackage';

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGECELLS = 0x00e5;

const BIFF8_VERSION = 0x0600;
const GLOBALS = 0x0005;
const WORKSHEET_KIND = 0;

/** Excel's built-in number formats that are dates or times (ids 14–22, 45–47), as exceljs knows them. */
const BUILT_IN_FORMATS: ReadonlyMap<number, string> = new Map([
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
]);

/** Error values as Excel shows them, by their BIFF code. */
const ERROR_TEXT: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01, and from its 1904 date system's day 0 to it. */
const UNIX_EPOCH_SERIAL = 25569;
const DATE_1904_OFFSET = 1462;

class Damaged extends Error {}

/** One BIFF record: its type and where its data lies in the stream. */
interface BiffRecord {
  type: number;
  start: number;
  length: number;
}

/** The record whose header is at `offset`, or null when its header or data run past the stream's end. */
function recordAt(stream: Buffer, offset: number): BiffRecord | null {
  if (offset + 4 > stream.length) return null;
  const length = stream.readUInt16LE(offset + 2);
  if (offset + 4 + length > stream.length) return null;
  return { type: stream.readUInt16LE(offset), start: offset + 4, length };
}

/** Where the record after this one starts. */
function after(record: BiffRecord): number {
  return record.start + record.length;
}

/**
 * A record's data and that of the CONTINUE records after it, read in order. Text that runs on
 * into a CONTINUE record starts it with a new option byte (compressed or not), which
 * {@link chars} reads; everything else crosses from one record to the next as plain bytes.
 */
class RecordReader {
  private part = 0;
  private offset: number;

  constructor(
    private readonly stream: Buffer,
    private readonly parts: readonly BiffRecord[],
  ) {
    this.offset = parts[0]?.start ?? 0;
  }

  private current(): BiffRecord {
    for (;;) {
      const record = this.parts[this.part];
      if (record === undefined) throw new Damaged('a record ends in the middle of its data');
      if (this.offset < record.start + record.length) return record;
      const next = this.parts[this.part + 1];
      if (next === undefined) throw new Damaged('a record ends in the middle of its data');
      this.part += 1;
      this.offset = next.start;
    }
  }

  /** True at the end of the last part. */
  atEnd(): boolean {
    const last = this.parts[this.parts.length - 1];
    return last === undefined || (this.part >= this.parts.length - 1 && this.offset >= last.start + last.length);
  }

  /** Whether the next byte starts a CONTINUE record: then text's option byte is repeated there. */
  private atPartStart(): boolean {
    const record = this.current();
    return this.part > 0 && this.offset === record.start;
  }

  uint8(): number {
    this.current();
    const value = this.stream.readUInt8(this.offset);
    this.offset += 1;
    return value;
  }

  uint16(): number {
    return this.uint8() | (this.uint8() << 8);
  }

  uint32(): number {
    return (this.uint16() + this.uint16() * 0x10000) >>> 0;
  }

  /** Passes over `count` bytes, across parts. */
  skip(count: number): void {
    let left = count;
    while (left > 0) {
      const record = this.current();
      const step = Math.min(left, record.start + record.length - this.offset);
      this.offset += step;
      left -= step;
    }
  }

  /** `count` characters of text, each one byte (the low byte of UTF-16) when `compressed`, else two. */
  chars(count: number, compressed: boolean): string {
    const pieces: string[] = [];
    let left = count;
    let narrow = compressed;
    while (left > 0) {
      if (this.atPartStart()) narrow = (this.uint8() & 0x01) === 0;
      const record = this.current();
      const room = record.start + record.length - this.offset;
      const width = narrow ? 1 : 2;
      const take = Math.min(left, Math.floor(room / width));
      if (take === 0) throw new Damaged('a character is split between records');
      const end = this.offset + take * width;
      pieces.push(this.stream.toString(narrow ? 'latin1' : 'utf16le', this.offset, end));
      this.offset = end;
      left -= take;
    }
    return pieces.join('');
  }
}

/** A record and the CONTINUE records that follow it. */
function withContinues(stream: Buffer, record: BiffRecord): RecordReader {
  const parts: BiffRecord[] = [record];
  for (let next = recordAt(stream, after(record)); next?.type === CONTINUE; next = recordAt(stream, after(next))) parts.push(next);
  return new RecordReader(stream, parts);
}

/** An XLUnicodeString (a 16-bit count) or, with `short`, a ShortXLUnicodeString (an 8-bit count). */
function unicodeString(reader: RecordReader, short = false): string {
  const count = short ? reader.uint8() : reader.uint16();
  const flags = reader.uint8();
  return reader.chars(count, (flags & 0x01) === 0);
}

/**
 * The shared strings (SST and its CONTINUE records): each string's runs of formatting and its
 * phonetic text passed over. As many are read as the record holds, never more than it says it
 * has: the count a file gives costs nothing until strings stand behind it.
 */
function sharedStrings(reader: RecordReader): string[] {
  reader.uint32();
  const unique = reader.uint32();
  const strings: string[] = [];
  while (strings.length < unique && !reader.atEnd()) {
    const count = reader.uint16();
    const flags = reader.uint8();
    const runs = (flags & 0x08) !== 0 ? reader.uint16() : 0;
    const phonetic = (flags & 0x04) !== 0 ? reader.uint32() : 0;
    strings.push(reader.chars(count, (flags & 0x01) === 0));
    reader.skip(runs * 4 + phonetic);
  }
  return strings;
}

/** A number stored as an RK value: a 30-bit integer or the top 30 bits of a double, divided by 100 when flagged. */
function rkNumber(rk: number): number {
  const value = (rk & 0x02) !== 0 ? (rk | 0) >> 2 : doubleFromHigh(rk & 0xfffffffc);
  return (rk & 0x01) !== 0 ? value / 100 : value;
}

function doubleFromHigh(high: number): number {
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32LE(high >>> 0, 4);
  return bytes.readDoubleLE(0);
}

/**
 * True when a number format shows a date or time, by the test exceljs applies to an .xlsx
 * cell's format (a y, m, d, h, s or b outside quotes and brackets), so a cell reads as it does there.
 */
function isDateFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** What the workbook's globals say about reading its sheets. */
interface WorkbookGlobals {
  strings: string[];
  /** By XF index: whether a number in a cell of that format is a date. */
  dateStyles: boolean[];
  date1904: boolean;
  sheets: { name: string; visible: boolean; offset: number }[];
}

/** Reads the workbook globals, from the record after the first BOF to their EOF (or the stream's end). */
function readGlobals(stream: Buffer, first: BiffRecord): { globals: WorkbookGlobals; encrypted: boolean } {
  const formats = new Map<number, string>(BUILT_IN_FORMATS);
  const formatOfStyle: number[] = [];
  const globals: WorkbookGlobals = { strings: [], dateStyles: [], date1904: false, sheets: [] };
  for (let record = recordAt(stream, after(first)); record !== null && record.type !== EOF; record = recordAt(stream, after(record))) {
    const found = record;
    const reader = (): RecordReader => withContinues(stream, found);
    switch (record.type) {
      case FILEPASS:
        return { globals, encrypted: true };
      case DATEMODE:
        globals.date1904 = record.length >= 2 && stream.readUInt16LE(record.start) === 1;
        break;
      case FORMAT: {
        const read = reader();
        const id = read.uint16();
        formats.set(id, unicodeString(read));
        break;
      }
      case XF:
        if (record.length >= 4) formatOfStyle.push(stream.readUInt16LE(record.start + 2));
        break;
      case BOUNDSHEET: {
        const read = reader();
        const offset = read.uint32();
        const state = read.uint8();
        const kind = read.uint8();
        const name = unicodeString(read, true);
        if (kind === WORKSHEET_KIND) globals.sheets.push({ name, visible: (state & 0x03) === 0, offset });
        break;
      }
      case SST:
        globals.strings = sharedStrings(reader());
        break;
    }
  }
  globals.dateStyles = formatOfStyle.map((format) => isDateFormat(formats.get(format)));
  return { globals, encrypted: false };
}

/** A merged range: its first and last rows and columns (0-based). */
interface MergedRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

/** A sheet's cells by row (0-based), each row's cells as text by column, the columns never written left as holes. */
type SheetCells = Map<number, string[]>;

/** One sheet as read: its cells, its merged ranges, and where the record after its EOF starts. */
interface SheetRead {
  cells: SheetCells;
  merged: MergedRange[];
  end: number;
}

/**
 * Reads one sheet's records, from its BOF to the EOF that closes it (charts inside it skipped).
 * The empty cells a row will be given before a cell written further right (Excel writes no record
 * for an empty cell) are counted against `budget`: one record in column IV makes 255 of them.
 */
function readSheetCells(stream: Buffer, bof: BiffRecord, globals: WorkbookGlobals, name: string, budget: { left: number }): SheetRead {
  const cells: SheetCells = new Map();
  const merged: MergedRange[] = [];
  const set = (row: number, column: number, text: string): void => {
    if (column >= BIFF8_COLUMNS) return;
    let line = cells.get(row);
    if (line === undefined) {
      line = [];
      cells.set(row, line);
    }
    if (column >= line.length) budget.left -= column - line.length;
    else if (line[column] === undefined) budget.left += 1;
    if (budget.left < 0)
      throw new Damaged(`its rows leave out more than the ${MAX_MADE_CELLS.toLocaleString('en-GB')} empty cells tlap fills in`);
    line[column] = text;
  };
  const numberCell = (style: number, value: number): string => {
    if (!Number.isFinite(value)) return '';
    if (globals.dateStyles[style] !== true) return numberCellText(value);
    const serial = globals.date1904 ? value + DATE_1904_OFFSET : value;
    return sheetDateText(new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * 86_400_000)));
  };
  let pendingString: { row: number; column: number } | null = null;
  let depth = 0;
  for (let record: BiffRecord | null = bof; record !== null; record = recordAt(stream, after(record))) {
    if (record.type === BOF) {
      depth += 1;
      continue;
    }
    if (record.type === EOF) {
      depth -= 1;
      if (depth === 0) return { cells, merged, end: after(record) };
      continue;
    }
    if (depth !== 1) continue;
    const found = record;
    const data = (): RecordReader => withContinues(stream, found);
    const at = record.start;
    const fits = (bytes: number): boolean => record.length >= bytes;
    switch (record.type) {
      case LABELSST:
        if (fits(10)) set(stream.readUInt16LE(at), stream.readUInt16LE(at + 2), globals.strings[stream.readUInt32LE(at + 6)] ?? '');
        break;
      case LABEL:
      case RSTRING: {
        const read = data();
        const row = read.uint16();
        const column = read.uint16();
        read.uint16();
        set(row, column, unicodeString(read));
        break;
      }
      case NUMBER:
        if (fits(14))
          set(stream.readUInt16LE(at), stream.readUInt16LE(at + 2), numberCell(stream.readUInt16LE(at + 4), stream.readDoubleLE(at + 6)));
        break;
      case RK:
        if (fits(10))
          set(
            stream.readUInt16LE(at),
            stream.readUInt16LE(at + 2),
            numberCell(stream.readUInt16LE(at + 4), rkNumber(stream.readUInt32LE(at + 6))),
          );
        break;
      case MULRK: {
        if (!fits(6)) break;
        const row = stream.readUInt16LE(at);
        const firstColumn = stream.readUInt16LE(at + 2);
        const count = Math.floor((record.length - 6) / 6);
        for (let cell = 0; cell < count; cell += 1) {
          const offset = at + 4 + cell * 6;
          set(row, firstColumn + cell, numberCell(stream.readUInt16LE(offset), rkNumber(stream.readUInt32LE(offset + 2))));
        }
        break;
      }
      case BOOLERR:
        if (fits(8)) {
          const value = stream.readUInt8(at + 6);
          const text = stream.readUInt8(at + 7) === 1 ? (ERROR_TEXT.get(value) ?? '#N/A') : value === 0 ? 'FALSE' : 'TRUE';
          set(stream.readUInt16LE(at), stream.readUInt16LE(at + 2), text);
        }
        break;
      case FORMULA: {
        if (!fits(14)) break;
        const row = stream.readUInt16LE(at);
        const column = stream.readUInt16LE(at + 2);
        pendingString = null;
        if (stream.readUInt16LE(at + 12) !== 0xffff) {
          set(row, column, numberCell(stream.readUInt16LE(at + 4), stream.readDoubleLE(at + 6)));
          break;
        }
        const kind = stream.readUInt8(at + 6);
        const value = stream.readUInt8(at + 8);
        if (kind === 0) pendingString = { row, column };
        else if (kind === 1) set(row, column, value === 0 ? 'FALSE' : 'TRUE');
        else if (kind === 2) set(row, column, ERROR_TEXT.get(value) ?? '#N/A');
        break;
      }
      case STRING:
        if (pendingString !== null) set(pendingString.row, pendingString.column, unicodeString(data()));
        pendingString = null;
        break;
      case MERGECELLS: {
        const count = Math.min(fits(2) ? stream.readUInt16LE(at) : 0, Math.floor((record.length - 2) / 8));
        for (let range = 0; range < count; range += 1) {
          const offset = at + 2 + range * 8;
          merged.push({
            firstRow: stream.readUInt16LE(offset),
            lastRow: stream.readUInt16LE(offset + 2),
            firstColumn: stream.readUInt16LE(offset + 4),
            lastColumn: stream.readUInt16LE(offset + 6),
          });
        }
        break;
      }
    }
  }
  throw new Damaged(`sheet ${JSON.stringify(name)} has no end (is the file truncated?)`);
}

/**
 * Marks the cells merged ranges cover, in rows that hold cells: each is empty, as in the xlsx
 * reader (a question merged over its options' columns names the first column only), and one in
 * the first column of a range merged down from a row above is given that range's value, for
 * group columns to be filled. Returns those values by row and column.
 */
function coverMergedCells(cells: SheetCells, merged: readonly MergedRange[], budget: { left: number }): Map<number, Map<number, string>> {
  const above = new Map<number, Map<number, string>>();
  const rows = [...cells.keys()].sort((a, b) => a - b);
  for (const range of merged) {
    const text = cells.get(range.firstRow)?.[range.firstColumn] ?? '';
    const lastColumn = Math.min(range.lastColumn, BIFF8_COLUMNS - 1);
    for (const row of rows) {
      budget.left -= 1;
      if (budget.left < 0) throw new Damaged(`its merged ranges cover more than ${MAX_MADE_CELLS.toLocaleString('en-GB')} cells`);
      if (row < range.firstRow) continue;
      if (row > range.lastRow) break;
      const line = cells.get(row);
      if (line === undefined) continue;
      for (let column = range.firstColumn; column <= lastColumn; column += 1) {
        if (row === range.firstRow && column === range.firstColumn) continue;
        budget.left -= 1;
        if (budget.left < 0) throw new Damaged(`its merged ranges cover more than ${MAX_MADE_CELLS.toLocaleString('en-GB')} cells`);
        line[column] = '';
        if (column !== range.firstColumn || text.trim() === '') continue;
        const marks = above.get(row) ?? new Map<number, string>();
        marks.set(column, text);
        above.set(row, marks);
      }
    }
  }
  return above;
}

/** A sheet's rows as text, each made only when it is reached, in row order. */
function* sheetRows(cells: SheetCells, above: ReadonlyMap<number, ReadonlyMap<number, string>>): Iterable<SheetRow> {
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const line = cells.get(row) ?? [];
    const texts = Array.from({ length: line.length }, (_, column) => line[column] ?? '');
    yield { number: row + 1, cells: texts, mergedAbove: new Map(above.get(row) ?? []) };
  }
}

/**
 * Reads a BIFF8 workbook stream's sheets, in the order the workbook lists them. Each is read from
 * where the workbook says it starts, in the order they lie in the stream, and none may start
 * before the one ahead of it has ended: sheets that a damaged workbook lists inside one another
 * cost no more than the stream, read once.
 */
function workbookStreamSheets(file: string, stream: Buffer): WorkbookSheet[] {
  const bof = recordAt(stream, 0);
  if (bof === null || bof.type !== BOF || bof.length < 4) throw new Damaged('its workbook stream does not start with a BOF record');
  if (stream.readUInt16LE(bof.start) !== BIFF8_VERSION || stream.readUInt16LE(bof.start + 2) !== GLOBALS) {
    throw new Damaged(`its workbook stream is not Excel 97-2003's (BIFF8)`);
  }
  const { globals, encrypted } = readGlobals(stream, bof);
  if (encrypted) throw encryptedError(file);
  const budget = { left: MAX_MADE_CELLS };
  const read = new Map<number, SheetRead>();
  let end = 0;
  for (const sheet of [...globals.sheets].sort((a, b) => a.offset - b.offset)) {
    const where = JSON.stringify(sheet.name);
    if (sheet.offset < end) throw new Damaged(`sheet ${where} overlaps another sheet`);
    const start = recordAt(stream, sheet.offset);
    if (start === null && sheet.offset >= stream.length)
      throw new Damaged(`sheet ${where} lies past the end of the file (is it truncated?)`);
    if (start?.type !== BOF) throw new Damaged(`sheet ${where} does not start where the workbook says`);
    const cells = readSheetCells(stream, start, globals, sheet.name, budget);
    read.set(sheet.offset, cells);
    end = cells.end;
  }
  return globals.sheets.map((sheet) => {
    const { cells, merged } = read.get(sheet.offset) ?? { cells: new Map<number, string[]>(), merged: [] };
    const above = coverMergedCells(cells, merged, budget);
    return { name: sheet.name, visible: sheet.visible, rows: { [Symbol.iterator]: () => sheetRows(cells, above)[Symbol.iterator]() } };
  });
}

function encryptedError(file: string): InputError {
  return new InputError('the workbook is password-protected (encrypted); tlap cannot read it', {
    location: { file },
    hint: 'open it in Excel or LibreOffice, remove the password and save it again (as .xls, .xlsx or CSV)',
  });
}

/** True when a file's head is a compound file that names an Excel workbook stream in the part of its directory it holds. */
export function namesWorkbookStream(head: Buffer): boolean {
  return head.includes(Buffer.from(`${WORKBOOK_STREAM}\0`, 'utf16le')) || head.includes(Buffer.from(`${BIFF5_STREAM}\0\0\0`, 'utf16le'));
}

/**
 * Reads an Excel 97-2003 workbook (.xls, BIFF8) held in memory: every worksheet (charts, macro
 * and module sheets left out) with its rows as text, as the xlsx reader gives the same workbook
 * saved as .xlsx: numbers as JavaScript writes them (a whole number never with an exponent), a
 * number in a date or time format as an ISO 8601 date or time (the 1904 date system honoured),
 * booleans as `TRUE` / `FALSE`, errors as Excel shows them, a formula as its cached result,
 * merged cells as in {@link sheetRows}. A damaged or truncated file, an Excel 5.0/95 workbook, a
 * password-protected one (an encrypted .xls or .xlsx) and a compound file that holds no workbook
 * are each an {@link InputError} naming `file`.
 */
export function readXlsWorkbook(file: string, bytes: Buffer): WorkbookSheet[] {
  const hint = 'check that the file is a complete workbook; if Excel or LibreOffice opens it, save it again as .xlsx or CSV';
  const read = checkCompoundFile(bytes);
  if (read.kind === 'damaged') throw new InputError(`cannot read the workbook (${read.reason})`, { location: { file }, hint });
  const names = read.rootEntries.map((entry) => entry.name);
  const workbook = names.find((name) => name.toLowerCase() === WORKBOOK_STREAM.toLowerCase());
  const stream = workbook === undefined ? null : read.readRootStream(workbook);
  if (stream === null) {
    if (names.includes(ENCRYPTED_PACKAGE)) throw encryptedError(file);
    if (names.includes(BIFF5_STREAM)) {
      throw new InputError('an Excel 5.0/95 workbook (BIFF5); tlap reads workbooks from Excel 97 on', {
        location: { file },
        hint: 'open it in Excel or LibreOffice and save it as .xlsx (or as Excel 97-2003 .xls, or CSV)',
      });
    }
    throw new InputError('a compound (OLE2) file, but not an Excel workbook: it holds no Workbook stream', {
      location: { file },
      hint: 'a Word .doc or an Outlook .msg is read by its own format; check that this is the workbook you meant',
    });
  }
  try {
    return workbookStreamSheets(file, stream);
  } catch (error) {
    if (error instanceof Damaged) throw new InputError(`cannot read the workbook (${error.message})`, { location: { file }, hint });
    throw error;
  }
}
