import { readFile, writeFile } from 'node:fs/promises';
import * as realFs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';

/** While set, appends to a store file ending with this name write half their bytes and then fail with ENOSPC. */
let failingFile: string | null = null;

jest.unstable_mockModule('node:fs/promises', () => ({
  ...realFs,
  default: realFs,
  open: async (...args: Parameters<typeof realFs.open>) => {
    const handle = await realFs.open(...args);
    const [path, flags] = args;
    if (flags === 'a' && typeof path === 'string') {
      const append = handle.appendFile.bind(handle);
      handle.appendFile = async (data: Parameters<typeof handle.appendFile>[0]) => {
        if (failingFile === null || !path.endsWith(failingFile)) return append(data);
        const text = String(data);
        await append(text.slice(0, Math.floor(text.length / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      };
    }
    return handle;
  },
}));

const { runCli } = await import('../builders/cli-runner.js');
const { withTempDir } = await import('../builders/temp-dir.js');
const { csvExport, csvRows } = await import('../builders/export-files.js');
const { codebookYaml } = await import('../builders/codebook-builder.js');
const { ExitCode } = await import('../../src/exit-codes.js');
const { storePaths } = await import('../../src/store/record-store.js');

describe('a write to the store that fails (ENOSPC injected)', () => {
  test.each(['records.jsonl', 'sources.jsonl', 'rejected.jsonl'])(
    'appending to %s: one error line naming the store, no "bug in tlap", and the store stays valid',
    async (file) => {
      await withTempDir(async (dir) => {
        await writeFile(join(dir, 'themes.yaml'), codebookYaml([{ id: 'carers', keywords: ['carer'] }], 'Feedback'));
        await writeFile(join(dir, 'first.csv'), csvExport(csvRows(3)));
        await writeFile(join(dir, 'second.csv'), `${csvExport(csvRows(40, 'n'))}"unclosed,\n`);
        expect((await runCli(['ingest', 'first.csv'], { cwd: dir })).exitCode).toBe(ExitCode.Ok);
        const paths = storePaths(join(dir, '.tlap'));
        const before = await readFile(paths.records, 'utf8');

        failingFile = file;
        const failed = await runCli(['ingest', 'second.csv'], { cwd: dir }).finally(() => {
          failingFile = null;
        });
        expect(failed.exitCode).toBe(ExitCode.CouldNotRun);
        const errors = failed.stderr.split('\n').filter((line) => line.startsWith('error:'));
        expect(errors).toEqual([
          `error: ${paths.dir}: cannot write to the store (no space left on the device); it holds what was written before`,
        ]);
        expect(failed.stderr).not.toContain('bug in tlap');
        const after = await readFile(paths.records, 'utf8');
        expect(after.endsWith('\n')).toBe(true);
        expect(after.startsWith(before)).toBe(true);

        const themes = await runCli(['themes', '--format', 'json'], { cwd: dir });
        expect(themes.exitCode).toBe(ExitCode.Ok);
        const again = await runCli(['ingest', 'second.csv', '--json'], { cwd: dir });
        expect(again.stderr).not.toContain('error:');
        const retry = await runCli(['themes', '--format', 'json'], { cwd: dir });
        expect(JSON.parse(retry.stdout)).toMatchObject({ records_total: 43 });
      });
    },
  );
});
