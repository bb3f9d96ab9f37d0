import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { StaleOutputError, UsageError } from '../../errors.js';
import { REPORT_FORMATS } from '../../report/report-formats.js';
import type { ThemeOutputOptions } from '../../run/theme-output.js';
import { CHANNELS, isChannel, type Channel } from '../../record/record.js';
import type { RecordSelection } from '../../run/record-selection.js';
import type { CommandContext } from '../command-context.js';
import { writeFileAtomically } from '../atomic-write.js';
import { writeChunks } from '../stream-output.js';

/** The flags of `tlap themes`. */
interface ThemesFlags {
  store: string;
  themes: string;
  format?: string;
  out?: string;
  check?: string;
  authors?: boolean;
  ids?: boolean;
  since?: string;
  until?: string;
  channel?: string[];
  source?: string;
  question?: string;
  diff?: string;
  threads?: string;
}

/** Flag hints for the selection errors the run reports by code. */
const SELECTION_HINTS: Readonly<Record<string, string>> = {
  EMPTY_SELECTION: 'widen --since/--until, --channel, --source or --question (tlap themes without them reports on the whole store)',
  BAD_SELECTION_DATE: 'write --since and --until as YYYY-MM-DD, --since not after --until',
  BAD_SELECTION_GLOB: 'close every { in --source, e.g. --source "exports/*.{csv,xlsx}"',
};

function withSelectionHint(error: unknown): unknown {
  if (error instanceof UsageError && error.code !== undefined && SELECTION_HINTS[error.code] !== undefined) {
    return new UsageError(error.message, { code: error.code, hint: SELECTION_HINTS[error.code] ?? '', cause: error });
  }
  return error;
}

function channelList(values: readonly string[] | undefined): Channel[] | undefined {
  if (values === undefined) return undefined;
  const names = values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  for (const name of names) {
    if (!isChannel(name)) throw new UsageError(`unknown channel "${name}"`, { hint: `--channel takes one of: ${CHANNELS.join(', ')}` });
  }
  return names as Channel[];
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
};

/** The most diff lines printed for a stale `--check`. */
const DIFF_LINES = 40;

/** Picks the output format: `--format`, else the extension of `--out` / `--check`, else md. */
export function chooseReportFormat(flags: Pick<ThemesFlags, 'format' | 'out' | 'check'>): string {
  if (flags.format !== undefined) return flags.format;
  const target = flags.out ?? flags.check;
  return (target === undefined ? undefined : FORMAT_BY_EXTENSION[extname(target).toLowerCase()]) ?? 'md';
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join('');
}

/** A short unified diff of what `--check` found, at most {@link DIFF_LINES} lines. */
export async function shortDiff(file: string, onDisk: string, expected: string): Promise<string> {
  const { createPatch } = await import('diff');
  const lines = createPatch(file, onDisk, expected, 'committed', 'regenerated').split('\n').slice(2);
  const shown = lines.slice(0, DIFF_LINES);
  if (lines.length > DIFF_LINES) shown.push(`… ${lines.length - DIFF_LINES} more diff lines`);
  return shown.join('\n');
}

function selectionOf(flags: ThemesFlags): RecordSelection {
  const channels = channelList(flags.channel);
  return {
    ...(flags.since === undefined ? {} : { since: flags.since }),
    ...(flags.until === undefined ? {} : { until: flags.until }),
    ...(channels === undefined ? {} : { channels }),
    ...(flags.source === undefined ? {} : { source: flags.source }),
    ...(flags.question === undefined ? {} : { question: flags.question }),
  };
}

