import type { Command } from 'commander';
import { ExitCode } from '../../exit-codes.js';
import { UsageError } from '../../errors.js';
import { MAPPED_FIELDS } from '../../adapters/readers/mapped-fields.js';
import type { IngestOptions, IngestProgress } from '../../ingest/ingest.js';
import type { FileSummary, IngestSummary } from '../../ingest/ingest-summary.js';
import { counted } from '../../counted.js';
import { formatBytes } from '../../source/byte-size.js';
import { CHANNELS, isChannel } from '../../record/record.js';
import type { DateOrder } from '../../record/ordered-dates.js';
import type { CliIo } from '../cli-io.js';
import type { CommandContext } from '../command-context.js';
import type { TerminalMessages } from '../terminal-messages.js';
import { rejectionHintForCli, wordWarningForCli } from '../error-wording.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';
import { provenanceLocation } from '../../record/provenance-location.js';

/** The flags of `tlap ingest`, as commander parses them. */
interface IngestFlags {
  store: string;
  format?: string;
  encoding?: string;
  map: string[];
  channel?: string;
  sheet?: string;
  skipRows?: string;
  dateOrder?: string;
  documentText?: boolean;
  reviewedDraft?: boolean;
  exclude: string[];
  strict?: boolean;
  json?: boolean;
}

