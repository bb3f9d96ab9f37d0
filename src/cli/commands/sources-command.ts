import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../errors.js';
import { counted } from '../../counted.js';
import type { StoreSource } from '../../store/store-sources.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The table `tlap sources` prints: one row per file, columns aligned. */
export function describeSources(sources: readonly StoreSource[]): string {
  const rows = [
    ['FILE', 'FORMAT', 'RECORDS', 'ONLY HERE', 'REJECTED'],
    ...sources.map((source) => [
      source.file,
      source.format ?? '-',
      String(source.records),
      String(source.onlyHere),
      String(source.rejected),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => rows.reduce((widest, row) => Math.max(widest, (row[column] ?? '').length), 0)) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * The files of the store's list that `given` names: the file as listed, or the same path written
 * relative to `cwd`; or, for a zip archive or folder that was read, every file listed inside it.
 */
export function matchIngestedFiles(given: string, listed: ReadonlySet<string>, cwd: string): string[] {
  const absolute = resolve(cwd, given);
  const candidates = [given, relative(cwd, absolute), absolute];
  for (const candidate of candidates) if (listed.has(candidate)) return [candidate];
  for (const candidate of candidates) {
    const folder = candidate.replace(/\/+$/, '');
    if (folder === '') continue;
    const prefix = `${folder}/`;
    const inside = [...listed].filter((file) => file.startsWith(prefix));
    if (inside.length > 0) return inside;
  }
  return [];
}

/** Registers `tlap sources` and `tlap forget`. */
export function registerSourcesCommands(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('sources')
    .description(COMMAND_DESCRIPTIONS.sources)
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--json', 'print the list as JSON')
    .addHelpText(
      'after',
      `
Examples:
  tlap sources                  FILE  FORMAT  RECORDS  ONLY HERE  REJECTED
  tlap sources --json           [{"file":…,"format":…,"records":…,"only_here":…,"rejected":…}]`,
    )
    .action(async (flags: { store: string; json?: boolean }) => {
      const { listStoreSources } = await import('../../store/store-sources.js');
      const sources = await listStoreSources(resolve(io.cwd, flags.store));
      if (flags.json === true) {
        const list = sources.map((source) => ({
          file: source.file,
          format: source.format,
          records: source.records,
          only_here: source.onlyHere,
          rejected: source.rejected,
        }));
        io.stdout.write(`${JSON.stringify(list)}\n`);
      } else if (sources.length === 0) {
        messages().note(`${flags.store} holds no records`);
      } else {
        io.stdout.write(`${describeSources(sources)}\n`);
      }
      setExitCode(ExitCode.Ok);
    });

  program
    .command('forget')
    .description(COMMAND_DESCRIPTIONS.forget)
    .argument('<files...>', 'files as tlap sources lists them (a zip archive or folder: every file read from it)')
    .option('--store <dir>', 'the record store folder', '.tlap')
    .addHelpText(
      'after',
      `
Examples:
  tlap forget exports/old-survey.csv        records also held by another file stay
  tlap forget exports/form-responses.zip    every file read from the archive`,
    )
    .action(async (files: string[], flags: { store: string }) => {
      const { listStoreSources, forgetFiles } = await import('../../store/store-sources.js');
      const storeDir = resolve(io.cwd, flags.store);
      const listed = new Set((await listStoreSources(storeDir)).map((source) => source.file));
      const named: string[] = [];
      for (const file of files) {
        const matches = matchIngestedFiles(file, listed, io.cwd);
        if (matches.length === 0) {
          throw new UsageError(`${file}: the store ${flags.store} holds nothing from a file of that name`, {
            hint: `tlap sources${flags.store === '.tlap' ? '' : ` --store ${flags.store}`} lists the files as they were given at ingest`,
          });
        }
        named.push(...matches.filter((match) => !named.includes(match)));
      }
      const result = await forgetFiles(storeDir, named);
      const output = messages();
      const kept = result.kept > 0 ? `; kept ${counted(result.kept, 'record')} another file also held` : '';
      const rejections = result.rejectionsRemoved > 0 ? `; removed ${counted(result.rejectionsRemoved, 'rejection')}` : '';
      output.note(`forgot ${named.join(', ')}: removed ${counted(result.removed, 'record')}${kept}${rejections}`);
      setExitCode(ExitCode.Ok);
    });
}
