import { mkdirSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { stringify } from 'csv-stringify/sync';
import { odsSpreadsheetAdapter } from '../../../src/adapters/formats/ods-spreadsheet.js';
import { loadWorkbook, workbookSheets } from '../../../src/adapters/formats/xlsx-workbook.js';
import { detectFormat } from '../../../src/adapters/format-detection.js';
import { ADAPTERS } from '../../../src/adapters/registry.js';
import { ingest } from '../../../src/ingest/ingest.js';
import type { FileSummary } from '../../../src/ingest/ingest-summary.js';
import { readStoreRecords } from '../../../src/store/record-store.js';
import {
  buildModelWorkbook,
  buildOds,
  CONSULTATION_SHEETS,
  encryptedOds,
  odsContent,
  ODS_FIXTURE_INPUTS,
  ROADSHOW_SHEETS,
  type SheetModel,
} from '../../builders/ods-spreadsheets.js';
import { withTempDir } from '../../builders/temp-dir.js';
import { expectReadAsItsXlsxCase, recordSays } from '../../helpers/calc-copies.js';
import { expectSheetOptionOnConsultationSheets } from '../../helpers/sheet-option.js';
import { expectGoldenBytes } from '../../helpers/golden.js';
import { PROJECT_ROOT, readFileItems, recordsOf } from '../../helpers/read-fixture.js';

describe('ods fixture inputs are generated reproducibly by test/builders/ods-spreadsheets.ts', () => {
  test.each(Object.entries(ODS_FIXTURE_INPUTS))('%s/input.ods', (name, build) => {
    const bytes = build();
    expect(build().equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/ods', name, 'input.ods');
    expectGoldenBytes(path, bytes);
  });
});

/**
 * The first sheet as CSV, each cell as the xlsx reader gives it: the same table saved as CSV, its
 * blank rows left out (a sheet's blank row is passed over, a CSV's empty line is filtered).
 */
async function csvOf(sheets: readonly SheetModel[]): Promise<string> {
  const [sheet] = workbookSheets(await loadWorkbook('table.xlsx', await buildModelWorkbook(sheets)));
  if (sheet === undefined) throw new Error('no sheet');
  const rows = [...sheet.rows];
  const width = Math.max(...rows.map((row) => row.cells.length));
  return stringify(
    rows
      .filter((row) => row.cells.some((cell) => cell.trim() !== ''))
      .map((row) => [...row.cells, ...Array.from({ length: width - row.cells.length }, () => '')]),
  );
}

/** Ingests one file into its own store: its counts, and the records stored. */
async function ingestOne(
  dir: string,
  name: string,
  bytes: Buffer | string,
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

describe('ods adapter', () => {
  test('an .ods is recognised by its mimetype, whatever its name; an .odt or .xlsx zip is not claimed', async () => {
    const ods = buildOds(CONSULTATION_SHEETS);
    const sniff = (bytes: Buffer, extension = '.dat'): number =>
      odsSpreadsheetAdapter.sniff({ path: `x${extension}`, extension, headText: '', headBytes: bytes });
    expect(sniff(ods)).toBe(0.9);
    expect(detectFormat(ADAPTERS, { path: 'export.dat', extension: '.dat', headText: '', headBytes: ods })?.adapter.name).toBe('ods');
    expect(sniff(buildOds([], { mediaType: 'application/vnd.oasis.opendocument.text' }))).toBe(0);
    expect(sniff(await buildModelWorkbook(CONSULTATION_SHEETS))).toBe(0);
  });

  test.each([
    ['consultation responses', CONSULTATION_SHEETS],
    ['roadshow notes with merged venues', ROADSHOW_SHEETS],
  ])('%s: tlap ingest stores the same records, with the same counts, from .ods, .xlsx and .csv', async (_name, sheets) => {
    await withTempDir(async (dir) => {
      const ods = await ingestOne(dir, 'responses.ods', buildOds(sheets));
      const xlsx = await ingestOne(dir, 'responses.xlsx', await buildModelWorkbook(sheets));
      const csv = await ingestOne(dir, 'responses.csv', await csvOf(sheets));
      expect(ods.records.length).toBeGreaterThan(0);
      expect(ods).toEqual(xlsx);
      expect(ods).toEqual(csv);
    });
  });

  test('the consultation sheet: the name as author, the e-mail never kept, long ids whole, the repeated row a duplicate, the hidden sheet a warning', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'responses.ods');
      await writeFile(path, buildOds(CONSULTATION_SHEETS));
      const result = await readFileItems(path, { displayPath: 'responses.ods' });
      const records = recordsOf(result);
      expect(records.map((record) => record.sourceId)).toEqual([
        '69500000000000000000:What would make the biggest difference to you as a carer?',
        '69500000000000010000:What would make the biggest difference to you as a carer?',
        '69500000000000010000:Anything else?',
        '69500000000000020000:Anything else?',
        '69500000000000020000:Anything else?',
      ]);
      expect(records[0]?.text).toBe('Respite at weekends.\nSomeone to call at night when things go wrong.');
      expect(records[1]?.text).toBe('The carers’ assessment took eight months.');
      expect(records[1]?.date).toBe('2024-03-02T00:00:00.000Z');
      expect(records.map((record) => record.author)).toEqual(['Asha Patel', null, null, 'Tom Reid', 'Tom Reid']);
      expect(JSON.stringify(records)).not.toContain('asha@example.org');
      expect(records[0]?.meta['answers']).toEqual({
        'Responding as': 'A carer',
        'Do you agree with the draft strategy?': 'Strongly agree',
      });
      expect(result.items.filter((item) => item.kind === 'warning').map((item) => item.message)).toContain(
        'sheet "Officer notes" is hidden and was not read',
      );
    });
  });

  test('a password-protected or damaged .ods is one error naming the file; the run goes on and counts it rejected', async () => {
    await withTempDir(async (dir) => {
      const whole = buildOds(ROADSHOW_SHEETS);
      await writeFile(join(dir, 'locked.ods'), encryptedOds());
      await writeFile(join(dir, 'cut.ods'), whole.subarray(0, whole.length - 40));
      await writeFile(
        join(dir, 'broken.ods'),
        buildOds([], { content: odsContent(ROADSHOW_SHEETS).replace('</table:table-row>', '</table:table-rows>') }),
      );
      await writeFile(join(dir, 'notes.ods'), whole);
      const summary = await ingest({ paths: ['broken.ods', 'cut.ods', 'locked.ods', 'notes.ods'], cwd: dir, storeDir: '.tlap' });
      expect(summary.perFile.map((file) => [file.file, file.rejected, file.added])).toEqual([
        ['broken.ods', 1, 0],
        ['cut.ods', 1, 0],
        ['locked.ods', 1, 0],
        ['notes.ods', 0, 6],
      ]);
      const locked = await readFileItems(join(dir, 'locked.ods'), { displayPath: 'locked.ods' });
      expect(locked.error).toBe('locked.ods: the OpenDocument spreadsheet is password-protected (encrypted); tlap cannot read it');
      const broken = await readFileItems(join(dir, 'broken.ods'), { displayPath: 'broken.ods' });
      expect(broken.error).toMatch(/^broken\.ods: content\.xml:2:\d+: XML_MALFORMED: /);
      expect(broken.error).not.toContain('\n');
      const cut = await readFileItems(join(dir, 'cut.ods'), { displayPath: 'cut.ods' });
      expect(cut.error).toMatch(/^cut\.ods: cannot read the OpenDocument spreadsheet/);
    });
  });

  test('an OpenDocument text named .ods is refused, saying what it is', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'notes.ods');
      await writeFile(path, buildOds([], { mediaType: 'application/vnd.oasis.opendocument.text', content: '<x/>' }));
      expect((await readFileItems(path, { displayPath: 'notes.ods' })).error).toBe(
        'notes.ods: an OpenDocument text, not an OpenDocument spreadsheet (.ods)',
      );
    });
  });

  test('a sheet named with the sheet option is read alone, hidden or not', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'responses.ods');
      await writeFile(path, buildOds(CONSULTATION_SHEETS));
      await expectSheetOptionOnConsultationSheets(path, 'responses.ods');
    });
  });

  test('a flat OpenDocument spreadsheet (.fods) is read as its .ods is', async () => {
    await withTempDir(async (dir) => {
      const flat = odsContent(ROADSHOW_SHEETS)
        .replace('<office:document-content ', '<office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet" ')
        .replace('</office:document-content>', '</office:document>');
      await writeFile(join(dir, 'notes.fods'), flat);
      await writeFile(join(dir, 'notes.ods'), buildOds(ROADSHOW_SHEETS));
      const fods = await readFileItems(join(dir, 'notes.fods'), { displayPath: 'notes' });
      const ods = await readFileItems(join(dir, 'notes.ods'), { displayPath: 'notes' });
      expect(fods.format).toBe('ods');
      expect(recordsOf(fods).length).toBe(6);
      expect(fods.items).toEqual(ods.items);
    });
  });
});

describe('.ods files LibreOffice Calc wrote', () => {
  const folder = join(PROJECT_ROOT, 'fixtures/adapters/ods/libreoffice-from-xlsx');
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.ods'))
    .map((name) => name.slice(0, -'.ods'.length));

  test('there are some', () => {
    expect(names.length).toBeGreaterThanOrEqual(9);
  });

  test.each(names)(
    '%s.ods, saved by Calc from the xlsx fixture of that name, gives the same records, counts and warnings',
    async (name) => {
      await expectReadAsItsXlsxCase(join(folder, `${name}.ods`), name, 'ods');
    },
  );
});