/** Turns `--map text=Column` flags into a field → column map. */
export function parseMapFlags(values: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const field = value.slice(0, equals).trim();
    const column = value.slice(equals + 1);
    if (equals <= 0 || column === '') {
      throw new UsageError(`--map ${value}: expected FIELD=COLUMN`, { hint: 'for example --map text="Your comments"' });
    }
    if (!(MAPPED_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map ${value}: unknown field "${field}"`, { hint: `fields: ${MAPPED_FIELDS.join(', ')}` });
    }
    map[field] = column;
  }
  return map;
}

/** The orders `--date-order` names: day/month/year, month/day/year, year/month/day. */
const DATE_ORDER_FLAGS: ReadonlyMap<string, DateOrder> = new Map([
  ['dmy', 'day-month-year'],
  ['mdy', 'month-day-year'],
  ['ymd', 'year-month-day'],
]);

/** Translates the flags into {@link IngestOptions}. */
export function ingestOptionsFromFlags(paths: string[], flags: IngestFlags, io: CliIo): IngestOptions {
  const options: IngestOptions = {
    paths,
    storeDir: flags.store,
    cwd: io.cwd,
    map: parseMapFlags(flags.map),
    strict: flags.strict === true,
  };
  if (io.stdin !== undefined) options.stdin = io.stdin;
  if (flags.format !== undefined) options.format = flags.format;
  if (flags.encoding !== undefined) options.encoding = flags.encoding;
  if (flags.sheet !== undefined) options.sheet = flags.sheet;
  if (flags.exclude.length > 0) options.exclude = flags.exclude;
  if (flags.documentText === true) options.documentText = true;
  if (flags.reviewedDraft === true) options.reviewedDraft = true;
  if (flags.channel !== undefined) {
    if (!isChannel(flags.channel)) {
      throw new UsageError(`--channel ${flags.channel}: unknown channel`, { hint: `channels: ${CHANNELS.join(', ')}` });
    }
    options.channel = flags.channel;
  }
  if (flags.skipRows !== undefined) {
    const rows = Number(flags.skipRows);
    if (!Number.isInteger(rows) || rows < 0) throw new UsageError(`--skip-rows ${flags.skipRows}: expected a whole number`);
    options.skipRows = rows;
  }
  if (flags.dateOrder !== undefined) {
    const order = DATE_ORDER_FLAGS.get(flags.dateOrder);
    if (order === undefined) throw new UsageError(`--date-order ${flags.dateOrder}: expected dmy, mdy or ymd`);
    options.dateOrder = order;
  }
  return options;
}

function describeCounts(summary: IngestSummary, messages: TerminalMessages): string {
  const parts = [
    `${summary.read} read`,
    `${summary.added} added`,
    counted(summary.duplicates, 'duplicate'),
    `${summary.filtered} filtered`,
    messages.highlight(`${summary.rejected} rejected`, summary.rejected > 0),
  ];
  return `${counted(summary.files, 'file')}: ${parts.join(', ')}`;
}

/** The most per-file lines the summary prints (all are in --json). */
const LISTED_FILES = 50;

/** The rejections the summary lists when there are more of them than the ingest kept. */
const LISTED_WHEN_MANY = 20;

/** One concise line per file: its format and what its items became (zero counts left out). */
function describeFile(file: FileSummary, messages: TerminalMessages): string {
  const parts = [`${file.read} read`, `${file.added} added`];
  if (file.duplicates > 0) parts.push(counted(file.duplicates, 'duplicate') + (file.updated > 0 ? ` (${file.updated} updated)` : ''));
  if (file.filtered > 0) parts.push(`${file.filtered} filtered`);
  if (file.rejected > 0) parts.push(messages.highlight(`${file.rejected} rejected`, true));
  return `  ${file.file} (${file.format ?? 'unread'}): ${parts.join(', ')}`;
}

/** The per-file list of `--json`, with the keys the README documents. */
export function perFileJson(files: readonly FileSummary[]): Record<string, string | number | null>[] {
  return files.map((file) => ({
    file: file.file,
    format: file.format,
    read: file.read,
    added: file.added,
    duplicates: file.duplicates,
    filtered: file.filtered,
    rejected: file.rejected,
    updated: file.updated,
  }));
}

/** The progress line: items and rate, with a percentage and the time left once the input's size says. */
export function describeProgress(progress: IngestProgress): string {
  const rate = progress.elapsedMs > 0 ? Math.round((progress.read / progress.elapsedMs) * 1000) : 0;
  const parts = [`${counted(progress.read, 'item')} read`, `${progress.added} added`, `${rate} items/s`];
  const share = progress.bytesTotal > 0 ? Math.min(progress.bytesRead / progress.bytesTotal, 1) : 0;
  if (share > 0) {
    const secondsLeft = Math.round(((progress.elapsedMs / share) * (1 - share)) / 1000);
    parts.unshift(`${Math.floor(share * 100)}% of ${formatBytes(progress.bytesTotal)}`);
    parts.push(`about ${secondsLeft < 60 ? counted(secondsLeft, 'second') : counted(Math.round(secondsLeft / 60), 'minute')} left`);
  }
  return `ingesting: ${parts.join(', ')}`;
}

function byKey(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

/** Registers `tlap ingest`; the action stores its exit code with `setExitCode`. */
export function registerIngestCommand(program: Command, { io, messages, setExitCode }: CommandContext): void {
  program
    .command('ingest')
    .description(COMMAND_DESCRIPTIONS.ingest)
    .argument('<paths...>', 'export files, folders (read recursively), or - for standard input')
    .option('--store <dir>', 'the record store folder', '.tlap')
    .option('--format <name>', 'read every file as this format (see tlap formats)')
    .option('--encoding <name>', 'text encoding, instead of detecting it (utf-8, utf-16le, windows-1252, latin1…)')
    .option(
      '--map <field=column>',
      'take a record field from this column (repeatable; fields: text, author, date, id, channel, url, inReplyTo)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--channel <name>', `set the channel of every record (${CHANNELS.join(', ')})`)
    .option('--sheet <name>', 'read only this worksheet of a workbook')
    .option('--skip-rows <n>', 'title rows to skip above a table header')
    .option('--date-order <dmy|mdy|ymd>', "how tables' numeric dates such as 02/01/2024 are read, instead of each date column's own order")
    .option(
      '--document-text',
      "read a Word, OpenDocument or PDF document holding reviewers' comments for its own text too, not only its comments",
    )
    .option(
      '--reviewed-draft',
      'read a Word or OpenDocument document holding tracked changes but no comments as a draft sent back with suggested edits: its edits, not its own text',
    )
    .option(
      '--exclude <glob>',
      'leave out files and folders matching this glob inside the folders given (repeatable; * ? **)',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--strict', 'stop at the first rejected item (exit 2)')
    .option('--json', 'print the summary as JSON on stdout')
    .addHelpText(
      'after',
      `
Examples:
  tlap ingest exports/                      read every export in a folder
  tlap ingest exports/ --exclude 'drafts' --exclude '*.bak'
  tlap ingest tweets.js comments.xml inbox.mbox
  tlap ingest survey.csv --map text="Any other comments?" --channel survey
  tlap ingest responses-us.csv --date-order mdy   01/02/2024 is 2 January
  tlap ingest draft-agreement-reviewed.docx  each reviewer's comment, with the words it is on
  cat replies.csv | tlap ingest - --format csv
  tlap ingest exports/ --json               {"files":…,"read":…,"added":…,…,"per_file":[{"file":…,"format":…,…}]}`,
    )
    .action(async (paths: string[], flags: IngestFlags) => {
      const output = messages();
      const options = ingestOptionsFromFlags(paths, flags, io);
      options.onProgress = (progress) => output.progress(describeProgress(progress));
      const { ingest, LISTED_REJECTIONS } = await import('../../ingest/ingest.js');
      const summary = await ingest(options);
      output.clearProgress();
      for (const warning of summary.warnings) output.warn(wordWarningForCli(warning));
      if (summary.skipped.length > 0) {
        output.note(`skipped ${counted(summary.skipped.length, 'file')} in a format tlap does not read: ${summary.skipped.join(', ')}`);
      }
      if (summary.notFeedback.length > 0) {
        output.note(`not feedback, not read: ${summary.notFeedback.join(', ')}`);
      }
      const listed = summary.rejected <= LISTED_REJECTIONS ? summary.rejections : summary.rejections.slice(0, LISTED_WHEN_MANY);
      const hinted = new Set<string>();
      for (const rejection of listed) {
        output.note(`rejected ${provenanceLocation(rejection.provenance)}: ${rejection.message} [${rejection.code}]`);
        const hint = rejectionHintForCli(rejection.code) ?? rejection.hint;
        if (hint !== undefined && !hinted.has(hint)) {
          hinted.add(hint);
          output.note(`  hint: ${hint}`);
        }
      }
      if (summary.rejected > listed.length) {
        output.note(`… and ${counted(summary.rejected - listed.length, 'more rejection')} (all in ${flags.store}/rejected.jsonl)`);
      }
      if (summary.perFile.length > 0) {
        for (const file of summary.perFile.slice(0, LISTED_FILES)) output.note(describeFile(file, output));
        if (summary.perFile.length > LISTED_FILES)
          output.note(`  … and ${counted(summary.perFile.length - LISTED_FILES, 'more file')} (see --json)`);
      }
      output.note(describeCounts(summary, output));
      if (summary.updated > 0) {
        output.note(
          `updated: ${counted(summary.updated, 'stored record')} from other copies of them (a post read again with other words takes the words edited last, else read last; otherwise a record is the copy from the file first in name order, with any copy's question: a hashtag panel's, or a consultation's question.json)`,
        );
      }
      if (summary.filtered > 0) output.note(`filtered: ${byKey(summary.filteredByRule)}`);
      if (summary.rejected > 0) output.note(`rejected: ${byKey(summary.rejectedByCode)} (details in ${flags.store}/rejected.jsonl)`);
      if (flags.json === true) {
        io.stdout.write(
          `${JSON.stringify({
            files: summary.files,
            read: summary.read,
            added: summary.added,
            duplicates: summary.duplicates,
            filtered: summary.filtered,
            rejected: summary.rejected,
            updated: summary.updated,
            filtered_by_rule: summary.filteredByRule,
            rejected_by_code: summary.rejectedByCode,
            skipped: summary.skipped,
            not_feedback: summary.notFeedback,
            per_file: perFileJson(summary.perFile),
          })}\n`,
        );
      }
      if (summary.stoppedEarly) {
        output.note('stopped at the first rejection (--strict)');
        setExitCode(ExitCode.CouldNotRun);
        return;
      }
      setExitCode(summary.rejected > 0 ? ExitCode.Findings : ExitCode.Ok);
    });
}
