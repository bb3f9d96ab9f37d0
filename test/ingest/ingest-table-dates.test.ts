import { describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ingest } from '../../src/ingest/ingest.js';
import { contentSourceId } from '../../src/record/record-id.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { readStoreRecords } from '../../src/store/record-store.js';
import { withTempDir } from '../builders/temp-dir.js';

/** A table without ids, dated day/month with no day above 12, and one text said twice by one author. */
const ROWS = [
  ['comment', 'author', 'date'],
  ['More home visits in the evening please', 'Ann', '02/01/2024 14:30'],
  ['I want to choose my own personal assistant', 'Bilal', '03/01/2024 09:00'],
  ['More home visits in the evening please', 'Ann', '04/01/2024 10:00'],
];

async function storedRecords(dir: string): Promise<FeedbackRecord[]> {
  const records: FeedbackRecord[] = [];
  for await (const record of readStoreRecords(join(dir, 'store'))) records.push(record);
  return records;
}

function counts(summary: { read: number; added: number; duplicates: number }) {
  return { read: summary.read, added: summary.added, duplicates: summary.duplicates };
}

describe('ingest: ids never depend on a guessed day order', () => {
  test('the same file read again in the other order adds nothing', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), stringify(ROWS));
      const first = await ingest({ paths: ['log.csv'], storeDir: 'store', cwd: dir });
      expect(counts(first)).toEqual({ read: 3, added: 3, duplicates: 0 });
      const again = await ingest({ paths: ['log.csv'], storeDir: 'store', cwd: dir, dateOrder: 'month-day-year' });
      expect(counts(again)).toEqual({ read: 3, added: 0, duplicates: 3 });
      const dayFirst = await ingest({ paths: ['log.csv'], storeDir: 'store', cwd: dir, dateOrder: 'day-month-year' });
      expect(counts(dayFirst)).toEqual({ read: 3, added: 0, duplicates: 3 });
      expect((await storedRecords(dir)).map((record) => record.date)).toEqual([
        '2024-01-02T14:30:00.000Z',
        '2024-01-03T09:00:00.000Z',
        '2024-01-04T10:00:00.000Z',
      ]);
    });
  });

  test('the ids are the ones of an unread date, as a store written before such dates were read holds them', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), stringify(ROWS));
      await ingest({ paths: ['log.csv'], storeDir: 'store', cwd: dir });
      const before = contentSourceId('Ann', null, 'More home visits in the evening please');
      expect((await storedRecords(dir)).map((record) => record.sourceId)).toEqual([
        before,
        contentSourceId('Bilal', null, 'I want to choose my own personal assistant'),
        `${before}#2`,
      ]);
    });
  });

  test('a JSON export read in either order gives the same records', async () => {
    await withTempDir(async (dir) => {
      const objects = ROWS.slice(1).map(([text, author, date]) => ({ text, author, date }));
      await writeFile(join(dir, 'log.json'), JSON.stringify(objects));
      expect(counts(await ingest({ paths: ['log.json'], storeDir: 'store', cwd: dir, dateOrder: 'month-day-year' }))).toEqual({
        read: 3,
        added: 2,
        duplicates: 1,
      });
      expect(counts(await ingest({ paths: ['log.json'], storeDir: 'store', cwd: dir }))).toEqual({ read: 3, added: 0, duplicates: 3 });
      expect((await storedRecords(dir)).map((record) => record.sourceId)).toEqual([
        contentSourceId('Ann', null, 'More home visits in the evening please'),
        contentSourceId('Bilal', null, 'I want to choose my own personal assistant'),
      ]);
    });
  });
});

describe('ingest: what the analyst is told about a date column', () => {
  test('one warning per file and column for values that are no dates, naming the file, line, column and count', async () => {
    await withTempDir(async (dir) => {
      await writeFile(
        join(dir, 'forms.csv'),
        stringify([
          ['comment', 'date'],
          ['Respite saved our family', '2024-03-01'],
          ['Forms are too long', 'last Tuesday'],
          ['The bus stopped running', 'NA'],
          ['Nobody called me back', 'soon'],
        ]),
      );
      const summary = await ingest({ paths: ['forms.csv'], storeDir: 'store', cwd: dir });
      expect(counts(summary)).toEqual({ read: 4, added: 4, duplicates: 0 });
      expect(summary.warnings).toEqual([
        {
          message:
            'forms.csv:3: 2 values in column "date" could not be read as a date (the first, "last Tuesday", on line 3); kept in meta, the records have no date',
        },
      ]);
      expect((await storedRecords(dir)).map((record) => [record.date, record.meta['date'] ?? null])).toEqual([
        ['2024-03-01T00:00:00.000Z', null],
        [null, 'last Tuesday'],
        [null, null],
        [null, 'soon'],
      ]);
    });
  });

  test('the assumed order is a coded warning the command line can name a flag for', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'log.csv'), stringify(ROWS));
      const summary = await ingest({ paths: ['log.csv'], storeDir: 'store', cwd: dir });
      expect(summary.warnings).toEqual([
        {
          code: 'DATE_ORDER_ASSUMED',
          message:
            'log.csv:2: 3 dates in column "date" could be day/month or month/day (the first, "02/01/2024 14:30", on line 2); read day first, as UK exports write them',
        },
      ]);
    });
  });
});
