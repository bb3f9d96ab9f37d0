import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { loadWorkbook, workbookSheets } from '../../../src/adapters/formats/xlsx-workbook.js';
import { readOdsSpreadsheet } from '../../../src/adapters/readers/ods-sheets.js';
import type { WorkbookSheet } from '../../../src/adapters/readers/workbook-sheets.js';
import { buildModelWorkbook, buildOds, type SheetModel, type SheetValue } from '../../builders/ods-spreadsheets.js';
import { propertyRuns } from '../../helpers/property-runs.js';

/** Text as people type it into a cell: words, runs of spaces, tabs, line breaks, XML's special characters. */
const cellText = fc
  .array(fc.constantFrom('a', 'Zoë', '7', ' ', '  ', '   ', '\t', '\n', '&', '<', '>', '"', "'", '£', 'carers’', '.'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''))
  .filter((text) => text.trim() !== '');

const cellValue: fc.Arbitrary<SheetValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: cellText },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.constantFrom(69500000000000000000, 12345678901234567000, 0.5, 1e-7) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 })
      .chain((seconds) => fc.constantFrom(new Date(seconds * 1000), new Date(Math.floor(seconds / 86400) * 86400 * 1000))),
  },
);

/** A sheet of up to 8 rows by 6 columns, some rows repeated (as Calc writes equal rows once), maybe one merged range. */
const sheetModel = (name: string): fc.Arbitrary<SheetModel> =>
  fc
    .record({
      rows: fc.array(
        fc.array(cellValue, { maxLength: 6 }).chain((row) => fc.constantFrom([row], [row, row], [row, row, row])),
        { minLength: 1, maxLength: 6 },
      ),
      hidden: fc.boolean(),
      merge: fc.option(
        fc.record({
          left: fc.integer({ min: 0, max: 4 }),
          top: fc.integer({ min: 0, max: 6 }),
          width: fc.integer({ min: 1, max: 2 }),
          height: fc.integer({ min: 1, max: 3 }),
        }),
      ),
    })
    .map(({ rows, hidden, merge }) => {
      const letter = (column: number): string => String.fromCharCode(65 + column);
      const merges =
        merge === null || merge.width * merge.height === 1
          ? []
          : [`${letter(merge.left)}${merge.top + 1}:${letter(merge.left + merge.width - 1)}${merge.top + merge.height}`];
      return { name, hidden, rows: rows.flat(), merges };
    });

/** Each sheet's rows as plain data, trailing empty cells left out (an .xlsx row may keep them, an .ods row never writes them). */
function plain(sheets: readonly WorkbookSheet[]): unknown {
  return sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    rows: [...sheet.rows]
      .map((row) => {
        const cells = [...row.cells];
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        return { number: row.number, cells, mergedAbove: [...row.mergedAbove].sort(([a], [b]) => a - b) };
      })
      .filter((row) => row.cells.length > 0 || row.mergedAbove.length > 0),
  }));
}

describe('the .ods reader gives the rows the .xlsx reader gives for the same table', () => {
  test('random sheets of text, numbers, long ids, booleans, dates and times, repeated rows and merged ranges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(sheetModel('Responses'), sheetModel('Second sheet')), async (sheets) => {
        const ods = await readOdsSpreadsheet('table.ods', buildOds(sheets));
        const xlsx = workbookSheets(await loadWorkbook('table.xlsx', await buildModelWorkbook(sheets)));
        expect(plain(ods.sheets)).toEqual(plain(xlsx));
        expect(ods.issues).toEqual([]);
      }),
      { seed: 20261130, numRuns: propertyRuns(60) },
    );
  });
});
