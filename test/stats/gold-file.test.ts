import { describe, expect, test } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goldPlace, goldWarnings, parseGoldFile, readGoldFile } from '../../src/stats/gold-file.js';
import { withTempDir } from '../builders/temp-dir.js';
import { buildWorkbook } from '../builders/xlsx-workbooks.js';
import { buildWordCompoundFile } from '../builders/outlook-msg-builder.js';
import { buildZip } from '../builders/zip-builder.js';
import { buildModelWorkbook, buildOds, encryptedOds, type SheetModel } from '../builders/ods-spreadsheets.js';
import { htmlTablesPage, spreadsheetMl } from '../builders/web-excel-exports.js';
import { buildXls } from '../builders/xls-workbooks.js';

describe('parseGoldFile', () => {
  test("reads tlap's own CSV report shape: source_id, themes joined by ;, other columns ignored, BOM skipped", () => {
    const text = '\ufeffid,source_id,channel,themes,carers,text\nr1,s1,survey,carers;funding,1,"two\nlines"\nr2,s2,survey,,0,none\n';
    const gold = parseGoldFile(text, 'gold.csv');
    expect(gold.keyColumn).toBe('source_id');
    expect(gold.entries).toEqual([
      { key: 's1', themes: ['carers', 'funding'], line: 2, marked: ['carers'] },
      { key: 's2', themes: [], line: 4, row: 3, marked: [] },
    ]);
    expect(gold.problems).toEqual([]);
  });

  test('a header split by tabs (Excel\'s "Unicode Text") or semicolons is read with that delimiter', () => {
    for (const delimiter of ['\t', ';']) {
      const gold = parseGoldFile(
        ['source_id', 'themes', 'text'].join(delimiter) + `\ns1${delimiter}"carers;funding"${delimiter}a, b\n`,
        'gold.txt',
      );
      expect(gold.entries).toEqual([{ key: 's1', themes: ['carers', 'funding'], line: 2 }]);
    }
  });

  test('a file saved as Excel\'s "Unicode Text" (UTF-16LE, tabs) is read', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'gold.txt');
      await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('source_id\tthemes\r\ns1\tcarers\r\n', 'utf16le')]));
      expect((await readGoldFile(file, 'gold.txt')).entries).toEqual([{ key: 's1', themes: ['carers'], line: 2 }]);
    });
  });

  test('a file of UTF-8 lines and a line saved as Windows-1252 is read line by line, as tlap ingest reads the export it codes', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'gold.csv');
      const header = Buffer.from('source_id,themes,text\n');
      const quoted = Buffer.from('s1,staff,“Lovely” nurses\n');
      const ansi = Buffer.from([...Buffer.from('s2,access,the wait'), 0x92, ...Buffer.from('s too long\n')]);
      await writeFile(file, Buffer.concat([header, quoted, ansi]));
      const gold = await readGoldFile(file, 'gold.csv');
      expect(gold.entries).toEqual([
        { key: 's1', themes: ['staff'], line: 2 },
        { key: 's2', themes: ['access'], line: 3 },
      ]);
      expect([...gold.texts.values()]).toEqual(['“Lovely” nurses', 'the wait’s too long']);
    });
  });

  test('falls back to id; trims and de-duplicates theme ids', () => {
    const gold = parseGoldFile('id,themes\na, carers ; carers;\n', 'gold.csv');
    expect(gold.keyColumn).toBe('id');
    expect(gold.entries).toEqual([{ key: 'a', themes: ['carers'], line: 2 }]);
  });

  test('a duplicate or empty key is a problem naming file and line, and the row is left out', () => {
    const gold = parseGoldFile('source_id,themes\na,x\n,y\na,z\n', 'gold.csv');
    expect(gold.entries).toEqual([{ key: 'a', themes: ['x'], line: 2 }]);
    expect(gold.problems).toEqual([
      { file: 'gold.csv', line: 3, message: 'no source_id in this row' },
      { file: 'gold.csv', line: 4, message: 'source_id a is already coded on line 2; this row is left out' },
    ]);
  });

  test('a header without the columns, or a file that is not CSV, is an InputError naming file and line', () => {
    expect(() => parseGoldFile('source_id,codes\na,x\n', 'gold.csv')).toThrow(
      new InputError('gold.csv:1: the header has no themes column'),
    );
    expect(() => parseGoldFile('name,themes\na,x\n', 'g.csv')).toThrow('g.csv:1: the header has no source_id or id column');
    expect(() => parseGoldFile('source_id,themes\na,"x\nb,y\n', 'gold.csv')).toThrow(/^gold\.csv:\d+: not a readable CSV file/);
  });
});

