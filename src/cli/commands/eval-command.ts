import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError, UsageError } from '../../errors.js';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The flags of `tlap eval`. */
interface EvalFlags {
  store: string;
  themes: string;
  gold?: string;
  goldColumn?: string;
  json?: boolean;
  suggest?: boolean;
  patch?: string;
}

/** Registers `tlap eval`. */
export function registerEvalCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('eval')
    .description(COMMAND_DESCRIPTIONS.eval)
    .option(
      '--gold <file>',
      "the human coding: a CSV or .xlsx with source_id (or id) and themes (ids or labels joined by ;), a 0/1 column per theme, a sheet from tlap sample, or JSON Lines such as ThemeFinder's mapping.jsonl",
    )
    .option('--gold-column <name>', 'the human coding is this column of the ingested exports (theme ids or labels joined by ;)')
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option('--json', 'print the evaluation as JSON')
    .option('--suggest', 'suggest keywords to add and drop, cross-validated on the gold')
    .option('--patch <file>', 'write the codebook with the suggestions applied to this file (implies --suggest)')
    .addHelpText(
      'after',
      `
Examples:
  tlap eval --gold coded.csv                          precision, recall, F1, kappa per theme; the keyword behind each error
  tlap eval --gold coded.csv --suggest                 keywords to add or drop, by their effect on F1
  tlap eval --gold coded.csv --patch themes.new.yaml   the codebook with those changes, to review as a diff
  tlap eval --gold-column Theme                       the coding a column of the exports already holds`,
    )
    .action(async (flags: EvalFlags) => {
      const output = messages();
      if ((flags.gold === undefined) === (flags.goldColumn === undefined)) {
        throw new UsageError('give the human coding with one of --gold or --gold-column', {
          hint: 'tlap eval --gold coded.csv, or tlap eval --gold-column COLUMN when the exports hold the coding',
        });
      }
      const { evaluateStore, goldOfStore } = await import('../../analysis/analysis-runs.js');
      const { renderEvalText, suggestionsLowerHeldOut } = await import('../../analysis/analysis-text.js');
      const { goldPlace, goldWarnings, readGoldFile } = await import('../../stats/gold-file.js');
      const { applySuggestions } = await import('../../analysis/codebook-patch.js');
      const { readCodebookText } = await import('../../codebook/load-codebook.js');
      const themesPath = resolve(io.cwd, flags.themes);
      const { loadCodebookForCli } = await import('../codebook-loading.js');
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const gold =
        flags.gold === undefined
          ? await goldOfStore(resolve(io.cwd, flags.store), flags.goldColumn ?? '')
          : await readGoldFile(resolve(io.cwd, flags.gold), flags.gold).catch((error: unknown) => {
              throw withGoldColumnHint(error);
            });
      for (const problem of goldWarnings(gold, flags.gold ?? '')) output.warn(`${goldPlace(problem)}: ${problem.message}`);
      const suggest = flags.suggest === true || flags.patch !== undefined;
      const { report, suggestions } = await evaluateStore(resolve(io.cwd, flags.store), codebook, gold, { suggest });
      if (flags.json === true) {
        const json =
          suggestions === null ? report : { ...report, suggestions: suggestions.suggestions, suggestions_method: suggestions.method };
        io.stdout.write(`${JSON.stringify(json)}\n`);
      } else io.stdout.write(renderEvalText(report, suggestions));
      if (flags.patch !== undefined && suggestions !== null) {
        const patched = applySuggestions(await readCodebookText(themesPath, flags.themes), suggestions.suggestions);
        const { writeFileAtomically } = await import('../../store/atomic-write.js');
        await writeFileAtomically(
          resolve(io.cwd, flags.patch),
          (async function* () {
            yield patched;
          })(),
          flags.patch,
        );
        const lowered = suggestionsLowerHeldOut(suggestions) ? '; held out they lower macro-F1, so code more records first' : '';
        output.note(
          `wrote ${flags.patch} with ${suggestions.suggestions.length} suggested changes (review: diff ${flags.themes} ${flags.patch})${lowered}`,
        );
      }
      setExitCode(ExitCode.Ok);
    });
}

/**
 * A gold file without the columns that name records may be an export whose coding is a column of
 * its own (the NHS FFT file's `target`), which `--gold-column` reads from the store: the error
 * says so beside the layout a gold file has.
 */
function withGoldColumnHint(error: unknown): unknown {
  if (!(error instanceof InputError) || error.code !== 'GOLD_MISSING_COLUMN' || error.location?.line !== 1) return error;
  const hint = `${error.hint ?? 'a gold file names each record by its source_id or id'}; if it is an export you ingested with the coding in a column of its own, name that column instead: tlap eval --gold-column COLUMN`;
  return new InputError(error.reason, { ...(error.location === undefined ? {} : { location: error.location }), code: error.code, hint });
}
