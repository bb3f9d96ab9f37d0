import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { StaleOutputError, UsageError } from '../../errors.js';
import { REPORT_FORMATS } from '../../report/report-formats.js';
import type { ThemeOutputOptions } from '../../run/theme-output.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';
import { shellWord } from '../shell-word.js';
import { addSelectionOptions, selectionOf, withSelectionHint, type SelectionFlags } from '../selection-flags.js';

/** What `tlap themes` does without selection flags, as a hint says it. */
const WITHOUT_SELECTION = 'tlap themes without them reports on the whole store';

/** The flags of `tlap themes`. */
interface ThemesFlags extends SelectionFlags {
  store: string;
  themes: string;
  format?: string;
  out?: string;
  check?: string;
  authors?: boolean;
  ids?: boolean;
  groups?: string;
  diff?: string;
  threads?: string;
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

/** Records themed between two progress lines, unless the caller gives another interval. */
const THEMING_PROGRESS_EVERY = 5000;

/** `--out -`: the report goes to standard output. */
const STDOUT_PATH = '-';

/**
 * Picks the output format: `--format`, else the extension of `--out` / `--check`, else md (for
 * stdout). A file whose extension no format claims is a UsageError: tlap does not guess.
 */
export function chooseReportFormat(flags: Pick<ThemesFlags, 'format' | 'out' | 'check'>): string {
  if (flags.format !== undefined) return flags.format;
  const target = flags.out ?? flags.check;
  if (target === undefined || target === STDOUT_PATH) return 'md';
  const format = FORMAT_BY_EXTENSION[extname(target).toLowerCase()];
  if (format === undefined) {
    const flag = flags.out === undefined ? '--check' : '--out';
    const extensions = Object.keys(FORMAT_BY_EXTENSION).join(' ');
    throw new UsageError(`${flag} ${target}: no report format has this extension (known: ${extensions})`, {
      hint: `give the format too, for example ${flag} ${target} --format md`,
    });
  }
  return format;
}

/** The real path of `path`, or of its folder joined with its name when it does not exist yet. */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
  }
}

/** Identifies a file by device and inode, so that a hard link to a protected file is caught too. */
async function fileIdentity(path: string): Promise<string | null> {
  return stat(path).then(
    (info) => (info.isFile() ? `${info.dev}:${info.ino}` : null),
    () => null,
  );
}

/**
 * Refuses an `--out` that is one of the run's own inputs: a file of the store (records,
 * rejections, sources, manifest, lock, seal) or the codebook in use, by real path and by inode.
 */
export async function refuseOverwritingInputs(out: string, displayOut: string, storeDir: string, codebookPath: string): Promise<void> {
  const { storePaths } = await import('../../store/record-store.js');
  const paths = storePaths(storeDir);
  const inputs: [string, string][] = [
    [paths.records, 'the store’s records'],
    [paths.rejected, 'the store’s rejected items'],
    [paths.sources, 'the store’s sources'],
    [paths.manifest, 'the store’s manifest'],
    [paths.lock, 'the store’s lock'],
    [paths.seal, 'the store’s seal on its records'],
    [codebookPath, 'the codebook in use'],
  ];
  const target = await realPathOf(out);
  const targetIdentity = await fileIdentity(out);
  for (const [path, role] of inputs) {
    const same = (await realPathOf(path)) === target || (targetIdentity !== null && targetIdentity === (await fileIdentity(path)));
    if (same) {
      throw new UsageError(`--out ${displayOut}: that is ${role} (${path}); tlap will not overwrite it with a report`, {
        hint: 'write the report to another file, for example --out summary.md',
      });
    }
  }
}

