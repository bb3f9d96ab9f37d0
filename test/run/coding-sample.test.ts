import { describe, expect, test } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { SelectionError, UsageError } from '../../src/errors.js';
import type { FeedbackRecord } from '../../src/record/record.js';
import { createRedactor } from '../../src/report/publication-redactor.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  drawCodingSample,
  drawStoreSample,
  renderCodingSheet,
  renderCodingWorkbook,
  WORKBOOK_CELL_CHARS,
  type CodingSample,
} from '../../src/run/coding-sample.js';
import { parseGoldFile, readGoldFile } from '../../src/stats/gold-file.js';
import { makeCodebook } from '../builders/codebook-builder.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';

const codebook = makeCodebook([
  { id: 'carers', label: 'Carers', keywords: ['carer'] },
  { id: 'funding', label: 'Funding', keywords: ['budget'] },
]);

function records(count: number, overrides: (index: number) => Partial<FeedbackRecord> = () => ({})): FeedbackRecord[] {
  return Array.from({ length: count }, (_, index) =>
    makeRecord({ sourceId: `row-${index}`, text: `answer ${index}`, ...overrides(index) }),
  );
}

const ids = (sample: CodingSample): string[] => sample.records.map((record) => record.id);

describe('drawCodingSample', () => {
  const population = records(500);

  test('draws size records once each, from the whole population, and says how many it drew from', async () => {
    const sample = await drawCodingSample(population, { size: 40 });
    expect(sample.records).toHaveLength(40);
    expect(new Set(ids(sample)).size).toBe(40);
    expect(sample).toMatchObject({ population: 500, leftOut: 0, seed: 1 });
    const positions = sample.records.map((record) => population.indexOf(record));
    expect(Math.min(...positions)).toBeLessThan(100);
    expect(Math.max(...positions)).toBeGreaterThan(400);
  });

  test('the same seed draws the same sample whatever order the store holds the records in; another seed another sample', async () => {
    const first = await drawCodingSample(population, { size: 25, seed: 7 });
    const reversed = await drawCodingSample([...population].reverse(), { size: 25, seed: 7 });
    expect(ids(reversed)).toEqual(ids(first));
    const other = await drawCodingSample(population, { size: 25, seed: 8 });
    expect(ids(other).filter((id) => ids(first).includes(id)).length).toBeLessThan(10);
  });

  test('records added to the store later keep every record drawn before that is still among the first drawn', async () => {
    const before = await drawCodingSample(population.slice(0, 300), { size: 30 });
    const after = await drawCodingSample(population, { size: 30 });
    const kept = ids(after).filter((id) => population.slice(0, 300).some((record) => record.id === id));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((id) => ids(before).includes(id))).toBe(true);
  });

  test('every record is equally likely to be drawn: over 200 seeds, each decile of the store is drawn about as often', async () => {
    const deciles = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 200; seed += 1) {
      for (const record of (await drawCodingSample(population, { size: 10, seed })).records) {
        const decile = Math.floor(population.indexOf(record) / 50);
        deciles[decile] = (deciles[decile] ?? 0) + 1;
      }
    }
    expect(Math.min(...deciles)).toBeGreaterThan(150);
    expect(Math.max(...deciles)).toBeLessThan(250);
  });

  test('draws only from the records the selection keeps, and all of them when they are fewer than the size', async () => {
    const mixed = records(60, (index) => ({ channel: index % 3 === 0 ? 'email' : 'survey' }));
    const sample = await drawCodingSample(mixed, { size: 100, selection: { channels: ['email'] } });
    expect(sample.records).toHaveLength(20);
    expect(sample.records.every((record) => record.channel === 'email')).toBe(true);
    expect(sample).toMatchObject({ population: 20, leftOut: 40 });
  });

  test('a selection that keeps nothing is a SelectionError; a size below 1 or not whole is a UsageError', async () => {
    await expect(drawCodingSample(population, { size: 5, selection: { channels: ['twitter'] } })).rejects.toThrow(SelectionError);
    for (const size of [0, 2.5, Number.NaN]) await expect(drawCodingSample(population, { size })).rejects.toThrow(UsageError);
  });

  test('drawStoreSample draws from a store as from its records', async () => {
    await withTempDir(async (dir) => {
      await writeStore(dir, population);
      expect(ids(await drawStoreSample(dir, { size: 12, seed: 3 }))).toEqual(
        ids(await drawCodingSample(population, { size: 12, seed: 3 })),
      );
    });
  });
});

