import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { readExports, type ExportItem } from '../../src/ingest/read-exports.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { withTempDir } from '../builders/temp-dir.js';

async function collect(items: AsyncIterable<ExportItem>): Promise<ExportItem[]> {
  const found: ExportItem[] = [];
  for await (const item of items) found.push(item);
  return found;
}

describe('readExports', () => {
  test('records, duplicates, rejections and skipped files, each accounted for, then the summary', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'in'));
      await writeFile(join(dir, 'in', 'a.csv'), csvExport(csvRows(2)));
      await writeFile(join(dir, 'in', 'b.csv'), csvExport(csvRows(1)));
      await writeFile(join(dir, 'in', 'broken.json'), '[{"text": "ok"}, {"text": ');
      await writeFile(join(dir, 'in', 'notes.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
      const items = await collect(readExports(['in'], { cwd: dir }));
      const kinds = items.map((item) => item.kind);
      expect(kinds.filter((kind) => kind === 'record')).toHaveLength(3);
      expect(kinds.filter((kind) => kind === 'duplicate')).toHaveLength(1);
      expect(items).toContainEqual({ kind: 'skipped', file: join('in', 'notes.bin') });
      const rejected = items.find((item) => item.kind === 'rejected');
      expect(rejected).toMatchObject({
        kind: 'rejected',
        code: 'JSON_TRUNCATED',
        provenance: { file: join('in', 'broken.json'), line: 1 },
      });
      const last = items.at(-1);
      if (last?.kind !== 'summary') throw new Error('the last item is not the summary');
      const { summary } = last;
      expect(summary.read).toBe(summary.added + summary.duplicates + summary.filtered + summary.rejected);
      expect(summary).toMatchObject({ files: 3, added: 3, duplicates: 1, rejectedByCode: { JSON_TRUNCATED: 1 } });
    });
  });

  test('a reading that cannot start throws before yielding: an unknown format name, a missing path', async () => {
    await expect(collect(readExports(['x.csv'], { format: 'nope' }))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT_NAME', value: 'nope' });
    await withTempDir(async (dir) => {
      await expect(readExports(['missing.csv'], { cwd: dir }).open()).rejects.toMatchObject({
        code: 'NO_SUCH_FILE',
        location: { file: 'missing.csv' },
      });
    });
  });
});
