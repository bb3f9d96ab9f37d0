import { readFile, rename, stat, utimes, writeFile, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { storePaths } from '../../src/store/record-store.js';
import { recordsSealed, sealRecords } from '../../src/store/records-seal.js';
import { runCli } from '../builders/cli-runner.js';
import { codebookYaml } from '../builders/codebook-builder.js';
import { csvExport, csvRows } from '../builders/export-files.js';
import { withTempDir } from '../builders/temp-dir.js';

const STORE = '.tlap';

async function ingested(dir: string): Promise<void> {
  await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
  await writeFile(join(dir, 'survey.csv'), csvExport(csvRows(3)));
  await writeFile(join(dir, 'more.csv'), csvExport(csvRows(2, 'm')));
  const result = await runCli(['ingest', 'survey.csv'], { cwd: dir });
  if (result.exitCode !== ExitCode.Ok) throw new Error(result.stderr);
}

/** A store line's id with its first hex digit changed: the same length, so the file keeps its size. */
function withIdChanged(line: string): string {
  return line.replace(/^\{"id":"([0-9a-f])/, (_match, digit: string) => `{"id":"${digit === 'f' ? 'e' : 'f'}`);
}

describe('the seal on records.jsonl', () => {
  test('an ingest leaves records.jsonl sealed, and a later ingest seals it again', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      expect(existsSync(paths.seal)).toBe(true);
      expect(await recordsSealed(paths)).toBe(true);
      expect((await runCli(['ingest', 'more.csv'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
      expect(await recordsSealed(paths)).toBe(true);
    });
  });

  test('an edit that keeps the size, and even the modification time, breaks the seal', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      const before = await stat(paths.records);
      const text = await readFile(paths.records, 'utf8');
      const lines = text.split('\n');
      lines[0] = withIdChanged(lines[0] ?? '');
      await writeFile(paths.records, lines.join('\n'));
      await utimes(paths.records, before.atime, before.mtime);
      expect((await stat(paths.records)).size).toBe(before.size);
      expect(await recordsSealed(paths)).toBe(false);
      const themes = await runCli(['themes'], { cwd: dir });
      expect(themes.exitCode).toBe(ExitCode.CouldNotRun);
      expect(themes.stderr).toContain(`${paths.records}:1: the record's id does not match`);
    });
  });

  test('a copy of records.jsonl put in its place is checked line by line', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      await copyFile(paths.records, `${paths.records}.copy`);
      await rename(`${paths.records}.copy`, paths.records);
      expect(await recordsSealed(paths)).toBe(false);
    });
  });

  test('a missing or unreadable seal is no seal, and the next ingest writes a good one', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      for (const seal of ['', 'not json', '{"size":3}', 'null']) {
        await writeFile(paths.seal, seal);
        expect(await recordsSealed(paths)).toBe(false);
      }
      expect((await runCli(['ingest', 'more.csv'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
      expect(await recordsSealed(paths)).toBe(true);
    });
  });

  test('themes reads a sealed store without checking ids, and reports the same as from the store unsealed', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      const sealed = await runCli(['themes', '--out', 'sealed.json'], { cwd: dir });
      expect(sealed.exitCode).toBe(ExitCode.Ok);
      await writeFile(paths.seal, '');
      const unsealed = await runCli(['themes', '--out', 'unsealed.json'], { cwd: dir });
      expect(unsealed.exitCode).toBe(ExitCode.Ok);
      expect(await readFile(join(dir, 'sealed.json'), 'utf8')).toBe(await readFile(join(dir, 'unsealed.json'), 'utf8'));
    });
  });

  test('the seal is what lets a line pass unchecked: a line sealed after a hand edit is taken as written', async () => {
    await withTempDir(async (dir) => {
      await ingested(dir);
      const paths = storePaths(join(dir, STORE));
      const lines = (await readFile(paths.records, 'utf8')).split('\n');
      lines[0] = withIdChanged(lines[0] ?? '');
      await writeFile(paths.records, lines.join('\n'));
      expect((await runCli(['themes'], { cwd: dir })).exitCode).toBe(ExitCode.CouldNotRun);
      await sealRecords(paths);
      expect((await runCli(['themes', '--out', 'report.json'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
    });
  });
});
