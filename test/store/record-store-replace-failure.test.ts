import { copyFile, readFile } from 'node:fs/promises';
import * as realFs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';

/** While true, renaming a temporary file over records.jsonl fails, as a crash before the rename would leave it. */
let failRecordsRename = false;

jest.unstable_mockModule('node:fs/promises', () => ({
  ...realFs,
  default: realFs,
  rename: async (...args: Parameters<typeof realFs.rename>) => {
    const [, target] = args;
    if (failRecordsRename && String(target).endsWith('records.jsonl')) {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO', errno: -5, syscall: 'rename' });
    }
    return realFs.rename(...args);
  },
}));

const { ingest } = await import('../../src/ingest/ingest.js');
const { StoreError } = await import('../../src/errors.js');
const { storePaths } = await import('../../src/store/record-store.js');
const { withTempDir } = await import('../builders/temp-dir.js');
const { PROJECT_ROOT } = await import('../helpers/read-fixture.js');

/** fixtures/ingest/hashtag-reexported-weekly: one hashtag's Mastodon timeline exported twice, a post edited in between. */
const FIXTURE = join(PROJECT_ROOT, 'fixtures/ingest/hashtag-reexported-weekly');
const WEEKS = ['2024-11-25-socialcarefuture.json', '2024-12-02-socialcarefuture.json'] as const;

describe('a post read again with other words, when the rewrite of records.jsonl fails', () => {
  test('the store keeps the old words whole, and the same ingest again ends as an uninterrupted one', async () => {
    await withTempDir(async (dir) => {
      for (const name of WEEKS) await copyFile(join(FIXTURE, name), join(dir, name));
      await ingest({ paths: [WEEKS[0]], storeDir: 'reference', cwd: dir });
      await ingest({ paths: [WEEKS[1]], storeDir: 'reference', cwd: dir });

      await ingest({ paths: [WEEKS[0]], storeDir: 'store', cwd: dir });
      const paths = storePaths(join(dir, 'store'));
      const before = await readFile(paths.records, 'utf8');
      failRecordsRename = true;
      const failed = await ingest({ paths: [WEEKS[1]], storeDir: 'store', cwd: dir })
        .then(() => null)
        .catch((error: unknown) => error)
        .finally(() => {
          failRecordsRename = false;
        });
      expect(failed).toBeInstanceOf(StoreError);
      const afterFailure = await readFile(paths.records, 'utf8');
      expect(afterFailure.startsWith(before)).toBe(true);
      expect(afterFailure.split('\n').filter((line) => line !== '')).toHaveLength(4);
      expect(afterFailure).not.toContain('costs less than agency cover');

      const again = await ingest({ paths: [WEEKS[1]], storeDir: 'store', cwd: dir });
      expect({ added: again.added, duplicates: again.duplicates, updated: again.updated }).toEqual({ added: 0, duplicates: 4, updated: 1 });
      expect(await readFile(paths.records, 'utf8')).toBe(await readFile(join(dir, 'reference', 'records.jsonl'), 'utf8'));
      expect(await readFile(paths.sources, 'utf8')).toBe(await readFile(join(dir, 'reference', 'sources.jsonl'), 'utf8'));
    });
  });
});