describe('parseGoldFile: a column per theme', () => {
  test('without a themes column, the columns marked 1 (0 or empty for not) give the themes', () => {
    const gold = parseGoldFile('id,Staff,access,note\na,1,,kind nurse\nb,,1,\nc,0,0,nothing\n', 'gold.csv');
    expect(gold.themesColumn).toBe(false);
    expect(gold.markColumns).toEqual(['Staff', 'access']);
    expect(gold.entries).toEqual([
      { key: 'a', themes: ['Staff'], line: 2 },
      { key: 'b', themes: ['access'], line: 3 },
      { key: 'c', themes: [], line: 4 },
    ]);
  });

  test("beside a themes column, as tlap's CSV report has them, each row also says what its 0/1 columns mark", () => {
    const gold = parseGoldFile('id,themes,campaign,staff,access,text\na,staff,1,0,1,x\nb,,,0,0,y\n', 'gold.csv');
    expect(gold.themesColumn).toBe(true);
    expect(gold.markColumns).toEqual(['staff', 'access']);
    expect(gold.entries).toEqual([
      { key: 'a', themes: ['staff'], line: 2, marked: ['access'] },
      { key: 'b', themes: [], line: 3, marked: [] },
    ]);
  });

  test('a header with neither a themes column nor a column marked 1 is still an error', () => {
    expect(() => parseGoldFile('id,staff\na,0\nb,\n', 'gold.csv')).toThrow('gold.csv:1: the header has no themes column');
  });

  describe('a coding sheet (a coded column, as tlap sample writes it)', () => {
    const header = 'id,channel,context,text,coded,carers,funding,notes';

    test('rows marked coded are the entries, with the themes marked 1, x, ✓ or yes; rows not marked coded are left out quietly', () => {
      const gold = parseGoldFile(
        `\ufeff${header}\na,survey,,"two\nlines",x,1,,unsure\nb,survey,,text,1,,✓,\nc,survey,,text,,,,\nd,survey,,text,YES,0,no,\n`,
        'coding.csv',
      );
      expect(gold.entries).toEqual([
        { key: 'a', themes: ['carers'], line: 2 },
        { key: 'b', themes: ['funding'], line: 4, row: 3 },
        { key: 'd', themes: [], line: 6, row: 5 },
      ]);
      expect(gold.sample).toEqual({ rows: 4, notCoded: ['c'], codedByThemes: [] });
      expect(gold.markColumns).toEqual(['carers', 'funding']);
      expect(gold.problems).toEqual([]);
    });

    test('below a cell holding a line break, a row names the spreadsheet row it is on beside its line', () => {
      const gold = parseGoldFile(`${header}\na,survey,,"one\ntwo\nthree",x,1,,\nb,survey,,text,x,maybe,,\n`, 'coding.csv');
      expect(gold.entries).toEqual([{ key: 'a', themes: ['carers'], line: 2 }]);
      expect(gold.problems).toEqual([
        {
          file: 'coding.csv',
          line: 5,
          row: 3,
          message: 'the carers cell holds "maybe": mark a theme with 1 (or x), or leave it empty; this row is left out',
        },
      ]);
      expect(gold.problems.map(goldPlace)).toEqual(['coding.csv:5 (row 3)']);
      expect(goldPlace({ file: 'coding.csv', line: 2 })).toBe('coding.csv:2');
    });

    test('a cell that neither marks nor is left unmarked is a problem naming its column, and the row is left out', () => {
      const gold = parseGoldFile(`${header}\na,survey,,text,x,maybe,,\nb,survey,,text,done?,,,\nc,survey,,text,x,,1,\n`, 'coding.csv');
      expect(gold.entries).toEqual([{ key: 'c', themes: ['funding'], line: 4 }]);
      expect(gold.problems).toEqual([
        {
          file: 'coding.csv',
          line: 2,
          message: 'the carers cell holds "maybe": mark a theme with 1 (or x), or leave it empty; this row is left out',
        },
        {
          file: 'coding.csv',
          line: 3,
          message:
            'the coded cell holds "done?": mark the row with 1 (or x) once it is coded, or leave the cell empty; this row is left out',
        },
      ]);
    });

    test('a sheet saved with semicolons (where the comma is a decimal point) is read the same', () => {
      const gold = parseGoldFile('id;channel;text;coded;carers\na;survey;text, more;x;1\n', 'coding.csv');
      expect(gold.entries).toEqual([{ key: 'a', themes: ['carers'], line: 2 }]);
    });

    test('rows a spreadsheet saves with nothing in any cell (formatted rows below the table) are skipped, not problems', () => {
      const gold = parseGoldFile(`${header}\r\na,survey,,text,x,1,,\r\n,,,,,,,\r\n , ,,,,,,\r\n`, 'coding.csv');
      expect(gold.entries).toEqual([{ key: 'a', themes: ['carers'], line: 2 }]);
      expect(gold.sample).toEqual({ rows: 1, notCoded: [], codedByThemes: [] });
      expect(gold.problems).toEqual([]);
    });

    test('a row that marks a theme but leaves its coded cell empty is read as coded, and said so; an explicit no is not coded', () => {
      const rows = ['a,survey,,text,,1,,', 'b,survey,,text,,,x,', 'c,survey,,text,,,,', 'd,survey,,text,no,1,,', 'e,survey,,text,x,,,'];
      const gold = parseGoldFile(`${header}\n${rows.join('\n')}\n`, 'coding.csv');
      expect(gold.entries).toEqual([
        { key: 'a', themes: ['carers'], line: 2 },
        { key: 'b', themes: ['funding'], line: 3 },
        { key: 'e', themes: [], line: 6 },
      ]);
      expect(gold.sample).toEqual({ rows: 5, notCoded: ['c', 'd'], codedByThemes: [2, 3] });
      expect(gold.problems).toEqual([]);
      expect(goldWarnings(gold, 'coding.csv')).toEqual([
        {
          file: 'coding.csv',
          line: 2,
          message:
            '2 rows mark a theme but leave their coded cell empty (lines 2, 3): read as coded; put 1 in the coded cell of every row you have coded',
        },
      ]);
      expect(goldWarnings(parseGoldFile(`${header}\n${rows[4] ?? ''}\n`, 'coding.csv'), 'coding.csv')).toEqual([]);
    });

    test('words in a column the coder added under another heading (Remarks) say which headings are passed over', () => {
      const gold = parseGoldFile(`${header.replace('notes', 'Remarks')}\na,survey,,text,x,1,,not sure about this one\n`, 'coding.csv');
      expect(gold.problems.map((problem) => problem.message)).toEqual([
        'the Remarks cell holds "not sure about this one": mark a theme with 1 (or x), or leave it empty; this row is left out; a column of your own words is passed over when headed note, notes, comment, comments, coder',
      ]);
    });

    test('a tick from an emoji picker or a Mac (✔️ with its variation selector, ✅, ☑) marks as ✓ does', () => {
      const ticks = ['\u2714\uFE0F', '\u2705', '\u2611', '\u2713\uFE0E'];
      const gold = parseGoldFile(
        `${header}\n${ticks.map((tick, index) => `r${index},survey,,text,${tick},${tick},,`).join('\n')}\n`,
        'coding.csv',
      );
      expect(gold.problems).toEqual([]);
      expect(gold.entries.map((entry) => entry.themes)).toEqual(ticks.map(() => ['carers']));
    });

    test('any other gold file is no coding sheet', () => {
      expect(parseGoldFile('source_id,themes\na,x\n', 'gold.csv').sample).toBeNull();
    });
  });
});

