import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../errors.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap explain`. */
interface ExplainFlags {
  store: string;
  themes: string;
  text?: string;
  json?: boolean;
}

/** Registers `tlap explain`. */
export function registerExplainCommand(program: Command, { io, messages, setExitCode, colourFor }: CommandContext): void {
  program
    .command('explain')
    .description(COMMAND_DESCRIPTIONS.explain)
    .argument('[ids...]', 'record ids or source ids from the store')
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option('--text <text>', 'explain this text instead of stored records')
    .option('--json', 'print JSON Lines, one object per record, every theme listed')
    .addHelpText(
      'after',
      `
Examples:
  tlap explain r_3f2a9c1d                     why this record got its themes
  tlap explain helen-001@example.com          a record by its source id
  tlap explain --text "staff did not listen"  any text
  tlap explain r_3f2a9c1d --json              JSON Lines: {"id","source_id","from","text","themes":[…]}`,
    )
    .action(async (ids: string[], flags: ExplainFlags) => {
      const output = messages();
      if (ids.length === 0 && flags.text === undefined) {
        throw new UsageError('name at least one record id or source id, or give --text', {
          hint: 'tlap explain ID… or tlap explain --text "some words"',
        });
      }
      const [
        { loadCodebookForCli },
        { Explainer, explanationJsonLine, findStoreRecords, renderExplanation, PLAIN_STYLE },
        { Chalk },
        { writeChunks },
      ] = await Promise.all([
        import('../codebook-loading.js'),
        import('../../analysis/explain.js'),
        import('chalk'),
        import('../stream-output.js'),
      ]);
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const explainer = new Explainer(codebook);
      const explanations = flags.text === undefined ? [] : [explainer.text(flags.text)];
      let missing: string[] = [];
      if (ids.length > 0) {
        const found = await findStoreRecords(resolve(io.cwd, flags.store), ids);
        explanations.push(...found.records.map((record) => explainer.record(record)));
        missing = found.missing;
      }
      const chalk = new Chalk({ level: colourFor(io.stdout) && flags.json !== true ? 1 : 0 });
      const style =
        chalk.level === 0
          ? PLAIN_STYLE
          : {
              hit: (text: string) => chalk.bold.green(text),
              vetoed: (text: string) => chalk.strikethrough.red(text),
              dim: (text: string) => chalk.dim(text),
            };
      await writeChunks(
        io.stdout,
        (async function* () {
          for (const explanation of explanations) {
            yield flags.json === true ? explanationJsonLine(explanation) : `${renderExplanation(explanation, codebook, style)}\n`;
          }
        })(),
      );
      for (const id of missing) {
        const asText = /\s/.test(id.trim()) ? ` (to explain a text of your own, give it with --text "${id}")` : '';
        output.warn(`no record with id or source id "${id}" in ${flags.store}${asText}`);
      }
      setExitCode(missing.length > 0 ? ExitCode.Findings : ExitCode.Ok);
    });
}
