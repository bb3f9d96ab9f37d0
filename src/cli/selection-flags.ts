import type { Command } from 'commander';
import { SelectionError, UsageError } from '../errors.js';
import { CHANNELS, isChannel, type Channel } from '../record/record.js';
import type { RecordSelection } from '../run/record-selection.js';

/** The flags that select which of a store's records a command works on (`themes`, `sample`). */
export interface SelectionFlags {
  since?: string;
  until?: string;
  channel?: string[];
  source?: string;
  question?: string;
}

/**
 * Adds the selection flags to a command, each described as what `verb` does with the records
 * (`report on`, `draw from`).
 */
export function addSelectionOptions(command: Command, verb: string): Command {
  return command
    .option('--since <date>', `${verb} records dated on or after this day (YYYY-MM-DD, UTC); undated records are left out`)
    .option('--until <date>', `${verb} records dated on or before this day (YYYY-MM-DD, UTC); undated records are left out`)
    .option('--channel <name...>', `${verb} these channels only (${CHANNELS.join(', ')})`)
    .option('--source <glob>', `${verb} records read from export files matching this glob (as stored in the record)`)
    .option('--question <text>', `${verb} survey answers whose question contains this text (any case)`);
}

/** The selection the flags give. */
export function selectionOf(flags: SelectionFlags): RecordSelection {
  const channels = channelList(flags.channel);
  return {
    ...(flags.since === undefined ? {} : { since: flags.since }),
    ...(flags.until === undefined ? {} : { until: flags.until }),
    ...(channels === undefined ? {} : { channels }),
    ...(flags.source === undefined ? {} : { source: flags.source }),
    ...(flags.question === undefined ? {} : { question: flags.question }),
  };
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

/**
 * A selection error as the command's user meets it: a usage error with a hint in flags (the
 * library words its errors without them); `withoutFlags` says what the command does without them
 * (`tlap themes without them reports on the whole store`).
 */
export function withSelectionHint(error: unknown, withoutFlags: string): unknown {
  if (!(error instanceof SelectionError) || error.code === undefined) return error;
  const hints: Readonly<Record<string, string>> = {
    EMPTY_SELECTION: `widen --since/--until, --channel, --source or --question (${withoutFlags})`,
    BAD_SELECTION_DATE: 'write --since and --until as YYYY-MM-DD, --since not after --until',
    BAD_SELECTION_GLOB: 'close every { in --source, e.g. --source "exports/*.{csv,xlsx}"',
  };
  const hint = hints[error.code];
  return hint === undefined ? error : new UsageError(error.message, { code: error.code, hint, cause: error });
}
