import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { StaleOutputError, UsageError } from '../../errors.js';
import { REPORT_FORMATS } from '../../report/report-formats.js';
import type { ThemeOutputOptions } from '../../run/theme-output.js';
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
    .addHelpText(
      'after',
      `
Examples:
  tlap themes > summary.md                  markdown summary on stdout
  tlap themes --out summary.md              write it to a file
  tlap themes --format csv --out coded.csv  one row per record with its themes
  tlap themes --check summary.md            in CI: fail (exit 1) when summary.md is stale`,
    )
    .action(async (flags: ThemesFlags) => {
      const output = messages();
      if (flags.out !== undefined && flags.check !== undefined) {
        throw new UsageError('--out and --check cannot be used together', { hint: 'write with --out, or compare with --check' });
      }
      const [{ loadCodebookForCli }, { themeOutput }, { createRedactor }] = await Promise.all([
        import('../codebook-loading.js'),
        import('../../run/theme-output.js'),
        import('../../report/publication-redactor.js'),
      ]);
      if (flags.ids === true) {
        output.warn(
          "--ids adds the exports' own ids (e-mail Message-IDs, tweet ids, survey response ids): this output is not fit to publish",
        );
      }
      const codebook = await loadCodebookForCli(io, output, flags.themes);
      const started = Date.now();
      const options: ThemeOutputOptions = {
        storeDir: resolve(io.cwd, flags.store),
        codebook,
        format: chooseReportFormat(flags),
        includeAuthors: flags.authors === true,
        includeSourceIds: flags.ids === true,
        redact: createRedactor(codebook),
        onRecord: (count) => {
          if (count % 5000 !== 0) return;
          const elapsed = Date.now() - started;
          output.progress(`theming: ${count} records, ${elapsed > 0 ? Math.round((count / elapsed) * 1000) : 0} records/s`);
        },
      };
      if (flags.check !== undefined) {
        const expected = await collect(themeOutput(options));
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
        await writeFileAtomically(resolve(io.cwd, flags.out), themeOutput(options), flags.out);
        output.clearProgress();
        output.note(`wrote ${flags.out}`);
      } else {
        await writeChunks(io.stdout, themeOutput(options));
        output.clearProgress();
      }
      setExitCode(ExitCode.Ok);
    });
}
