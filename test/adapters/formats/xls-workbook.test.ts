import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { xlsWorkbookAdapter } from '../../../src/adapters/formats/xls-workbook.js';
import { xlsxWorkbookAdapter } from '../../../src/adapters/formats/xlsx-workbook.js';
import { detectFormat, SNIFF_THRESHOLD } from '../../../src/adapters/format-detection.js';
import { checkCompoundFile } from '../../../src/adapters/readers/compound-file.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import type { FileSummary } from '../../../src/ingest/ingest-summary.js';
import type { ReadFileOptions } from '../../../src/ingest/read-input-file.js';
import { readStoreRecords } from '../../../src/store/record-store.js';
import { buildModelWorkbook, CONSULTATION_SHEETS, ROADSHOW_SHEETS, type SheetModel } from '../../builders/ods-spreadsheets.js';
import { buildOutlookMsg, buildWordCompoundFile, OUTLOOK_REPLY } from '../../builders/outlook-msg-builder.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { expectReadAsItsXlsxCase, recordSays } from '../../helpers/calc-copies.js';
import { expectSheetOptionOnConsultationSheets } from '../../helpers/sheet-option.js';
import { buildXls } from '../../builders/xls-workbooks.js';
import { PROJECT_ROOT, readFileItems, recordsOf, type FileReadResult } from '../../helpers/read-fixture.js';

const FIXTURES = join(PROJECT_ROOT, 'fixtures/adapters/xls');

/** Ingests one file into its own store: its counts, and the records stored. */
async function ingestOne(
  dir: string,
  name: string,
  bytes: Buffer,
): Promise<{ counts: Omit<FileSummary, 'file' | 'format'>; records: unknown[] }> {
  const folder = join(dir, name.replace(/\W/g, '-'));
  mkdirSync(folder);
  await writeFile(join(folder, name), bytes);
  const summary = await ingest({ paths: [name], cwd: folder, storeDir: '.tlap' });
  const [file] = summary.perFile;
  if (file === undefined) throw new Error(`${name} was not read`);
  const records: unknown[] = [];
  for await (const record of readStoreRecords(join(folder, '.tlap'))) records.push(recordSays(record));
  const { read, added, duplicates, filtered, rejected } = file;
  return { counts: { read, added, duplicates, filtered, rejected } as Omit<FileSummary, 'file' | 'format'>, records };
}