/** Registers `tlap themes`. */
export function registerThemesCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('themes')
    .description('assign records to themes from the codebook and write the summary report')
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option(
      '--format <name>',
      `report format: ${REPORT_FORMATS.map((format) => format.name).join(', ')} (default: from --out's extension, else md)`,
    )
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--check <file>', 'exit 1 with a diff when this file is not what would be written (for CI)')
    .option('--authors', 'show authors with quotes and in the CSV (off: reports are published)')
    .option('--ids', "add the exports' own ids (source_id) for your private use: the output is then not fit to publish")
    .option('--since <date>', 'report on records dated on or after this day (YYYY-MM-DD, UTC); undated records are left out')
    .option('--until <date>', 'report on records dated on or before this day (YYYY-MM-DD, UTC); undated records are left out')
    .option('--channel <name...>', `report on these channels only (${CHANNELS.join(', ')})`)
    .option('--source <glob>', 'report on records read from export files matching this glob (as stored in the record)')
    .option('--question <text>', 'report on survey answers whose question contains this text (any case)')
    .option('--diff <old.json>', 'say what changed since an earlier --format json report')
    .option(
      '--threads <n>',
      'worker threads that match records (0: none; default: one per core beyond the first, for stores of 16 MiB or more)',
    )
    .addHelpText(
      'after',
      `
Examples:
  tlap themes > summary.md                  markdown summary on stdout
  tlap themes --out summary.md              write it to a file
  tlap themes --format csv --out coded.csv  one row per record with its themes
  tlap themes --check summary.md            in CI: fail (exit 1) when summary.md is stale
  tlap themes --since 2014-01-20 --until 2014-01-31 --channel twitter   one event's tweets
  tlap themes --question "Q3" --out q3.md   the answers to one survey question
  tlap themes --diff summary.json           key findings and a table of what changed`,
    )
    .action(async (flags: ThemesFlags) => {
      const output = messages();
      if (flags.out !== undefined && flags.check !== undefined) {
        throw new UsageError('--out and --check cannot be used together', { hint: 'write with --out, or compare with --check' });
      }
      const [{ loadCodebookForCli }, { themeOutput }] = await Promise.all([
        import('../codebook-loading.js'),
        import('../../run/theme-output.js'),
      ]);
      if (flags.ids === true) {
        output.warn(
          "--ids adds the exports' own ids (e-mail Message-IDs, tweet ids, survey response ids): this output is not fit to publish",
        );
      }
      const threads = flags.threads === undefined ? undefined : Number(flags.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) {
        throw new UsageError(`--threads ${flags.threads}: expected a whole number from 0 to 64`);
      }
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const started = Date.now();
      const options: ThemeOutputOptions = {
        storeDir: resolve(io.cwd, flags.store),
        codebook,
        format: chooseReportFormat(flags),
        includeAuthors: flags.authors === true,
        includeSourceIds: flags.ids === true,
        selection: selectionOf(flags),
        ...(flags.diff === undefined ? {} : { earlierReport: resolve(io.cwd, flags.diff) }),
        ...(threads === undefined ? {} : { threads }),
        onRecord: (count) => {
          if (count % 5000 !== 0) return;
          const elapsed = Date.now() - started;
          output.progress(`theming: ${count} records, ${elapsed > 0 ? Math.round((count / elapsed) * 1000) : 0} records/s`);
        },
      };
      if (flags.check !== undefined) {
        const expected = await collect(themeOutput(options)).catch((error: unknown) => {
          throw withSelectionHint(error);
        });
        output.clearProgress();
        const onDisk = await readFile(resolve(io.cwd, flags.check), 'utf8').catch(() => null);
        if (onDisk === expected) {
          output.note(`${flags.check} is up to date`);
          setExitCode(ExitCode.Ok);
          return;
        }
        if (onDisk !== null) io.stderr.write(`${await shortDiff(flags.check, onDisk, expected)}\n`);
        throw new StaleOutputError(
          onDisk === null ? `${flags.check} does not exist` : `${flags.check} is stale: it is not what tlap themes would write now`,
          `regenerate it with: tlap themes --out ${flags.check}`,
        );
      }
      if (flags.out !== undefined) {
        await writeFileAtomically(resolve(io.cwd, flags.out), themeOutput(options), flags.out).catch((error: unknown) => {
          throw withSelectionHint(error);
        });
        output.clearProgress();
        output.note(`wrote ${flags.out}`);
      } else {
        await writeChunks(io.stdout, themeOutput(options)).catch((error: unknown) => {
          throw withSelectionHint(error);
        });
        output.clearProgress();
      }
      setExitCode(ExitCode.Ok);
    });
}
