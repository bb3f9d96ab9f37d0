import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { recordsAtLines } from '../../src/run/themed-store-records.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import { ExitCode } from '../../src/exit-codes.js';

describe('records read again by store line', () => {
  test('are the records at those lines, and a line no longer there is a store error naming it', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const records = ['first', 'second', 'third'].map((text) => makeRecord({ sourceId: text, text }));
      await writeStore(store, records);
      const found = await recordsAtLines(store, [1, 3]);
      expect([...found].map(([line, record]) => [line, record.text])).toEqual([
        [1, 'first'],
        [3, 'third'],
      ]);
      await expect(recordsAtLines(store, [2, 9])).rejects.toMatchObject({
        code: 'STORE_DAMAGED',
        exitCode: ExitCode.CouldNotRun,
        message: expect.stringContaining('records.jsonl:9: the store changed while it was read'),
      });
    });
  });
});
