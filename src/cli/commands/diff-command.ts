import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** Registers `tlap diff OLD NEW`: a markdown changelog between two JSON reports, exit 0 either way. */
export function registerDiffCommand(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('diff')
    .description(COMMAND_DESCRIPTIONS.diff)
    .argument('<old>', 'the earlier JSON report')
    .argument('<new>', 'the later JSON report')
    .addHelpText(
      'after',
      `
Examples:
  tlap themes --format json --out new.json && tlap diff summary.json new.json > changes.md`,
    )
    .action(async (oldFile: string, newFile: string) => {
      const { parseJsonReport, renderReportDiff } = await import('../../report/report-diff.js');
      const read = async (file: string): Promise<string> =>
        readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
          throw new InputError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
        });
      const [before, after] = await Promise.all([read(oldFile), read(newFile)]);
      io.stdout.write(renderReportDiff(parseJsonReport(before, oldFile), parseJsonReport(after, newFile)));
      setExitCode(ExitCode.Ok);
    });
}