/** How to run the same `tlap themes` again with `--out FILE`: every flag that was given, repeated. */
function regenerateCommand(flags: ThemesFlags, file: string, given: (name: string) => boolean): string {
  const parts = ['tlap themes'];
  if (given('store')) parts.push(`--store ${shellWord(flags.store)}`);
  if (given('themes')) parts.push(`--themes ${shellWord(flags.themes)}`);
  if (flags.format !== undefined) parts.push(`--format ${shellWord(flags.format)}`);
  if (flags.authors === true) parts.push('--authors');
  if (flags.ids === true) parts.push('--ids');
  for (const name of ['since', 'until', 'source', 'question', 'groups', 'diff'] as const) {
    const value = flags[name];
    if (value !== undefined) parts.push(`--${name} ${shellWord(value)}`);
  }
  for (const channel of flags.channel ?? []) parts.push(`--channel ${shellWord(channel)}`);
  parts.push(`--out ${shellWord(file)}`);
  return parts.join(' ');
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

/** Registers `tlap themes`. */
export function registerThemesCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  const command = program
    .command('themes')
    .description(COMMAND_DESCRIPTIONS.themes)
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--themes <file>', 'the codebook', 'themes.yaml')
    .option(
      '--format <name>',
      `report format: ${REPORT_FORMATS.map((format) => format.name).join(', ')} (default: from --out's extension, else md)`,
    )
    .option('--out <file>', 'write the report to this file (atomically); - for stdout')
    .option('--check <file>', 'exit 1 with a diff when this file is not what would be written (for CI)')
    .option('--authors', 'show authors with quotes and in the CSV (off: reports are published)')
    .option('--ids', "add the exports' own ids (source_id) for your private use: the output is then not fit to publish");
  addSelectionOptions(command, 'report on')
    .option(
      '--groups <question>',
      'break themes down by respondent group: the answers to the closed question containing this text (any case); wins over report.groups in the codebook',
    )
    .option('--diff <old.json>', 'say what changed since an earlier --format json report')
    .option(
      '--threads <n>',
      'worker threads that read and match records (0: none; default: one per core but one, up to 3, for stores of 16 MiB or more)',
    )
    .addHelpText(
      'after',
      `
Examples:
  tlap themes > summary.md                  markdown summary on stdout
  tlap themes --out summary.md              write it to a file (.md .json .csv .html pick the format)
  tlap themes --out notes.txt --format md   any other name needs --format
  tlap themes --format csv --out coded.csv  one row per record with its themes
  tlap themes --check summary.md            in CI: fail (exit 1) when summary.md is stale
  tlap themes --since 2014-01-20 --until 2014-01-31 --channel twitter   one event's tweets
  tlap themes --question "Q3" --out q3.md   the answers to one survey question
  tlap themes --groups "responding as"      themes by respondent group (individuals, organisations…)
  tlap themes --diff summary.json           key findings and a table of what changed`,
    )
    .action(async (flags: ThemesFlags, command: Command) => {
      const output = messages();
      const given = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
      if (flags.out !== undefined && flags.check !== undefined) {
        throw new UsageError('--out and --check cannot be used together', { hint: 'write with --out, or compare with --check' });
      }
      if (flags.ids === true) {
        output.warn(
          "--ids adds the exports' own ids (e-mail Message-IDs, tweet ids, survey response ids): this output is not fit to publish",
        );
      }
      const threads = flags.threads === undefined ? undefined : Number(flags.threads);
      if (threads !== undefined && (!Number.isInteger(threads) || threads < 0 || threads > 64)) {
        throw new UsageError(`--threads ${flags.threads}: expected a whole number from 0 to 64`);
      }
      const groups = flags.groups?.trim();
      if (groups === '') {
        throw new UsageError('--groups needs words of the question whose answers are the respondent groups', {
          hint: 'write part of the question as the export heads it, e.g. --groups "responding as"',
        });
      }
      const format = chooseReportFormat(flags);
      const storeDir = resolve(io.cwd, flags.store);
      const { ThemeWorkers } = await import('../../run/theme-workers.js');
      const workers = await ThemeWorkers.start(storeDir, threads);
      try {
        const [{ loadCodebookForCli }, { themeOutput }] = await Promise.all([
          import('../codebook-loading.js'),
          import('../../run/theme-output.js'),
        ]);
        const out = flags.out === STDOUT_PATH ? undefined : flags.out;
        if (out !== undefined) await refuseOverwritingInputs(resolve(io.cwd, out), out, storeDir, resolve(io.cwd, flags.themes));
        const codebook = await loadCodebookForCli(io, output, flags.themes);
        const started = Date.now();
        const options: ThemeOutputOptions = {
          storeDir,
          workers,
          codebook,
          format,
          includeAuthors: flags.authors === true,
          includeSourceIds: flags.ids === true,
          selection: selectionOf(flags),
          ...(groups === undefined ? {} : { groups }),
          ...(flags.diff === undefined ? {} : { earlierReport: resolve(io.cwd, flags.diff) }),
          ...(threads === undefined ? {} : { threads }),
          onWarning: (warning) => output.warn(warning.message),
          onRecord: (count) => {
            if (count % (io.progressEvery ?? THEMING_PROGRESS_EVERY) !== 0) return;
            const elapsed = Date.now() - started;
            output.progress(`theming: ${count} records, ${elapsed > 0 ? Math.round((count / elapsed) * 1000) : 0} records/s`);
          },
        };
        if (flags.check !== undefined) {
          const expected = await collect(themeOutput(options)).catch((error: unknown) => {
            throw withSelectionHint(error, WITHOUT_SELECTION);
          });
          output.clearProgress();
          const onDisk = await readFile(resolve(io.cwd, flags.check), 'utf8').catch(() => null);
          if (onDisk === expected) {
            output.note(`${flags.check} is up to date`);
            setExitCode(ExitCode.Ok);
            return;
          }
          if (onDisk !== null && withUnixLineEnds(onDisk) === withUnixLineEnds(expected)) {
            output.note(`${flags.check} is up to date (its lines end in CRLF, as a Windows checkout writes them)`);
            setExitCode(ExitCode.Ok);
            return;
          }
          if (onDisk !== null) io.stderr.write(`${await shortDiff(flags.check, onDisk, expected)}\n`);
          throw new StaleOutputError(
            onDisk === null ? `${flags.check} does not exist` : `${flags.check} is stale: it is not what tlap themes would write now`,
            `regenerate it with: ${regenerateCommand(flags, flags.check, given)}`,
          );
        }
        if (out !== undefined) {
          const { writeFileAtomically } = await import('../../store/atomic-write.js');
          await writeFileAtomically(resolve(io.cwd, out), themeOutput(options), out).catch((error: unknown) => {
            throw withSelectionHint(error, WITHOUT_SELECTION);
          });
          output.clearProgress();
          output.note(`wrote ${out}`);
        } else {
          const { writeChunks } = await import('../stream-output.js');
          await writeChunks(io.stdout, themeOutput(options)).catch((error: unknown) => {
            throw withSelectionHint(error, WITHOUT_SELECTION);
          });
          output.clearProgress();
        }
        setExitCode(ExitCode.Ok);
      } finally {
        await workers.close();
      }
    });
}

/**
 * The text with every CRLF as LF: what git's line-ending conversion (core.autocrlf on a Windows
 * checkout) changes in a committed report without changing what it says.
 */
function withUnixLineEnds(text: string): string {
  return text.replace(/\r\n/g, '\n');
}
