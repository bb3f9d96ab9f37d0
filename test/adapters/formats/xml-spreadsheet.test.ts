import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { xmlSpreadsheetAdapter } from '../../../src/adapters/formats/xml-spreadsheet.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import { buildModelWorkbook, CONSULTATION_SHEETS, ROADSHOW_SHEETS } from '../../builders/ods-spreadsheets.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { expectReadAsItsXlsxCase, recordSays, warningMessages } from '../../helpers/calc-copies.js';
import { expectSheetOptionOnConsultationSheets } from '../../helpers/sheet-option.js';
import { spreadsheetMl } from '../../builders/web-excel-exports.js';
import { countItems, PROJECT_ROOT, readFileItems, recordsOf } from '../../helpers/read-fixture.js';

/** Detection of a file with this name and head. */
function detected(name: string, head: string): string | undefined {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
  return detectFormat(ADAPTERS, { path: name, extension, headText: head, headBytes: Buffer.from(head) })?.adapter.name;
}

describe('xml-spreadsheet adapter', () => {
  test('an XML Spreadsheet is recognised by its namespace under .xls, .xml or any name; other XML is left to its own reader', () => {
    const workbook = spreadsheetMl(ROADSHOW_SHEETS);
    expect(detected('export.xls', workbook)).toBe('xml-spreadsheet');
    expect(detected('export.xml', workbook)).toBe('xml-spreadsheet');
    expect(detected('export.dat', workbook)).toBe('xml-spreadsheet');
    const wxr =
      '<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version></channel></rss>';
    expect(xmlSpreadsheetAdapter.sniff({ path: 'site.xml', extension: '.xml', headText: wxr, headBytes: Buffer.from(wxr) })).toBe(0);
    expect(detected('site.xml', wxr)).toBe('wordpress-wxr');
  });

  test.each([
    ['consultation responses', CONSULTATION_SHEETS],
    ['roadshow notes with merged venues', ROADSHOW_SHEETS],
  ])('%s: the same records, counts and warnings from an XML Spreadsheet saved as .xls as from the .xlsx', async (_name, sheets) => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'export.xls'), spreadsheetMl(sheets));
      await writeFile(join(dir, 'export.xlsx'), await buildModelWorkbook(sheets));
      const xml = await readFileItems(join(dir, 'export.xls'), { displayPath: 'export.xls' });
      const xlsx = await readFileItems(join(dir, 'export.xlsx'), { displayPath: 'export.xlsx' });
      expect(xml.format).toBe('xml-spreadsheet');
      expect(recordsOf(xml).length).toBeGreaterThan(0);
      expect(recordsOf(xml).map(recordSays)).toEqual(recordsOf(xlsx).map(recordSays));
      expect(countItems(xml)).toEqual(countItems(xlsx));
      expect(warningMessages(xml)).toEqual(warningMessages(xlsx));
    });
  });

  test('a hidden sheet is a warning, and is read when named with the sheet option', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'export.xls');
      await writeFile(path, spreadsheetMl(CONSULTATION_SHEETS));
      expect(warningMessages(await readFileItems(path, { displayPath: 'export.xls' }))).toContain(
        'sheet "Officer notes" is hidden and was not read',
      );
      await expectSheetOptionOnConsultationSheets(path, 'export.xls');
    });
  });

  test('XML that breaks off is one error naming the file and line; the run goes on and counts it rejected', async () => {
    await withTempDir(async (dir) => {
      const whole = spreadsheetMl(ROADSHOW_SHEETS);
      await writeFile(join(dir, 'cut.xls'), whole.slice(0, whole.indexOf('</Row>', whole.indexOf('Otley'))));
      await writeFile(join(dir, 'notes.xls'), whole);
      const summary = await ingest({ paths: ['cut.xls', 'notes.xls'], cwd: dir, storeDir: '.tlap' });
      expect(summary.perFile.map((file) => [file.file, file.rejected, file.added])).toEqual([
        ['cut.xls', 1, 0],
        ['notes.xls', 0, 6],
      ]);
      const cut = await readFileItems(join(dir, 'cut.xls'), { displayPath: 'cut.xls' });
      expect(cut.error).toMatch(/^cut\.xls:\d+:\d+: XML_TRUNCATED: /);
    });
  });
});

describe('XML Spreadsheet 2003 files LibreOffice Calc wrote', () => {
  const folder = join(PROJECT_ROOT, 'fixtures/adapters/xml-spreadsheet/libreoffice-from-xlsx');
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.xml'))
    .map((name) => name.slice(0, -'.xml'.length));

  test('there are some', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  test.each(names)(
    '%s.xml, saved by Calc from the xlsx fixture of that name, gives the same records, counts and warnings',
    async (name) => {
      const fromXml = await expectReadAsItsXlsxCase(join(folder, `${name}.xml`), name, 'xml-spreadsheet');
      expect(recordsOf(fromXml).length).toBeGreaterThan(0);
    },
  );
});
