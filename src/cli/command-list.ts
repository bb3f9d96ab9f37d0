import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';
import { COMMAND_DESCRIPTIONS } from './command-descriptions.js';

/** What registers one or more commands on the program (their options, help and action). */
export type RegisterCommands = (program: Command, context: CommandContext) => void;

/**
 * A command as the top-level help lists it, and the module that registers it in full: loaded only
 * when the command is run or its help is asked for, so that `tlap --help` loads no command module.
 */
export interface CommandListing {
  name: string;
  /** How the top-level help shows it: its name, `[options]` when it has any, and its arguments. */
  term: string;
  description: string;
  /** The module that registers it (commands that share one are registered together). */
  module: string;
  load: () => Promise<RegisterCommands>;
}

/** tlap's commands in the order the help lists them (`sources` and `forget` share a module). */
export const COMMAND_LIST: readonly CommandListing[] = [
  {
    name: 'ingest',
    term: 'ingest [options] <paths...>',
    description: COMMAND_DESCRIPTIONS.ingest,
    module: 'ingest-command',
    load: async () => (await import('./commands/ingest-command.js')).registerIngestCommand,
  },
  {
    name: 'themes',
    term: 'themes [options]',
    description: COMMAND_DESCRIPTIONS.themes,
    module: 'themes-command',
    load: async () => (await import('./commands/themes-command.js')).registerThemesCommand,
  },
  {
    name: 'diff',
    term: 'diff <old> <new>',
    description: COMMAND_DESCRIPTIONS.diff,
    module: 'diff-command',
    load: async () => (await import('./commands/diff-command.js')).registerDiffCommand,
  },
  {
    name: 'sources',
    term: 'sources [options]',
    description: COMMAND_DESCRIPTIONS.sources,
    module: 'sources-command',
    load: async () => (await import('./commands/sources-command.js')).registerSourcesCommands,
  },
  {
    name: 'forget',
    term: 'forget [options] <files...>',
    description: COMMAND_DESCRIPTIONS.forget,
    module: 'sources-command',
    load: async () => (await import('./commands/sources-command.js')).registerSourcesCommands,
  },
  {
    name: 'explain',
    term: 'explain [options] [ids...]',
    description: COMMAND_DESCRIPTIONS.explain,
    module: 'explain-command',
    load: async () => (await import('./commands/explain-command.js')).registerExplainCommand,
  },
  {
    name: 'test',
    term: 'test [options]',
    description: COMMAND_DESCRIPTIONS.test,
    module: 'test-command',
    load: async () => (await import('./commands/test-command.js')).registerTestCommand,
  },
  {
    name: 'audit',
    term: 'audit [options]',
    description: COMMAND_DESCRIPTIONS.audit,
    module: 'audit-command',
    load: async () => (await import('./commands/audit-command.js')).registerAuditCommand,
  },
  {
    name: 'sample',
    term: 'sample [options]',
    description: COMMAND_DESCRIPTIONS.sample,
    module: 'sample-command',
    load: async () => (await import('./commands/sample-command.js')).registerSampleCommand,
  },
  {
    name: 'agree',
    term: 'agree [options] <first> <second>',
    description: COMMAND_DESCRIPTIONS.agree,
    module: 'agree-command',
    load: async () => (await import('./commands/agree-command.js')).registerAgreeCommand,
  },
  {
    name: 'eval',
    term: 'eval [options]',
    description: COMMAND_DESCRIPTIONS.eval,
    module: 'eval-command',
    load: async () => (await import('./commands/eval-command.js')).registerEvalCommand,
  },
  {
    name: 'gaps',
    term: 'gaps [options]',
    description: COMMAND_DESCRIPTIONS.gaps,
    module: 'gaps-command',
    load: async () => (await import('./commands/gaps-command.js')).registerGapsCommand,
  },
  {
    name: 'formats',
    term: 'formats [options]',
    description: COMMAND_DESCRIPTIONS.formats,
    module: 'formats-command',
    load: async () => (await import('./commands/formats-command.js')).registerFormatsCommand,
  },
];

/**
 * The command that `argv` runs or asks help for: its first word that is not an option (tlap's own
 * options take no value), or the word after `help`; undefined when it names none of tlap's.
 */
export function commandNamed(argv: readonly string[]): CommandListing | undefined {
  const words = argv.filter((word) => !word.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMAND_LIST.find((listing) => listing.name === name);
}

/**
 * Adds tlap's commands to the program: the one `argv` names (with any that share its module) in
 * full, the others by name and description only, in {@link COMMAND_LIST}'s order either way.
 */
export async function addCommands(program: Command, context: CommandContext, argv: readonly string[]): Promise<void> {
  const named = commandNamed(argv);
  const register = named === undefined ? null : await named.load();
  const registered = new Set<string>();
  for (const listing of COMMAND_LIST) {
    if (registered.has(listing.name)) continue;
    if (register !== null && listing.module === named?.module) {
      const before = new Set(program.commands.map((command) => command.name()));
      register(program, context);
      for (const command of program.commands) if (!before.has(command.name())) registered.add(command.name());
      continue;
    }
    program.command(listing.name).description(listing.description);
  }
}
