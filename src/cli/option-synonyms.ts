import type { Command } from 'commander';

/**
 * Flags people bring from other tools, by the tlap flag that does what they meant. Commander
 * already suggests a flag spelt nearly the same (`--output` for `--out`); these are the ones no
 * spelling leads to.
 */
const MEANT_FLAG: Readonly<Record<string, string>> = {
  '--codebook': '--themes',
  '--code-book': '--themes',
  '--codes': '--themes',
  '--coding-frame': '--themes',
  '-c': '--themes',
  '-o': '--out',
  '--db': '--store',
  '--database': '--store',
  '--store-dir': '--store',
};

const UNKNOWN_OPTION = /^error: unknown option '([^']+)'\s*$/;

/**
 * The suggestion to add to Commander's "unknown option" error for `command` when the flag given
 * is one tlap spells differently and the command has the flag meant, as Commander words its own
 * suggestions; undefined otherwise.
 */
export function meantFlagSuggestion(command: Command, errorText: string): string | undefined {
  const given = UNKNOWN_OPTION.exec(errorText)?.[1];
  if (given === undefined) return undefined;
  const meant = MEANT_FLAG[given];
  if (meant === undefined) return undefined;
  const option = command.options.find((candidate) => candidate.long === meant);
  return option === undefined ? undefined : `(Did you mean ${option.flags}?)`;
}
