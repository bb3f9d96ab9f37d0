import type { Command } from 'commander';
import { ADAPTERS } from '../../adapters/registry.js';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';

/** The list `tlap formats` prints: one block per format, in detection order. */
export function describeFormats(): string {
  return ADAPTERS.map(
    (adapter) =>
      `${adapter.name}\n  ${adapter.description}\n  channel: ${adapter.channel}; extensions: ${adapter.extensions.join(' ') || '(none)'}\n  recognised by: ${adapter.signature}\n`,
  ).join('\n');
}

/** Registers `tlap formats`. */
export function registerFormatsCommand(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('formats')
    .description('list the export formats tlap reads, with their extensions and signatures')
    .option('--json', 'print the list as JSON')
    .action((flags: { json?: boolean }) => {
      if (flags.json === true) {
        const list = ADAPTERS.map((adapter) => ({
          name: adapter.name,
          description: adapter.description,
          channel: adapter.channel,
          extensions: adapter.extensions,
          signature: adapter.signature,
        }));
        io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      } else {
        io.stdout.write(describeFormats());
      }
      setExitCode(ExitCode.Ok);
    });
}
