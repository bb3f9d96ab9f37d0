import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { UPDATE_GOLDEN } from '../helpers/golden.js';
import { PROJECT_ROOT } from '../helpers/read-fixture.js';
import { XLSX_FIXTURE_INPUTS } from '../helpers/xlsx-workbooks.js';

describe('xlsx fixture inputs are generated reproducibly by test/helpers/xlsx-workbooks.ts', () => {
  test.each(Object.entries(XLSX_FIXTURE_INPUTS))('%s/input.xlsx', async (name, build) => {
    const bytes = await build();
    expect((await build()).equals(bytes)).toBe(true);
    const path = join(PROJECT_ROOT, 'fixtures/adapters/xlsx', name, 'input.xlsx');
    if (UPDATE_GOLDEN) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, bytes);
    }
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
