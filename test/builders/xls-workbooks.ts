import CFB from 'cfb';
import type { SheetModel, SheetValue } from './ods-spreadsheets.js';

/** How an .xls is written beyond its sheets. */
export interface XlsLayout {
  /** The 1904 date system (DATEMODE 1), as Excel for the Mac once saved workbooks. */
  date1904?: boolean;
  /** A FILEPASS record after the BOF: the workbook saved with a password. */
  encrypted?: boolean;
  /** The most data bytes one SST or CONTINUE record holds (8224 in Excel), to split strings across records. */
  recordLimit?: number;
  /** Whole numbers written as RK values (as Excel writes them) instead of NUMBER records. */
  rk?: boolean;
  /** The stream's name (`Workbook`; Excel 5.0/95 wrote `Book`). */
  streamName?: string;
}

/** The BIFF8 record types the builder writes. */
export const BIFF = {
  BOF: 0x0809,
  EOF: 0x000a,
  DIMENSIONS: 0x0200,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  MERGECELLS: 0x00e5,
} as const;

/** One record: its type and data, as the stream holds it. */
export function biffRecord(type: number, data: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16LE(type, 0);
  header.writeUInt16LE(data.length, 2);
  return Buffer.concat([header, data]);
}

function uint16(...values: number[]): Buffer {
  const bytes = Buffer.alloc(values.length * 2);
  values.forEach((value, index) => bytes.writeUInt16LE(value, index * 2));
  return bytes;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0, 0);
  return bytes;
}

function double(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleLE(value, 0);
  return bytes;
}

/** True when every character fits one byte (BIFF8's compressed strings hold U+0000–U+00FF). */
function compressible(text: string): boolean {
  return [...text].every((char) => (char.codePointAt(0) ?? 0) < 0x100);
}

function chars(text: string): Buffer {
  return compressible(text) ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf16le');
}

/** An XLUnicodeString: a 16-bit count of UTF-16 units, an option byte, its characters. */
export function unicodeString(text: string, short = false): Buffer {
  const count = short ? Buffer.from([text.length]) : uint16(text.length);
  return Buffer.concat([count, Buffer.from([compressible(text) ? 0 : 1]), chars(text)]);
}

/**
 * The SST record and its CONTINUE records, `limit` data bytes each: a string's header never split,
 * its characters split on a character, the rest in a CONTINUE record that starts with the option
 * byte again, as Excel writes them.
 */
function sharedStringRecords(strings: readonly string[], limit: number): Buffer {
  const records: Buffer[] = [];
  let type: number = BIFF.SST;
  let current: Buffer[] = [uint32(strings.length), uint32(strings.length)];
  let used = 8;
  const flush = (): void => {
    records.push(biffRecord(type, Buffer.concat(current)));
    type = BIFF.CONTINUE;
    current = [];
    used = 0;
  };
  for (const text of strings) {
    const wide = !compressible(text);
    if (used + 3 > limit) flush();
    current.push(uint16(text.length), Buffer.from([wide ? 1 : 0]));
    used += 3;
    const width = wide ? 2 : 1;
    const body = chars(text);
    let offset = 0;
    while (offset < body.length) {
      const room = Math.floor((limit - used) / width) * width;
      if (room === 0) {
        flush();
        current.push(Buffer.from([wide ? 1 : 0]));
        used = 1;
        continue;
      }
      const piece = body.subarray(offset, offset + room);
      current.push(piece);
      used += piece.length;
      offset += piece.length;
    }
  }
  flush();
  return Buffer.concat(records);
}

/** A cell as BIFF8 writes it, its strings by index into the SST; null for an empty cell. */
function cellRecord(row: number, column: number, value: SheetValue, sst: (text: string) => number, layout: XlsLayout): Buffer | null {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return biffRecord(BIFF.LABELSST, Buffer.concat([uint16(row, column, 0), uint32(sst(value))]));
  if (typeof value === 'boolean') return biffRecord(BIFF.BOOLERR, Buffer.concat([uint16(row, column, 0), Buffer.from([value ? 1 : 0, 0])]));
  const isDate = value instanceof Date;
  const number = isDate ? excelSerial(value, layout.date1904 === true) : value;
  const style = isDate ? DATE_STYLE : 0;
  if (layout.rk === true && Number.isInteger(number) && Math.abs(number) < 2 ** 29) {
    return biffRecord(BIFF.RK, Buffer.concat([uint16(row, column, style), uint32(((number << 2) | 0x02) >>> 0)]));
  }
  return biffRecord(BIFF.NUMBER, Buffer.concat([uint16(row, column, style), double(number)]));
}

/** The XF index of the date-time style the builder writes (its FORMAT 164 is `yyyy-mm-dd hh:mm`). */
const DATE_STYLE = 1;

/** A date (UTC) as Excel's serial day number, in the 1900 or 1904 date system. */
export function excelSerial(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
}

/** A cell reference (`A2`) as 0-based row and column. */
function cellAt(reference: string): { row: number; column: number } {
  const parts = /^([A-Z]+)(\d+)$/.exec(reference);
  if (parts === null) throw new Error(`not a cell reference: ${reference}`);
  const [, letters = '', digits = ''] = parts;
  const column = [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, column };
}

