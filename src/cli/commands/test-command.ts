import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap test`. */
interface TestFlags {
  themes: string;
}

/** Registers `tlap test`. */
export function registerTestCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('test')
    .description(COMMAND_DESCRIPTIONS.test)
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .addHelpText(
      'after',
      `
Exit codes: 0 every example passes; 1 some fail (each printed as themes.yaml:LINE:COL with why); 2 the codebook has errors.`,
    )
    .action(async (flags: TestFlags) => {
      const output = messages();
      const [{ loadCodebookForCli }, { checkCodebookExamples, describeExampleFailure }] = await Promise.all([
        import('../codebook-loading.js'),
        import('../../analysis/codebook-examples.js'),
      ]);
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const results = checkCodebookExamples(codebook);
      for (const failure of results.failures) io.stdout.write(`${describeExampleFailure(failure, codebook.file)}\n`);
      if (results.total === 0) output.note(`${flags.themes} has no examples: add examples: {match: […], no_match: […]} to a theme`);
      else {
        const failed = results.failures.length;
        output.note(`${results.total} examples, ${output.highlight(`${failed} failed`, failed > 0)}`);
      }
      setExitCode(results.failures.length > 0 ? ExitCode.Findings : ExitCode.Ok);
    });
}
