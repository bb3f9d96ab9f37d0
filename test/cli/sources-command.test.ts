import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { storePaths } from '../../src/store/record-store.js';
import { matchIngestedFiles } from '../../src/cli/commands/sources-command.js';
import { runCli } from '../builders/cli-runner.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { withTempDir } from '../builders/temp-dir.js';
import type { FileSummary } from '../../src/ingest/ingest-summary.js';
import type { FeedbackRecord } from '../../src/record/record.js';

/** exports/a.csv (a1–a3), exports/b.csv (a3 again, b1), exports/bad.csv (one row-level rejection). */
async function exportsFolder(dir: string): Promise<void> {
  await mkdir(join(dir, 'exports'));
  const rowsA = csvRows(3, 'a');
  await writeFile(join(dir, 'exports', 'a.csv'), csvExport(rowsA));
  await writeFile(join(dir, 'exports', 'b.csv'), csvExport([rowsA[2] ?? { id: 'x', text: 'x' }, { id: 'b1', text: 'Only in b' }]));
  await writeFile(join(dir, 'exports', 'bad.csv'), `${csvExport([{ id: 'c1', text: 'Fine row' }])}c2,,,"never closed\n`);
}

describe('ingest accounts for each file', () => {
  test('--json keeps its totals and adds per_file; stderr shows each file with its format', async () => {
    await withTempDir(async (dir) => {
      await exportsFolder(dir);
      const result = await runCli(['ingest', 'exports', '--json'], { cwd: dir });
      const summary = JSON.parse(result.stdout) as Record<string, unknown> & { per_file: FileSummary[] };
      expect(summary).toMatchObject({ files: 3, read: 7, added: 5, duplicates: 1, filtered: 0, rejected: 1 });
      expect(summary.per_file).toEqual([
        { file: 'exports/a.csv', format: 'csv', read: 3, added: 3, duplicates: 0, filtered: 0, rejected: 0, updated: 0 },
        { file: 'exports/b.csv', format: 'csv', read: 2, added: 1, duplicates: 1, filtered: 0, rejected: 0, updated: 0 },
        { file: 'exports/bad.csv', format: 'csv', read: 2, added: 1, duplicates: 0, filtered: 0, rejected: 1, updated: 0 },
      ]);
      for (const key of ['read', 'added', 'duplicates', 'filtered', 'rejected', 'updated'] as const) {
        expect(summary.per_file.reduce((total, file) => total + file[key], 0)).toBe(summary[key]);
      }
      expect(result.stderr).toContain('  exports/a.csv (csv): 3 read, 3 added\n');
      expect(result.stderr).toContain('  exports/b.csv (csv): 2 read, 1 added, 1 duplicate\n');
      expect(result.stderr).toContain('  exports/bad.csv (csv): 2 read, 1 added, 1 rejected\n');
    });
  });
});

describe('tlap sources', () => {
  test('lists each file as given at ingest, with format, records, records only it held, and rejections', async () => {
    await withTempDir(async (dir) => {
      await exportsFolder(dir);
      await runCli(['ingest', 'exports'], { cwd: dir });
      const table = await runCli(['sources'], { cwd: dir });
      expect(table.exitCode).toBe(ExitCode.Ok);
      expect(table.stdout).toBe(
        [
          'FILE             FORMAT  RECORDS  ONLY HERE  REJECTED',
          'exports/a.csv    csv           3          2         0',
          'exports/b.csv    csv           2          1         0',
          'exports/bad.csv  csv           1          1         1',
          '',
        ].join('\n'),
      );
      const json = await runCli(['sources', '--json'], { cwd: dir });
      expect(JSON.parse(json.stdout)).toEqual([
        { file: 'exports/a.csv', format: 'csv', records: 3, only_here: 2, rejected: 0 },
        { file: 'exports/b.csv', format: 'csv', records: 2, only_here: 1, rejected: 0 },
        { file: 'exports/bad.csv', format: 'csv', records: 1, only_here: 1, rejected: 1 },
      ]);
    });
  });

  test('a record seen again in a later run from another file gains that file, once', async () => {
    await withTempDir(async (dir) => {
      await exportsFolder(dir);
      await runCli(['ingest', 'exports/a.csv'], { cwd: dir });
      await runCli(['ingest', 'exports/b.csv'], { cwd: dir });
      await runCli(['ingest', 'exports/b.csv'], { cwd: dir });
      const lines = (await readFile(storePaths(join(dir, '.tlap')).sources, 'utf8')).split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(5);
      const json = await runCli(['sources', '--json'], { cwd: dir });
      expect(JSON.parse(json.stdout)).toEqual([
        { file: 'exports/a.csv', format: 'csv', records: 3, only_here: 2, rejected: 0 },
        { file: 'exports/b.csv', format: 'csv', records: 2, only_here: 1, rejected: 0 },
      ]);
    });
  });
});