/** One worksheet's substream: BOF, its cells row by row, its merged ranges, EOF. */
function sheetStream(model: SheetModel, sst: (text: string) => number, layout: XlsLayout, extra: readonly Buffer[]): Buffer {
  const width = Math.max(0, ...model.rows.map((row) => row.length));
  const records: Buffer[] = [
    biffRecord(BIFF.BOF, Buffer.concat([uint16(0x0600, 0x0010, 0x0dbb, 0x07cc), Buffer.alloc(8)])),
    biffRecord(BIFF.DIMENSIONS, Buffer.concat([uint32(0), uint32(model.rows.length), uint16(0, width, 0)])),
  ];
  model.rows.forEach((row, rowIndex) =>
    row.forEach((value, column) => {
      const record = cellRecord(rowIndex, column, value, sst, layout);
      if (record !== null) records.push(record);
    }),
  );
  records.push(...extra);
  const merges = (model.merges ?? []).map((range) => {
    const [from = '', to = from] = range.split(':');
    const first = cellAt(from);
    const last = cellAt(to);
    return uint16(first.row, last.row, first.column, last.column);
  });
  if (merges.length > 0) records.push(biffRecord(BIFF.MERGECELLS, Buffer.concat([uint16(merges.length), ...merges])));
  records.push(biffRecord(BIFF.EOF, Buffer.alloc(0)));
  return Buffer.concat(records);
}

/**
 * The Workbook stream of an Excel 97-2003 workbook (BIFF8) holding `sheets`: text in the shared
 * string table, numbers as NUMBER (or RK) records, dates as numbers in a date format, booleans,
 * hidden sheets and merged ranges. `extraRecords` are added to the named sheet's substream after
 * its cells (a formula and its string, say).
 */
export function buildXlsStream(
  sheets: readonly SheetModel[],
  layout: XlsLayout = {},
  extraRecords: Readonly<Record<string, readonly Buffer[]>> = {},
): Buffer {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const sst = (text: string): number => {
    const known = indexes.get(text);
    if (known !== undefined) return known;
    strings.push(text);
    indexes.set(text, strings.length - 1);
    return strings.length - 1;
  };
  const bodies = sheets.map((model) => sheetStream(model, sst, layout, extraRecords[model.name] ?? []));
  const head = Buffer.concat([
    biffRecord(BIFF.BOF, Buffer.concat([uint16(0x0600, 0x0005, 0x0dbb, 0x07cc), Buffer.alloc(8)])),
    ...(layout.encrypted === true ? [biffRecord(BIFF.FILEPASS, Buffer.concat([uint16(1, 1, 1), Buffer.alloc(48)]))] : []),
    biffRecord(BIFF.CODEPAGE, uint16(1200)),
    biffRecord(BIFF.DATEMODE, uint16(layout.date1904 === true ? 1 : 0)),
    biffRecord(BIFF.FORMAT, Buffer.concat([uint16(164), unicodeString('yyyy-mm-dd hh:mm')])),
    biffRecord(BIFF.XF, Buffer.concat([uint16(0, 0), Buffer.alloc(16)])),
    biffRecord(BIFF.XF, Buffer.concat([uint16(0, 164), Buffer.alloc(16)])),
  ]);
  const boundSheetLength = (model: SheetModel): number => 4 + 6 + 2 + chars(model.name).length;
  const tail = Buffer.concat([sharedStringRecords(strings, layout.recordLimit ?? 8224), biffRecord(BIFF.EOF, Buffer.alloc(0))]);
  let offset = head.length + sheets.reduce((total, model) => total + boundSheetLength(model), 0) + tail.length;
  const boundSheets = sheets.map((model, index) => {
    const record = biffRecord(
      BIFF.BOUNDSHEET,
      Buffer.concat([uint32(offset), Buffer.from([model.hidden === true ? 1 : 0, 0]), unicodeString(model.name, true)]),
    );
    offset += bodies[index]?.length ?? 0;
    return record;
  });
  return Buffer.concat([head, ...boundSheets, tail, ...bodies]);
}

/** A compound file holding one stream under the root: a workbook's, or any other. */
export function compoundFileWith(streams: Readonly<Record<string, Buffer>>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, `/${name}`, data);
  CFB.utils.cfb_del(container, '/\u0001Sh33tJ5');
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** An Excel 97-2003 workbook (.xls) holding `sheets` (see {@link buildXlsStream}). */
export function buildXls(
  sheets: readonly SheetModel[],
  layout: XlsLayout = {},
  extraRecords: Readonly<Record<string, readonly Buffer[]>> = {},
): Buffer {
  return compoundFileWith({ [layout.streamName ?? 'Workbook']: buildXlsStream(sheets, layout, extraRecords) });
}

/** A formula cell whose cached result is text, and the STRING record that holds the text, as Excel writes them. */
export function stringFormula(row: number, column: number, text: string): Buffer[] {
  const result = Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]);
  return [
    biffRecord(BIFF.FORMULA, Buffer.concat([uint16(row, column, 0), result, uint16(0), uint32(0), uint16(0)])),
    biffRecord(BIFF.STRING, unicodeString(text)),
  ];
}

/** A formula cell whose cached result is a number. */
export function numberFormula(row: number, column: number, value: number): Buffer {
  return biffRecord(BIFF.FORMULA, Buffer.concat([uint16(row, column, 0), double(value), uint16(0), uint32(0), uint16(0)]));
}

/** A cell holding an error value (`#DIV/0!` is code 0x07). */
export function errorCell(row: number, column: number, code: number): Buffer {
  return biffRecord(BIFF.BOOLERR, Buffer.concat([uint16(row, column, 0), Buffer.from([code, 1])]));
}

/** A MULRK record: whole numbers in adjacent cells of one row, from `column` on. */
export function mulRk(row: number, column: number, values: readonly number[]): Buffer {
  const cells = values.map((value) => Buffer.concat([uint16(0), uint32(((value << 2) | 0x02) >>> 0)]));
  return biffRecord(BIFF.MULRK, Buffer.concat([uint16(row, column), ...cells, uint16(column + values.length - 1)]));
}
