import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../../src/errors.js';
import { namesWorkbookStream, readXlsWorkbook } from '../../../src/adapters/readers/xls-sheets.js';
import { MAX_MADE_CELLS, type WorkbookSheet } from '../../../src/adapters/readers/workbook-sheets.js';
import { buildWordCompoundFile } from '../../builders/outlook-msg-builder.js';
import { CONSULTATION_SHEETS, ROADSHOW_SHEETS, type SheetModel } from '../../builders/ods-spreadsheets.js';
import {
  BIFF,
  biffRecord,
  buildXls,
  buildXlsStream,
  compoundFileWith,
  errorCell,
  mulRk,
  numberFormula,
  stringFormula,
} from '../../builders/xls-workbooks.js';

/** Each sheet as plain data: its name, whether it shows, its rows' numbers, cells and merged values above. */
function plain(sheets: readonly WorkbookSheet[]): unknown[] {
  return sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    rows: [...sheet.rows].map((row) => ({ number: row.number, cells: row.cells, mergedAbove: Object.fromEntries(row.mergedAbove) })),
  }));
}

function cellsOf(bytes: Buffer, sheet = 0): string[][] {
  const found = readXlsWorkbook('book.xls', bytes)[sheet];
  if (found === undefined) throw new Error('no such sheet');
  return [...found.rows].map((row) => row.cells);
}

/** Where each record of a type starts in a workbook stream (at its header). */
function recordsOfType(stream: Buffer, type: number): number[] {
  const found: number[] = [];
  for (let offset = 0; offset + 4 <= stream.length; offset += 4 + stream.readUInt16LE(offset + 2)) {
    if (stream.readUInt16LE(offset) === type) found.push(offset);
  }
  return found;
}