describe('xls adapter', () => {
  const sniff = (bytes: Buffer, extension = '.dat'): number =>
    xlsWorkbookAdapter.sniff({ path: `x${extension}`, extension, headText: '', headBytes: bytes.subarray(0, 65536) });

  test('an .xls is recognised by the Workbook stream its compound file names, whatever its name; an .xlsx zip or an Outlook item is not', async () => {
    const xls = buildXls(ROADSHOW_SHEETS);
    expect(sniff(xls)).toBe(0.95);
    expect(detectFormat(ADAPTERS, { path: 'export.dat', extension: '.dat', headText: '', headBytes: xls })?.adapter.name).toBe('xls');
    expect(detectFormat(ADAPTERS, { path: 'export.xls', extension: '.xls', headText: '', headBytes: xls })?.adapter.name).toBe('xls');
    const xlsx = await buildModelWorkbook(ROADSHOW_SHEETS);
    expect(sniff(xlsx, '.xls')).toBe(0);
    expect(detectFormat(ADAPTERS, { path: 'export.xls', extension: '.xls', headText: '', headBytes: xlsx })?.adapter.name).toBe('xlsx');
    expect(sniff(buildOutlookMsg(OUTLOOK_REPLY))).toBe(0);
    expect(sniff(buildWordCompoundFile(), '.xls')).toBe(0.6);
    expect(xlsxWorkbookAdapter.sniff({ path: 'x.xls', extension: '.xls', headText: '', headBytes: xls })).toBeLessThan(SNIFF_THRESHOLD);
  });

  test.each([
    ['consultation responses', CONSULTATION_SHEETS],
    ['roadshow notes with merged venues', ROADSHOW_SHEETS],
  ] as [string, readonly SheetModel[]][])(
    '%s: tlap ingest stores the same records, with the same counts, from .xls and .xlsx',
    async (_name, sheets) => {
      await withTempDir(async (dir) => {
        const xls = await ingestOne(dir, 'responses.xls', buildXls(sheets));
        const rk = await ingestOne(dir, 'numbers-as-rk.xls', buildXls(sheets, { rk: true, recordLimit: 50 }));
        const xlsx = await ingestOne(dir, 'responses.xlsx', await buildModelWorkbook(sheets));
        expect(xls.records.length).toBeGreaterThan(0);
        expect(xls).toEqual(xlsx);
        expect(rk).toEqual(xlsx);
      });
    },
  );

  test('a sheet named with the sheet option is read alone, hidden or not; a name not there lists the sheets', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'responses.xls');
      await writeFile(path, buildXls(CONSULTATION_SHEETS));
      await expectSheetOptionOnConsultationSheets(path, 'responses.xls');
    });
  });

  test('a password-protected, damaged or non-workbook .xls is one error naming the file; the run goes on and counts it rejected', async () => {
    await withTempDir(async (dir) => {
      const whole = buildXls(ROADSHOW_SHEETS);
      await writeFile(join(dir, 'locked.xls'), buildXls(ROADSHOW_SHEETS, { encrypted: true }));
      await writeFile(join(dir, 'cut.xls'), whole.subarray(0, whole.length - 700));
      await writeFile(join(dir, 'letter.xls'), buildWordCompoundFile());
      await writeFile(join(dir, 'notes.xls'), whole);
      const summary = await ingest({ paths: ['cut.xls', 'letter.xls', 'locked.xls', 'notes.xls'], cwd: dir, storeDir: '.tlap' });
      expect(summary.perFile.map((file) => [file.file, file.format, file.rejected, file.added])).toEqual([
        ['cut.xls', 'xls', 1, 0],
        ['letter.xls', 'xls', 1, 0],
        ['locked.xls', 'xls', 1, 0],
        ['notes.xls', 'xls', 0, 6],
      ]);
      expect((await readFileItems(join(dir, 'letter.xls'), { displayPath: 'letter.xls' })).error).toBe(
        'letter.xls: a compound (OLE2) file, but not an Excel workbook: it holds no Workbook stream',
      );
    });
  });

  test('an .xlsx named with the xls format is refused, saying it is a zip', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'book.xls'), await buildModelWorkbook(ROADSHOW_SHEETS));
      const result = await readFileItems(join(dir, 'book.xls'), { displayPath: 'book.xls', format: 'xls' });
      expect(result.error).toBe(
        'book.xls: not an Excel 97-2003 workbook (it does not start with the compound file signature D0 CF 11 E0); it is a zip',
      );
    });
  });
});

describe('.xls files LibreOffice Calc wrote', () => {
  const folder = join(FIXTURES, 'libreoffice-from-xlsx');
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.xls'))
    .map((name) => name.slice(0, -'.xls'.length));

  test('there are some', () => {
    expect(names.length).toBeGreaterThanOrEqual(13);
  });

  test.each(names)(
    '%s.xls, saved by Calc from the xlsx fixture of that name, gives the same records, counts and warnings',
    async (name) => {
      const optionsPath = join(PROJECT_ROOT, 'fixtures/adapters/xlsx', name, 'options.json');
      const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Partial<ReadFileOptions>) : {};
      await expectReadAsItsXlsxCase(join(folder, `${name}.xls`), name, 'xls', options);
    },
  );

  test('the long Welsh answer runs on from the SST record into CONTINUE records, and every answer reads as its CSV has it', async () => {
    const dir = join(FIXTURES, 'welsh-long-answers');
    const check = checkCompoundFile(readFileSync(join(dir, 'input.xls')));
    const stream = check.kind === 'sound' ? check.readRootStream('Workbook') : null;
    if (stream === null) throw new Error('no Workbook stream');
    const types: number[] = [];
    for (let offset = 0; offset + 4 <= stream.length; offset += 4 + stream.readUInt16LE(offset + 2))
      types.push(stream.readUInt16LE(offset));
    expect(types[types.indexOf(0x00fc) + 1]).toBe(0x003c);
    const fromXls = await readFileItems(join(dir, 'input.xls'), { displayPath: 'answers' });
    const fromCsv = await readFileItems(join(dir, 'source.csv'), { displayPath: 'answers' });
    const content = (result: FileReadResult): unknown[] =>
      recordsOf(result).map((record) => ({ text: record.text, author: record.author, date: record.date, meta: record.meta }));
    expect(content(fromXls)).toEqual(content(fromCsv));
    expect(recordsOf(fromXls).map((record) => record.text.length)).toEqual([8909, 479, 76, 45]);
  });
});