describe('readGoldFile: a coding sheet a coder saved as an Excel workbook', () => {
  const header = ['id', 'channel', 'context', 'text', 'coded', 'carers', 'funding', 'notes'];

  test('.xlsx is read from the sheet whose first row names the id column: numbers, TRUE and text marks, lines as sheet rows', async () => {
    const workbook = await buildWorkbook((book) => {
      book.addWorksheet('How to code').addRow(['Put 1 under every theme the record is about']);
      const sheet = book.addWorksheet('coding');
      sheet.addRow(header);
      sheet.addRow(['a', 'survey', '', 'two\nlines, "quoted"', 1, 1, null, 'unsure']);
      sheet.addRow(['b', 'survey', '', 'text', 'x', null, true, null]);
      sheet.addRow(['c', 'survey', '', 'text', null, null, null, null]);
      sheet.addRow(['d', 'survey', '', 'text', { formula: '1+0', result: 1 }, 'maybe', null, null]);
      sheet.getRow(8).getCell(1).value = '';
    });
    await withTempDir(async (dir) => {
      const file = join(dir, 'coding.xlsx');
      await writeFile(file, workbook);
      const gold = await readGoldFile(file, 'coding.xlsx');
      expect(gold.keyColumn).toBe('id');
      expect(gold.markColumns).toEqual(['carers', 'funding']);
      expect(gold.entries).toEqual([
        { key: 'a', themes: ['carers'], line: 2 },
        { key: 'b', themes: ['funding'], line: 3 },
      ]);
      expect(gold.sample).toEqual({ rows: 4, notCoded: ['c'], codedByThemes: [] });
      expect(gold.problems).toEqual([
        {
          file: 'coding.xlsx',
          line: 5,
          message: 'the carers cell holds "maybe": mark a theme with 1 (or x), or leave it empty; this row is left out',
        },
      ]);
    });
  });

  test('a compound file that is not a workbook, or a zip that is neither an Excel workbook nor an OpenDocument spreadsheet, is an error saying what it is', async () => {
    await withTempDir(async (dir) => {
      const xls = join(dir, 'coding.xls');
      await writeFile(xls, buildWordCompoundFile());
      await expect(readGoldFile(xls, 'coding.xls')).rejects.toThrow(
        'coding.xls: a compound (OLE2) file, but not an Excel workbook: it holds no Workbook stream',
      );
      const zip = join(dir, 'coding.zip');
      await writeFile(zip, buildZip([{ name: 'coding.csv', content: 'id,themes\n' }]));
      await expect(readGoldFile(zip, 'coding.zip')).rejects.toThrow('coding.zip: a zip, but not an Excel workbook');
    });
  });
});