describe('renderCodingSheet', () => {
  const sample: CodingSample = {
    records: [
      makeRecord({ text: 'My carer, jo.bloggs@example.com, rang me', meta: { question: 'What works well?' } }),
      makeRecord({ channel: 'email', text: '=SUM(A1:A3) is what the budget came to' }),
    ],
    population: 2,
    leftOut: 0,
    seed: 1,
  };
  const sheet = renderCodingSheet(sample, codebook, createRedactor(codebook));
  const rows = parse(sheet, { bom: true }) as string[][];

  test('a row per record in the order drawn: id, channel, context, text as a report prints it, and empty cells to code', () => {
    expect(sheet.startsWith('\ufeff')).toBe(true);
    expect(rows[0]).toEqual(['id', 'channel', 'context', 'text', 'coded', 'carers', 'funding']);
    expect(rows.slice(1)).toEqual([
      [sample.records[0]?.id, 'survey', 'What works well?', 'My carer, [email], rang me', '', '', ''],
      [sample.records[1]?.id, 'email', '', "'=SUM(A1:A3) is what the budget came to", '', '', ''],
    ]);
  });

  test('read back as a gold file, it is a coding sheet with no row coded yet', () => {
    const gold = parseGoldFile(sheet, 'coding.csv');
    expect(gold.entries).toEqual([]);
    expect(gold.sample).toEqual({ rows: 2, notCoded: sample.records.map((record) => record.id), codedByThemes: [] });
    expect(gold.markColumns).toEqual(['carers', 'funding']);
    expect(gold.problems).toEqual([]);
  });
});

describe('renderCodingWorkbook', () => {
  const long = `My carer ${'comes every morning and stays to talk. '.repeat(1000)}`;
  const sample: CodingSample = {
    records: [
      makeRecord({ id: '12345678901234567890', text: 'My carer, jo.bloggs@example.com, rang me', meta: { question: 'What works well?' } }),
      makeRecord({ channel: 'email', text: '=SUM(A1:A3) is what the budget came to' }),
      makeRecord({ text: long }),
    ],
    population: 3,
    leftOut: 0,
    seed: 1,
  };

  test('the sheet as an .xlsx of text cells: an id of digits stays text, a text starting with = is no formula, a text too long for a cell is cut and says so', async () => {
    const bytes = await renderCodingWorkbook(sample, codebook, createRedactor(codebook));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet('coding');
    const cells = (row: number): unknown[] => Array.from({ length: 7 }, (_, index) => sheet?.getRow(row).getCell(index + 1).value ?? null);
    expect(cells(1)).toEqual(['id', 'channel', 'context', 'text', 'coded', 'carers', 'funding']);
    expect(cells(2)).toEqual(['12345678901234567890', 'survey', 'What works well?', 'My carer, [email], rang me', null, null, null]);
    expect(cells(3)).toEqual([sample.records[1]?.id, 'email', '', '=SUM(A1:A3) is what the budget came to', null, null, null]);
    expect(sheet?.getRow(3).getCell(4).type).toBe(ExcelJS.ValueType.String);
    const cut = String(sheet?.getRow(4).getCell(4).value);
    expect(cut).toHaveLength(WORKBOOK_CELL_CHARS);
    expect(cut.endsWith(' … [cut: longer than a spreadsheet cell holds]')).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  test('read back as a gold file, it is a coding sheet with no row coded yet, as the CSV is', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'coding.xlsx');
      await writeFile(file, await renderCodingWorkbook(sample, codebook, createRedactor(codebook)));
      const gold = await readGoldFile(file, 'coding.xlsx');
      expect(gold.entries).toEqual([]);
      expect(gold.sample).toEqual({ rows: 3, notCoded: ids(sample), codedByThemes: [] });
      expect(gold.markColumns).toEqual(['carers', 'funding']);
      expect(gold.problems).toEqual([]);
    });
  });
});