describe('tlap forget', () => {
  test('removes the records only that file held, keeps shared ones, drops its rejections, and says how many', async () => {
    await withTempDir(async (dir) => {
      await exportsFolder(dir);
      await runCli(['ingest', 'exports'], { cwd: dir });
      const forget = await runCli(['forget', 'exports/a.csv', 'exports/bad.csv'], { cwd: dir });
      expect(forget.exitCode).toBe(ExitCode.Ok);
      expect(forget.stderr).toBe(
        'forgot exports/a.csv, exports/bad.csv: removed 3 records; kept 1 record another file also held; removed 1 rejection\n',
      );
      const json = await runCli(['sources', '--json'], { cwd: dir });
      expect(JSON.parse(json.stdout)).toEqual([{ file: 'exports/b.csv', format: 'csv', records: 2, only_here: 2, rejected: 0 }]);
      const stored = (await readFile(storePaths(join(dir, '.tlap')).records, 'utf8'))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as FeedbackRecord);
      expect(stored.map((record) => [record.text, record.provenance])).toEqual([
        ['Comment 3 about carers and respite', { file: 'exports/b.csv' }],
        ['Only in b', { file: 'exports/b.csv', line: 3, row: 2 }],
      ]);
      await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
      const themes = await runCli(['themes', '--format', 'csv', '--out', 'coded.csv'], { cwd: dir });
      expect(themes.exitCode).toBe(ExitCode.Ok);
      const coded = await readFile(join(dir, 'coded.csv'), 'utf8');
      expect(coded).toContain('Only in b');
      expect(coded).toContain('Comment 3 about carers');
      expect(coded).not.toContain('Comment 1 about carers');
      expect(coded).not.toContain('Fine row');

      const again = await runCli(['ingest', 'exports/a.csv', '--json'], { cwd: dir });
      expect(JSON.parse(again.stdout)).toMatchObject({ added: 2, duplicates: 1 });
    });
  });

  test('a path written differently (./exports/a.csv) names the same file; an unknown one is refused, nothing removed', async () => {
    await withTempDir(async (dir) => {
      await exportsFolder(dir);
      await runCli(['ingest', 'exports'], { cwd: dir });
      const records = storePaths(join(dir, '.tlap')).records;
      const before = await readFile(records, 'utf8');
      const unknown = await runCli(['forget', './exports/a.csv', 'nope.csv'], { cwd: dir });
      expect(unknown.exitCode).toBe(ExitCode.CouldNotRun);
      expect(unknown.stderr).toContain('error: nope.csv: the store .tlap holds nothing from a file of that name');
      expect(unknown.stderr).toContain('hint: tlap sources lists the files');
      expect(await readFile(records, 'utf8')).toBe(before);
      const forget = await runCli(['forget', './exports/a.csv'], { cwd: dir });
      expect(forget.stderr).toContain('forgot exports/a.csv: removed 2 records; kept 1 record');
    });
  });
});

describe('matchIngestedFiles', () => {
  const listed = new Set(['/data/exports/a.csv', '/elsewhere/b.csv', 'responses.zip/one.csv']);

  test('a folder or archive names the files listed inside it', () => {
    expect(matchIngestedFiles('responses.zip', listed, '/work')).toEqual(['responses.zip/one.csv']);
    expect(matchIngestedFiles('exports', listed, '/data')).toEqual(['/data/exports/a.csv']);
  });

  test('the current folder (.) never names files listed by an absolute path outside it', () => {
    expect(matchIngestedFiles('.', listed, '/data')).toEqual(['/data/exports/a.csv']);
    expect(matchIngestedFiles('./', listed, '/nowhere')).toEqual([]);
  });
});
