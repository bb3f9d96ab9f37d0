import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import type { FeedbackRecord } from '../../../src/record/record.js';
import { buildModelWorkbook, CONSULTATION_SHEETS, ROADSHOW_SHEETS, type SheetModel } from '../../builders/ods-spreadsheets.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { htmlTablesPage } from '../../builders/web-excel-exports.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

/** What a record says, whatever file format it was read from: its provenance, format and the sheet's name left out. */
function said(record: FeedbackRecord): unknown {
  const { sourceId, channel, author, date, text, meta } = record;
  return JSON.parse(unnamed(JSON.stringify({ sourceId, channel, author, date, text, meta })));
}

/** A text with the names of sheets left out: LibreOffice names a sheet it saves as HTML only when it saves several. */
function unnamed(text: string): string {
  return text.replace(/sheet \\?"[^"\\]*\\?"/g, 'sheet');
}

function warnings(result: FileReadResult): string[] {
  return result.items.filter((item) => item.kind === 'warning').map((item) => unnamed(item.message));
}

/** Detection of a file with this name and head. */
function detected(name: string, head: string): string | undefined {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
  return detectFormat(ADAPTERS, { path: name, extension, headText: head, headBytes: Buffer.from(head) })?.adapter.name;
}

/** The sheets with each tab a space: a browser shows a tab in HTML text as white space, as a space. */
function withoutTabs(sheets: readonly SheetModel[]): SheetModel[] {
  return sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) => row.map((value) => (typeof value === 'string' ? value.replace(/\t/g, ' ') : value))),
  }));
}

describe('html-table adapter', () => {
  test('an HTML table is read under .xls, .html and .htm, and under another name only when it says it is for Excel', () => {
    const page = htmlTablesPage(ROADSHOW_SHEETS);
    const plain = htmlTablesPage(ROADSHOW_SHEETS, { excelMeta: false });
    expect(detected('export.xls', plain)).toBe('html-table');
    expect(detected('export.html', plain)).toBe('html-table');
    expect(detected('export.htm', plain)).toBe('html-table');
    expect(detected('export.dat', page)).toBe('html-table');
    expect(detected('export.dat', plain)).toBeUndefined();
    expect(detected('export.xls', '<html><head><style>td { mso-number-format: "\\@"; }</style></head>')).toBe('html-table');
    const tabs = 'id\tcomment\n1\tThe bus is late.\n2\tMore benches, please.\n';
    expect(detected('export.xls', tabs)).toBe('csv');
  });

  test.each([
    ['consultation responses', withoutTabs(CONSULTATION_SHEETS)],
    ['roadshow notes with merged venues', ROADSHOW_SHEETS],
  ])(
    '%s: the same records, counts and warnings from a web "Excel" export (HTML saved as .xls) as from the .xlsx',
    async (_name, sheets) => {
      await withTempDir(async (dir) => {
        await writeFile(join(dir, 'export.xls'), htmlTablesPage(sheets));
        await writeFile(join(dir, 'export.xlsx'), await buildModelWorkbook(sheets));
        const html = await readFileItems(join(dir, 'export.xls'), { displayPath: 'export.xls' });
        const xlsx = await readFileItems(join(dir, 'export.xlsx'), { displayPath: 'export.xlsx' });
        expect(html.format).toBe('html-table');
        expect(recordsOf(html).length).toBeGreaterThan(0);
        expect(recordsOf(html).map(said)).toEqual(recordsOf(xlsx).map(said));
        expect(countItems(html)).toEqual(countItems(xlsx));
        expect(warnings(html)).toEqual(warnings(xlsx));
      });
    },
  );

  test('a page in Windows-1252 that names another charset is read in the one it names', async () => {
    await withTempDir(async (dir) => {
      const page = htmlTablesPage([
        {
          name: 'Отзывы',
          rows: [
            ['id', 'comment'],
            [1, 'Автобус ходит редко.'],
            [2, 'Нужно больше скамеек.'],
          ],
        },
      ]).replace('charset=utf-8', 'charset=windows-1251');
      await writeFile(join(dir, 'export.xls'), iconv.encode(page, 'windows-1251'));
      const result = await readFileItems(join(dir, 'export.xls'), { displayPath: 'export.xls' });
      expect(recordsOf(result).map((record) => [record.text, record.provenance.part])).toEqual([
        ['Автобус ходит редко.', 'Отзывы'],
        ['Нужно больше скамеек.', 'Отзывы'],
      ]);
    });
  });

  test('a page with no table is one error naming the file', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'about.html'),
        '<!DOCTYPE html><html><body><h1>About the consultation</h1><p>Tell us what you think.</p></body></html>',
      );
      expect((await readFileItems(join(dir, 'about.html'), { displayPath: 'about.html' })).error).toBe('about.html: no table in the page');
    });
  });
});

describe('HTML tables LibreOffice Calc wrote', () => {
  const folder = join(PROJECT_ROOT, 'fixtures/adapters/html-table/libreoffice-from-xlsx');
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.slice(0, -'.html'.length));

  test('there are some', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
  });

  test.each(names)(
    "%s.html, saved by Calc from the xlsx fixture of that name, gives the same records, counts and warnings (but its sheet's name when it is the only one)",
    async (name) => {
      const fromHtml = await readFileItems(join(folder, `${name}.html`), { displayPath: 'table.html' });
      const fromXlsx = await readFileItems(join(PROJECT_ROOT, 'fixtures/adapters/xlsx', name, 'input.xlsx'), { displayPath: 'table' });
      expect(fromHtml.error).toBeNull();
      expect(fromHtml.format).toBe('html-table');
      expect(recordsOf(fromHtml).length).toBeGreaterThan(0);
      expect(recordsOf(fromHtml).map(said)).toEqual(recordsOf(fromXlsx).map(said));
      expect(countItems(fromHtml)).toEqual(countItems(fromXlsx));
      expect(warnings(fromHtml)).toEqual(warnings(fromXlsx));
    },
  );
});
