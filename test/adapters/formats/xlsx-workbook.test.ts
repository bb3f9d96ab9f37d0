import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { cellValueText, unpackWorkbook, XLSX_UNPACKED_LIMIT, xlsxWorkbookAdapter } from '../../../src/adapters/formats/xlsx-workbook.js';
import { detectFormat, SNIFF_THRESHOLD } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { InputError } from '../../../src/errors.js';
import { openInputSource } from '../../../src/source/input-source.js';
import { buildZip } from '../../builders/zip-builder.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { PROJECT_ROOT, readFileItems, recordsOf } from '../../helpers/read-fixture.js';
import { buildWorkbook, XLSX_FIXTURE_INPUTS } from '../../builders/xlsx-workbooks.js';
import { buildXls, compoundFileWith } from '../../builders/xls-workbooks.js';
import { ROADSHOW_SHEETS } from '../../builders/ods-spreadsheets.js';

describe('xlsx fixture inputs are generated reproducibly by test/helpers/xlsx-workbooks.ts', () => {
  test.each(Object.entries(XLSX_FIXTURE_INPUTS))('%s/input.xlsx', async (name, build) => {
    const bytes = await build();
    expect((await build()).equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/xlsx', name, 'input.xlsx');
    expectGoldenBytes(path, bytes);
  });
});

describe('xlsx cell values', () => {
  test.each([
    [null, ''],
    ['plain', 'plain'],
    [3.5, '3.5'],
    [true, 'TRUE'],
    [new Date('2024-03-01T00:00:00Z'), '2024-03-01'],
    [new Date('2024-03-01T09:15:00Z'), '2024-03-01T09:15:00.000Z'],
    [new Date('1899-12-30T10:42:13Z'), '10:42:13'],
    [{ richText: [{ text: 'a ' }, { text: 'bold', font: { bold: true } }, { text: ' word' }] }, 'a bold word'],
    [{ formula: 'A1&B1', result: 'joined' }, 'joined'],
    [{ formula: 'NOW()' }, ''],
    [{ sharedFormula: 'A2', result: 7 }, '7'],
    [{ text: 'shown text', hyperlink: 'https://example.org' }, 'shown text'],
    [{ error: '#DIV/0!' }, '#DIV/0!'],
  ] as [ExcelJS.CellValue, string][])('%j reads as %p', (value, text) => {
    expect(cellValueText(value)).toBe(text);
  });
});

describe('xlsx adapter', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tlap-xlsx-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer): string => {
    const path = join(folder, name);
    writeFileSync(path, bytes);
    return path;
  };

  test('a workbook is recognised by its zip signature and xl/ entries, whatever its name', async () => {
    const path = write('export.dat', await buildWorkbook((workbook) => workbook.addWorksheet('S').addRow(['text']).commit()));
    const bytes = readFileSync(path);
    expect(xlsxWorkbookAdapter.sniff({ path, extension: '.dat', headText: '', headBytes: bytes })).toBe(0.9);
    expect(xlsxWorkbookAdapter.sniff({ path, extension: '.csv', headText: 'a,b', headBytes: Buffer.from('a,b\n') })).toBeLessThan(
      SNIFF_THRESHOLD,
    );
  });

  test('a TAGS archive downloaded as .xlsx is read as its CSV is: tweets on the twitter channel, the retweet filtered, one record with the CSV copy', async () => {
    const header = [
      'id_str',
      'from_user',
      'text',
      'created_at',
      'time',
      'in_reply_to_status_id_str',
      'source',
      'status_url',
      'entities_str',
    ];
    const rows = [
      [
        '1136712545236828160',
        'carer_kim',
        'Respite care here is a postcode lottery &amp; #carersweek',
        'Thu Jun 06 18:50:12 +0000 2019',
        '06/06/2019 19:50:12',
        '',
        '<a href="http://twitter.com">Twitter Web Client</a>',
        'http://twitter.com/carer_kim/statuses/1136712545236828160',
        '{"hashtags":[{"text":"carersweek"}]}',
      ],
      [
        '1136712545236828161',
        'sam_c',
        'RT @carer_kim: Respite care here is a postcode lottery',
        'Thu Jun 06 18:55:12 +0000 2019',
        '06/06/2019 19:55:12',
        '',
        'web',
        'http://twitter.com/sam_c/statuses/1136712545236828161',
        '{}',
      ],
    ];
    const path = write(
      'TAGS archive.xlsx',
      await buildWorkbook((workbook) => {
        workbook.addWorksheet('Readme').addRow(['TAGS v6.1']).commit();
        const archive = workbook.addWorksheet('Archive');
        for (const row of [header, ...rows]) archive.addRow(row).commit();
        workbook.addWorksheet('Dashboard').addRow(['Top Tweeters']).commit();
      }),
    );
    const result = await readFileItems(path, { displayPath: 'TAGS archive.xlsx' });
    expect(result.format).toBe('xlsx');
    expect(result.items.flatMap((item) => (item.kind === 'filtered' ? [[item.rule, item.sourceId]] : []))).toEqual([
      ['retweet', '1136712545236828161'],
    ]);
    const [record] = recordsOf(result);
    expect(record).toMatchObject({
      sourceId: '1136712545236828160',
      channel: 'twitter',
      format: 'tags-csv',
      author: 'carer_kim',
      text: 'Respite care here is a postcode lottery & #carersweek',
      meta: { source: 'Twitter Web Client', hashtags: ['carersweek'] },
    });
    const csv = write(
      'archive.csv',
      Buffer.from([header, rows[0] ?? []].map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n')),
    );
    expect(recordsOf(await readFileItems(csv)).map((copy) => copy.id)).toEqual([record?.id]);
  });

  test('text under an .xls name goes to the format it is; text none of them reads is refused here, naming them', async () => {
    const tabs = write('tabs.xls', Buffer.from('id\tcomment\n1\tThe bus is late.\n2\tMore benches, please.\n'));
    expect((await readFileItems(tabs, { displayPath: 'tabs.xls' })).format).toBe('csv');
    const prose = 'Your export is being prepared.\nIt will be e-mailed to you.\n';
    const headBytes = Buffer.from(prose);
    expect(detectFormat(ADAPTERS, { path: 'export.xls', extension: '.xls', headText: prose, headBytes })?.adapter).toBe(
      xlsxWorkbookAdapter,
    );
    let hint: string | undefined;
    try {
      for await (const item of xlsxWorkbookAdapter.read(await openInputSource(write('export.xls', headBytes)), { map: {} }))
        expect(item).toBeUndefined();
    } catch (error) {
      hint = error instanceof InputError ? error.hint : undefined;
    }
    expect(hint).toContain('the html-table, xml-spreadsheet and csv formats read');
  });

  test('an Excel 97-2003 workbook saved under an .xlsx name is read as the .xls it is; a password-protected .xlsx is one error', async () => {
    const xls = write('responses.xlsx', buildXls(ROADSHOW_SHEETS));
    const read = await readFileItems(xls, { displayPath: 'responses.xlsx' });
    expect(read.format).toBe('xlsx');
    expect(recordsOf(read).map((record) => record.text)).toEqual(
      recordsOf(await readFileItems(write('responses.xls', buildXls(ROADSHOW_SHEETS)), { displayPath: 'responses.xls' })).map(
        (record) => record.text,
      ),
    );
    expect(recordsOf(read)).toHaveLength(6);
    const locked = write(
      'locked.xlsx',
      compoundFileWith({ EncryptionInfo: Buffer.alloc(200, 1), EncryptedPackage: Buffer.alloc(5000, 7) }),
    );
    expect((await readFileItems(locked, { displayPath: 'locked.xlsx' })).error).toBe(
      'locked.xlsx: the workbook is password-protected (encrypted); tlap cannot read it',
    );
  });

  test('a truncated workbook fails with a message naming the file', async () => {
    const whole = await buildWorkbook((workbook) => workbook.addWorksheet('S').addRow(['comment']));
    const path = write('cut.xlsx', whole.subarray(0, 600));
    const result = await readFileItems(path, { displayPath: 'cut.xlsx' });
    expect(result.error).toBe('cut.xlsx: cannot read the workbook (the file ends in the middle of the zip; is it truncated?)');
  });

  test('when no sheet has a text column the file fails, naming each sheet and its columns', async () => {
    const path = write(
      'numbers.xlsx',
      await buildWorkbook((workbook) => {
        workbook.addWorksheet('A').addRows([
          ['code', 'n'],
          ['x', 1],
          ['y', 2],
        ]);
        workbook.addWorksheet('B').addRows([['when'], [new Date('2024-01-01T00:00:00Z')], [new Date('2024-01-02T00:00:00Z')]]);
      }),
    );
    const result = await readFileItems(path, { displayPath: 'numbers.xlsx' });
    expect(result.error).toBe(
      'numbers.xlsx: no sheet has a text column (sheet "A": no text column found (columns: "code", "n"); sheet "B": no text column found (columns: "when"))',
    );
  });

  test("a Zoom Q&A report saved as a workbook, its question times typed as times of day, dates each question on the webinar's day", async () => {
    const path = write(
      'qa.xlsx',
      await buildWorkbook((workbook) => {
        const sheet = workbook.addWorksheet('QA_report');
        sheet.addRow(['Question and Answer Report']);
        sheet.addRow(['Topic', 'Webinar ID', 'Actual Start Time', 'Actual Duration (minutes)', '# Question']);
        sheet.addRow(['Carers strategy webinar', '845 1234 5678', new Date('2024-02-29T18:30:00Z'), 75, 1]);
        sheet.addRow(['Question Details']);
        sheet.addRow(['#', 'Question', 'Asker Name', 'Question Time']);
        sheet.addRow([1, 'Is the carers’ break fund staying after March?', 'Grace Mensah', new Date('1899-12-30T18:42:13Z')]);
      }),
    );
    const result = await readFileItems(path, { displayPath: 'qa.xlsx' });
    expect(recordsOf(result).map((record) => [record.date, record.meta['dateFrom']])).toEqual([
      ['2024-02-29T18:42:13.000Z', 'Question Time, on the day of Actual Start Time, row 3 of sheet "QA_report"'],
    ]);
  });

  test('a workbook of many sheets reads every sheet, and --sheet picks one of them', async () => {
    const path = write(
      'many-sheets.xlsx',
      await buildWorkbook((workbook) => {
        for (let index = 1; index <= 40; index += 1) {
          workbook.addWorksheet(`Event ${index}`).addRows([['comment'], [`Said at event ${index}`], [`Also said at event ${index}`]]);
        }
      }),
    );
    const all = await readFileItems(path, { displayPath: 'many-sheets.xlsx' });
    expect(all.error).toBeNull();
    expect(recordsOf(all)).toHaveLength(80);
    expect(recordsOf(all)[79]?.provenance).toEqual({ file: 'many-sheets.xlsx', row: 3, part: 'Event 40' });
    const one = await readFileItems(path, { displayPath: 'many-sheets.xlsx', sheet: 'Event 40' });
    expect(one.error).toBeNull();
    expect(recordsOf(one).map((record) => [record.text, record.provenance])).toEqual([
      ['Said at event 40', { file: 'many-sheets.xlsx', row: 2, part: 'Event 40' }],
      ['Also said at event 40', { file: 'many-sheets.xlsx', row: 3, part: 'Event 40' }],
    ]);
  });

  test('a date computed by a formula reads as a date, like a typed one', async () => {
    const path = write(
      'formula-dates.xlsx',
      await buildWorkbook((workbook) => {
        const sheet = workbook.addWorksheet('Feedback');
        sheet.addRow(['comment', 'date', 'received']);
        sheet.addRow([
          'Respite saved us',
          { formula: 'DATE(2024,3,1)', result: new Date('2024-03-01T00:00:00Z') },
          new Date('2024-03-02T00:00:00Z'),
        ]);
        sheet.getColumn(2).numFmt = 'dd/mm/yyyy';
        sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
      }),
    );
    const [record] = recordsOf(await readFileItems(path, { displayPath: 'formula-dates.xlsx' }));
    expect(record?.date).toBe('2024-03-01T00:00:00.000Z');
    expect(record?.meta).toMatchObject({ received: '2024-03-02' });
  });

  test('dates typed as text day/month/year are read in the order the column shows, and the sheet is named in warnings', async () => {
    const path = write(
      'text-dates.xlsx',
      await buildWorkbook((workbook) => {
        const sheet = workbook.addWorksheet('Responses');
        sheet.addRow(['comment', 'date']);
        sheet.addRow(['Respite saved us', '02/01/2024 14:30']);
        sheet.addRow(['More evening visits', '13/01/2024']);
        sheet.addRow(['The forms are too long', 'after Easter']);
      }),
    );
    const result = await readFileItems(path, { displayPath: 'text-dates.xlsx' });
    expect(recordsOf(result).map((record) => record.date)).toEqual(['2024-01-02T14:30:00.000Z', '2024-01-13T00:00:00.000Z', null]);
    expect(result.items.flatMap((item) => (item.kind === 'warning' ? [item.message] : []))).toEqual([
      '1 value in column "date" of sheet "Responses" could not be read as a date ("after Easter", on row 4); kept in meta, the record has no date',
    ]);
  });

  test('hidden sheets (workings, lookup lists) are skipped with a warning unless named with --sheet', async () => {
    const path = write(
      'hidden.xlsx',
      await buildWorkbook((workbook) => {
        workbook.addWorksheet('Responses').addRows([['comment'], ['More respite please']]);
        workbook.addWorksheet('Workings', { state: 'hidden' }).addRows([['comment'], ['Draft wording we did not send'], ['Another draft']]);
      }),
    );
    const result = await readFileItems(path, { displayPath: 'hidden.xlsx' });
    expect(recordsOf(result).map((record) => record.text)).toEqual(['More respite please']);
    expect(result.items).toContainEqual({
      kind: 'warning',
      code: 'HIDDEN_SHEET_SKIPPED',
      message: 'sheet "Workings" is hidden and was not read',
      provenance: { file: 'hidden.xlsx' },
    });
    const named = await readFileItems(path, { displayPath: 'hidden.xlsx', sheet: 'Workings' });
    expect(recordsOf(named).map((record) => record.text)).toEqual(['Draft wording we did not send', 'Another draft']);
  });

  test('a workbook file bigger than tlap unpacks is refused before it is read', async () => {
    const path = write('huge.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    truncateSync(path, XLSX_UNPACKED_LIMIT + 1024 * 1024);
    const result = await readFileItems(path, { displayPath: 'huge.xlsx' });
    expect(result.error).toBe('huge.xlsx: file is 129.0 MB, over the 128.0 MB this format can read at once');
  });

  test('a zip that is not a workbook is refused by name', async () => {
    const path = write('bundle.xlsx', buildZip([{ name: 'content.xml', content: '<office:document/>' }]));
    const result = await readFileItems(path, { displayPath: 'bundle.xlsx' });
    expect(result.error).toBe('bundle.xlsx: a zip, but not an Excel workbook (it holds no xl/workbook.xml)');
  });

  test('a workbook that unpacks to more than tlap reads is refused before it is unpacked', async () => {
    const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
    const path = write(
      'bomb.xlsx',
      buildZip([
        { name: 'xl/workbook.xml', content: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', content: mebibyte, repeat: XLSX_UNPACKED_LIMIT / mebibyte.length + 1 },
      ]),
    );
    expect(readFileSync(path).length).toBeLessThan(1024 * 1024);
    const result = await readFileItems(path, { displayPath: 'bomb.xlsx' });
    expect(result.error).toBe('bomb.xlsx: the workbook unpacks to 129.0 MB, over the 128.0 MB tlap reads from one workbook');
  });

  test('a workbook whose zip headers lie about its sizes is stopped at the limit while inflating, naming the entry', () => {
    const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
    const liar = buildZip(
      [
        { name: 'xl/workbook.xml', content: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', content: mebibyte, repeat: 3 },
      ],
      { declaredSize: 1000 },
    );
    expect(() => unpackWorkbook('liar.xlsx', liar, 2 * mebibyte.length)).toThrow(
      new Error(
        'liar.xlsx: the workbook unpacks to more than 2.0 MB (its entry "xl/worksheets/sheet1.xml" inflates past the sizes its zip declares); refused',
      ),
    );
  });

  test('--skip-rows counts sheet rows, and rows past the header search are all read', async () => {
    const path = write(
      'long.xlsx',
      await buildWorkbook((workbook) => {
        const sheet = workbook.addWorksheet('Feedback');
        sheet.addRow(['Period', 'Q1', 'Final']);
        sheet.addRow(['id', 'comment', 'area']);
        for (let index = 1; index <= 120; index += 1) sheet.addRow([index, `Comment number ${index} about the service`, 'North']);
      }),
    );
    const result = await readFileItems(path, { displayPath: 'long.xlsx', skipRows: 1 });
    const records = recordsOf(result);
    expect(result.error).toBeNull();
    expect(records).toHaveLength(120);
    expect(records[119]).toMatchObject({
      sourceId: '120',
      text: 'Comment number 120 about the service',
      meta: { area: 'North' },
      provenance: { file: 'long.xlsx', row: 122, part: 'Feedback' },
    });
  });
});
