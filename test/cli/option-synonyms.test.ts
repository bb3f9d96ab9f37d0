import { describe, expect, test } from '@jest/globals';
import { ExitCode } from '../../src/exit-codes.js';
import { runCli } from '../builders/cli-runner.js';
import { withTempDir } from '../builders/temp-dir.js';

describe('a flag from another tool gets the tlap flag it meant', () => {
  test.each([
    [['themes', '--codebook', 'codes.yaml'], "unknown option '--codebook'\n(Did you mean --themes <file>?)\n"],
    [['audit', '--coding-frame', 'codes.yaml'], "unknown option '--coding-frame'\n(Did you mean --themes <file>?)\n"],
    [['themes', '-o', 'summary.md'], "unknown option '-o'\n(Did you mean --out <file>?)\n"],
    [['ingest', '--db', 'store', 'exports'], "unknown option '--db'\n(Did you mean --store <dir>?)\n"],
  ])('tlap %j', async (argv, expected) => {
    await withTempDir(async (dir) => {
      const result = await runCli(argv, { cwd: dir });
      expect([result.exitCode, result.stdout, result.stderr]).toEqual([ExitCode.CouldNotRun, '', `error: ${expected}`]);
    });
  });

  test('only a flag the command has is suggested, and an unknown flag with no meaning is left as Commander words it', async () => {
    await withTempDir(async (dir) => {
      const noThemes = await runCli(['test', '--db', 'store'], { cwd: dir });
      const unknown = await runCli(['themes', '--bogus'], { cwd: dir });
      expect([noThemes.stderr, unknown.stderr]).toEqual(["error: unknown option '--db'\n", "error: unknown option '--bogus'\n"]);
    });
  });
});
