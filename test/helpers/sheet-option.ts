import { expect } from '@jest/globals';
import { readFileItems, recordsOf } from './read-fixture.js';

/**
 * Checks the sheet option on a workbook of `CONSULTATION_SHEETS` (test/builders/ods-spreadsheets.ts)
 * at `path`, shown as `displayPath`: its hidden `Officer notes` sheet is read alone when named, and
 * a name it does not hold is an error listing the sheets it does.
 */
export async function expectSheetOptionOnConsultationSheets(path: string, displayPath: string): Promise<void> {
  const hidden = await readFileItems(path, { displayPath, sheet: 'Officer notes' });
  expect(recordsOf(hidden).map((record) => record.text)).toEqual([
    'Two responses came by post and were typed in by the team.',
    'Check the late responses before publishing.',
  ]);
  expect((await readFileItems(path, { displayPath, sheet: 'Nope' })).error).toBe(
    `${displayPath}: no sheet named "Nope" (sheets: "Responses", "Officer notes")`,
  );
}