describe('readGoldFile: a coding sheet a coder saved as an OpenDocument spreadsheet (.ods) or Excel 97-2003 workbook (.xls)', () => {
  const coding: readonly SheetModel[] = [
    { name: 'How to code', rows: [['Put 1 under every theme the record is about']] },
    {
      name: 'Hidden',
      hidden: true,
      rows: [
        ['id', 'coded'],
        ['z', 1],
      ],
    },
    {
      name: 'coding',
      rows: [
        ['id', 'channel', 'context', 'text', 'coded', 'carers', 'funding', 'notes'],
        ['a', 'survey', null, 'two\nlines, "quoted"', 1, 1, null, 'unsure'],
        ['b', 'survey', null, 'text', 'x', null, true, null],
        ['c', 'survey', null, 'text', null, null, null, null],
        ['d', 'survey', null, 'text', 1, 'maybe', null, null],
        [null, null, null, null, null, null, null, null],
        [69500000000000000000, 'survey', null, 'a long id typed as a number', 1, null, 1, null],
      ],
    },
  ];

  test('is read as the same sheet saved as .xlsx is: the sheet naming the id column, marks, long ids in digits, lines as sheet rows', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'coding.ods'), buildOds(coding));
      await writeFile(join(dir, 'coding.xlsx'), await buildModelWorkbook(coding));
      const ods = await readGoldFile(join(dir, 'coding.ods'), 'coding.ods');
      const xlsx = await readGoldFile(join(dir, 'coding.xlsx'), 'coding.ods');
      expect(ods).toEqual(xlsx);
      expect(ods.markColumns).toEqual(['carers', 'funding']);
      expect(ods.entries).toEqual([
        { key: 'a', themes: ['carers'], line: 2 },
        { key: 'b', themes: ['funding'], line: 3 },
        { key: '69500000000000000000', themes: ['funding'], line: 7 },
      ]);
      expect(ods.sample).toEqual({ rows: 5, notCoded: ['c'], codedByThemes: [] });
      expect(ods.problems).toEqual([
        {
          file: 'coding.ods',
          line: 5,
          message: 'the carers cell holds "maybe": mark a theme with 1 (or x), or leave it empty; this row is left out',
        },
      ]);
    });
  });

  test.each([
    ['an XML Spreadsheet 2003', (sheets: readonly SheetModel[]) => spreadsheetMl(sheets)],
    ['HTML tables', (sheets: readonly SheetModel[]) => htmlTablesPage(sheets)],
  ])('saved as %s (a web "Excel" export named .xls) is read as the same sheet saved as .xlsx is', async (_name, write) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'coding.xls'), write(coding));
      await writeFile(join(dir, 'coding.xlsx'), await buildModelWorkbook(coding));
      const markup = await readGoldFile(join(dir, 'coding.xls'), 'coding.xls');
      expect(markup.entries.map((entry) => entry.key)).toEqual(['a', 'b', '69500000000000000000']);
      expect(markup).toEqual(await readGoldFile(join(dir, 'coding.xlsx'), 'coding.xls'));
    });
  });

  test('saved as Excel 97-2003 (.xls), it is read as the same sheet saved as .xlsx is', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'coding.xls'), buildXls(coding));
      await writeFile(join(dir, 'coding.xlsx'), await buildModelWorkbook(coding));
      const xls = await readGoldFile(join(dir, 'coding.xls'), 'coding.xls');
      expect(xls).toEqual(await readGoldFile(join(dir, 'coding.xlsx'), 'coding.xls'));
      expect(xls.entries.map((entry) => entry.key)).toEqual(['a', 'b', '69500000000000000000']);
    });
  });

  test('a password-protected .xls is an error naming the file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'coding.xls'), buildXls(coding, { encrypted: true }));
      await expect(readGoldFile(join(dir, 'coding.xls'), 'coding.xls')).rejects.toThrow(
        'coding.xls: the workbook is password-protected (encrypted); tlap cannot read it',
      );
    });
  });

  test('a password-protected .ods is an error naming the file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'coding.ods'), encryptedOds());
      await expect(readGoldFile(join(dir, 'coding.ods'), 'coding.ods')).rejects.toThrow(
        'coding.ods: the OpenDocument spreadsheet is password-protected (encrypted); tlap cannot read it',
      );
    });
  });
});