function errorOf(bytes: Buffer): string {
  try {
    readXlsWorkbook('book.xls', bytes);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('read without an error');
}

const TEXTS: SheetModel[] = [
  {
    name: 'Sylwadau',
    rows: [
      ['comment'],
      ['Mae’r bws yn hwyr bob bore; beth am Ŵyl y Gŵr? 👍'],
      [`${'Café hours changed without notice. '.repeat(12)}End.`],
      ['Plain latin-1 text: naïve façade, £5.'],
    ],
  },
];

describe('readXlsWorkbook', () => {
  test('reads text, numbers, dates, booleans, hidden sheets and merged ranges as a spreadsheet shows them', () => {
    const sheets = readXlsWorkbook('book.xls', buildXls(CONSULTATION_SHEETS));
    expect(sheets.map((sheet) => [sheet.name, sheet.visible])).toEqual([
      ['Responses', true],
      ['Officer notes', false],
    ]);
    const [title, header, first, second] = [...(sheets[0]?.rows ?? [])];
    expect(title).toEqual({ number: 1, cells: ['Carers strategy consultation: responses'], mergedAbove: new Map() });
    expect(header?.number).toBe(3);
    expect(first?.cells.slice(0, 3)).toEqual(['69500000000000000000', '2024-03-01T09:15:00.000Z', 'Asha Patel']);
    expect(second?.cells.slice(0, 4)).toEqual(['69500000000000010000', '2024-03-02', '', '']);
    const roadshow = readXlsWorkbook('book.xls', buildXls(ROADSHOW_SHEETS));
    const rows = [...(roadshow[0]?.rows ?? [])];
    expect(rows[2]).toEqual({
      number: 3,
      cells: ['', '', 'Taxis to the day centre cost more than the session.'],
      mergedAbove: new Map([[0, 'Leeds Central Library']]),
    });
    expect(rows[1]?.mergedAbove.size).toBe(0);
    expect(cellsOf(buildXls([{ name: 'S', rows: [['ok', true, false, 0.5, -3]] }]))).toEqual([['ok', 'TRUE', 'FALSE', '0.5', '-3']]);
  });

  test('text split across CONTINUE records, its option byte repeated there, reads whole: Welsh, emoji, long latin-1 text', () => {
    const whole = plain(readXlsWorkbook('book.xls', buildXls(TEXTS)));
    for (const recordLimit of [9, 10, 11, 40, 255]) {
      const stream = buildXlsStream(TEXTS, { recordLimit });
      expect(stream.includes(Buffer.from([BIFF.CONTINUE, 0]))).toBe(true);
      expect(plain(readXlsWorkbook('book.xls', compoundFileWith({ Workbook: stream })))).toEqual(whole);
    }
    expect(cellsOf(buildXls(TEXTS)).flat()).toEqual(TEXTS[0]?.rows.flat());
  });

  test('the 1904 date system and RK numbers give the same cells', () => {
    const dates: SheetModel[] = [
      {
        name: 'D',
        rows: [
          ['when', 'n'],
          [new Date('2024-03-01T09:15:00Z'), 14],
          [new Date('1899-12-30T10:42:13Z'), -2],
        ],
      },
    ];
    const expected = [
      ['when', 'n'],
      ['2024-03-01T09:15:00.000Z', '14'],
      ['10:42:13', '-2'],
    ];
    expect(cellsOf(buildXls(dates))).toEqual(expected);
    expect(cellsOf(buildXls(dates, { rk: true }))).toEqual(expected);
    expect(
      cellsOf(
        buildXls(
          dates.slice(0, 1).map((sheet) => ({ ...sheet, rows: sheet.rows.slice(0, 2) })),
          { date1904: true },
        ),
      ),
    ).toEqual(expected.slice(0, 2));
  });

  test('formulas read as their cached results; MULRK numbers, error values', () => {
    const sheet: SheetModel = { name: 'S', rows: [['a', 'b', 'c', 'd']] };
    const bytes = buildXls(
      [sheet],
      {},
      { S: [...stringFormula(1, 0, 'joined text'), numberFormula(1, 1, 0.25), errorCell(1, 2, 0x07), mulRk(2, 0, [1, 2, 3])] },
    );
    expect(cellsOf(bytes)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['joined text', '0.25', '#DIV/0!'],
      ['1', '2', '3'],
    ]);
  });

  test('a cell past column IV (BIFF8 has 256 columns) is passed over', () => {
    const label = biffRecord(
      BIFF.LABEL,
      Buffer.concat([Buffer.from([0, 0, 0x00, 0x01, 0, 0]), Buffer.from([3, 0, 0]), Buffer.from('far')]),
    );
    expect(cellsOf(buildXls([{ name: 'S', rows: [['near']] }], {}, { S: [label] }))).toEqual([['near']]);
  });

  test('a password-protected workbook (FILEPASS, or an encrypted .xlsx package) is one error', () => {
    expect(errorOf(buildXls(ROADSHOW_SHEETS, { encrypted: true }))).toBe(
      'book.xls: the workbook is password-protected (encrypted); tlap cannot read it',
    );
    expect(errorOf(compoundFileWith({ EncryptionInfo: Buffer.alloc(100, 1), EncryptedPackage: Buffer.alloc(100, 2) }))).toBe(
      'book.xls: the workbook is password-protected (encrypted); tlap cannot read it',
    );
  });

  test('an Excel 5.0/95 workbook, or a compound file holding no workbook, is refused saying what it is', () => {
    expect(errorOf(buildXls(ROADSHOW_SHEETS, { streamName: 'Book' }))).toBe(
      'book.xls: an Excel 5.0/95 workbook (BIFF5); tlap reads workbooks from Excel 97 on',
    );
    expect(errorOf(buildWordCompoundFile())).toBe(
      'book.xls: a compound (OLE2) file, but not an Excel workbook: it holds no Workbook stream',
    );
  });

  test('a damaged workbook stream is one error naming the file', () => {
    const stream = buildXlsStream(ROADSHOW_SHEETS);
    const cut = (length: number): Buffer => compoundFileWith({ Workbook: stream.subarray(0, length) });
    expect(errorOf(cut(stream.length - 30))).toMatch(
      /^book\.xls: cannot read the workbook \(sheet "Counts" has no end \(is the file truncated\?\)\)$/,
    );
    expect(errorOf(cut(200))).toMatch(/^book\.xls: cannot read the workbook \(sheet "Roadshow notes" lies past the end of the file/);
    expect(errorOf(compoundFileWith({ Workbook: Buffer.from('not a workbook at all') }))).toBe(
      'book.xls: cannot read the workbook (its workbook stream does not start with a BOF record)',
    );
    const whole = buildXls(ROADSHOW_SHEETS);
    expect(errorOf(whole.subarray(0, whole.length - 600))).toMatch(/^book\.xls: cannot read the workbook \(.*truncated/);
  });

  test('counts the file gives cost nothing until data stands behind them: a shared string table that claims 4 billion strings', () => {
    const stream = buildXlsStream(TEXTS);
    const sst = stream.indexOf(Buffer.from([BIFF.SST, 0]));
    stream.writeUInt32LE(0xffffffff, sst + 4 + 4);
    expect(cellsOf(compoundFileWith({ Workbook: stream })).flat()).toEqual(TEXTS[0]?.rows.flat());
  });

  test('sheets are given in the order the workbook lists them, wherever in the stream each lies', () => {
    const stream = buildXlsStream(ROADSHOW_SHEETS);
    const [first = 0, second = 0] = recordsOfType(stream, BIFF.BOUNDSHEET);
    const [firstOffset, secondOffset] = [stream.readUInt32LE(first + 4), stream.readUInt32LE(second + 4)];
    stream.writeUInt32LE(secondOffset, first + 4);
    stream.writeUInt32LE(firstOffset, second + 4);
    const sheets = readXlsWorkbook('book.xls', compoundFileWith({ Workbook: stream }));
    expect(sheets.map((sheet) => [sheet.name, [...sheet.rows][0]?.cells[0]])).toEqual([
      ['Roadshow notes', 'venue'],
      ['Counts', 'Venue'],
    ]);
  });

  test('sheets listed as starting at the same place are refused: each record is read by one sheet at most', () => {
    const stream = buildXlsStream(ROADSHOW_SHEETS);
    const [first = 0, second = 0] = recordsOfType(stream, BIFF.BOUNDSHEET);
    stream.writeUInt32LE(stream.readUInt32LE(first + 4), second + 4);
    expect(errorOf(compoundFileWith({ Workbook: stream }))).toBe(
      'book.xls: cannot read the workbook (sheet "Counts" overlaps another sheet)',
    );
  });

  test('merged ranges covering more cells than any spreadsheet merges are refused, not expanded', () => {
    const range = Buffer.alloc(10);
    range.writeUInt16LE(1, 0);
    range.writeUInt16LE(0, 2);
    range.writeUInt16LE(0xffff, 4);
    range.writeUInt16LE(0, 6);
    range.writeUInt16LE(0xff, 8);
    const rows = Array.from({ length: Math.ceil(MAX_MADE_CELLS / 256) + 2 }, () => ['x']);
    const bytes = buildXls([{ name: 'S', rows }], { rk: true }, { S: Array.from({ length: 1 }, () => biffRecord(BIFF.MERGECELLS, range)) });
    expect(errorOf(bytes)).toMatch(/merged ranges cover more than 4,000,000 cells/);
  });

  test('rows that leave out more empty cells than MAX_MADE_CELLS before a cell further right are refused, not filled in', () => {
    const farRight = (rows: number): Buffer[] =>
      Array.from({ length: rows }, (_, row) =>
        biffRecord(BIFF.NUMBER, Buffer.concat([Buffer.from([row + 1, (row + 1) >> 8, 255, 0, 0, 0]), Buffer.alloc(8)])),
      );
    const perRow = 255;
    const within = Math.floor(MAX_MADE_CELLS / perRow);
    const read = readXlsWorkbook('book.xls', buildXls([{ name: 'S', rows: [['comment']] }], {}, { S: farRight(within) }));
    expect([...(read[0]?.rows ?? [])].map((row) => row.cells.length)).toEqual([1, ...Array.from({ length: within }, () => 256)]);
    const sheets = [
      { name: 'S', rows: [['comment']] },
      { name: 'T', rows: [['comment']] },
    ];
    const split = { S: farRight(Math.ceil(within / 2)), T: farRight(Math.ceil(within / 2) + 1) };
    expect(errorOf(buildXls(sheets, {}, split))).toBe(
      'book.xls: cannot read the workbook (its rows leave out more than the 4,000,000 empty cells tlap fills in)',
    );
  });

  test('any byte of a workbook changed gives its sheets or one error naming the file, never a crash', () => {
    const whole = buildXls([...ROADSHOW_SHEETS, ...TEXTS], { recordLimit: 60 });
    let state = 7;
    const random = (below: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % below;
    };
    for (let round = 0; round < 400; round += 1) {
      const bytes = Buffer.from(whole);
      for (let change = 0; change < 4; change += 1) bytes[512 + random(bytes.length - 512)] = random(256);
      try {
        for (const sheet of readXlsWorkbook('book.xls', bytes)) for (const row of sheet.rows) expect(Array.isArray(row.cells)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).location?.file).toBe('book.xls');
      }
    }
  });
});

describe('namesWorkbookStream', () => {
  test('sees a Workbook (or Excel 5.0 Book) stream in a compound file’s directory, not a Word document’s', () => {
    expect(namesWorkbookStream(buildXls(ROADSHOW_SHEETS))).toBe(true);
    expect(namesWorkbookStream(buildXls(ROADSHOW_SHEETS, { streamName: 'Book' }))).toBe(true);
    expect(namesWorkbookStream(buildWordCompoundFile())).toBe(false);
  });
});
