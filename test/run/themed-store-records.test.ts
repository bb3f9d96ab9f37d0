import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { recordsAtLines, workerFailure } from '../../src/run/themed-store-records.js';
import { makeRecord } from '../builders/record-builder.js';
import { writeStore } from '../builders/store-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import { TlapError } from '../../src/errors.js';
import { ExitCode } from '../../src/exit-codes.js';

function errorWithCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('a theme worker that fails', () => {
  test('running out of its memory limit is an error tlap explains, with a way round it and the cause kept', () => {
    const cause = errorWithCode('Worker terminated due to reaching memory limit: JS heap out of memory', 'ERR_WORKER_OUT_OF_MEMORY');
    const failure = workerFailure(cause);
    expect(failure).toBeInstanceOf(TlapError);
    expect(failure).toMatchObject({ code: 'WORKER_OUT_OF_MEMORY', exitCode: ExitCode.CouldNotRun, cause });
    expect(failure.message).toBe('a theme worker ran out of its 512 MB of memory');
    expect((failure as TlapError).hint).toBe('theme the store on one thread, which has no such limit');
  });

  test('any other error is passed on as it came', () => {
    const other = errorWithCode('boom', 'ERR_SOMETHING_ELSE');
    expect(workerFailure(other)).toBe(other);
  });
});

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
