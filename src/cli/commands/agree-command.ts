import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap agree`. */
interface AgreeFlags {
  themes: string;
  json?: boolean;
}

/** Registers `tlap agree`. */
export function registerAgreeCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('agree')
    .description(COMMAND_DESCRIPTIONS.agree)
    .argument('<first>', "the first coder's coding: a coding sheet from tlap sample, or any gold file tlap eval reads")
    .argument('<second>', "the second coder's coding of the same records")
    .option('--themes <file>', 'the codebook (its theme ids and labels)', 'themes.yaml')
    .option('--json', 'print the agreement as JSON')
    .addHelpText(
      'after',
      `
Examples:
  tlap sample --out coder-a.csv && cp coder-a.csv coder-b.csv   one sheet, coded apart by two people
  tlap agree coder-a.csv coder-b.csv                           kappa per theme, and the records coded differently`,
    )
    .action(async (first: string, second: string, flags: AgreeFlags) => {
      const output = messages();
      const { loadCodebookForCli } = await import('../codebook-loading.js');
      const { goldPlace, goldWarnings, readGoldFile } = await import('../../stats/gold-file.js');
      const { compareCoders } = await import('../../analysis/coder-agreement.js');
      const { renderAgreementText } = await import('../../analysis/analysis-text.js');
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const [firstGold, secondGold] = await Promise.all([
        readGoldFile(resolve(io.cwd, first), first),
        readGoldFile(resolve(io.cwd, second), second),
      ]);
      for (const problem of [...goldWarnings(firstGold, first), ...goldWarnings(secondGold, second)])
        output.warn(`${goldPlace(problem)}: ${problem.message}`);
      const agreement = compareCoders(codebook, firstGold, secondGold);
      if (flags.json === true) io.stdout.write(`${JSON.stringify(agreement)}\n`);
      else io.stdout.write(renderAgreementText(agreement, first, second));
      setExitCode(ExitCode.Ok);
    });
}
