import type { Command } from 'commander';
import type { FormatAdapter } from '../../adapters/format-adapter.js';
import { ExitCode } from '../../exit-codes.js';
import type { CommandContext } from '../command-context.js';
import { COMMAND_DESCRIPTIONS } from '../command-descriptions.js';

/** The list `tlap formats` prints: one block per format, in detection order. */
export function describeFormats(adapters: readonly FormatAdapter[]): string {
  return adapters
    .map(
      (adapter) =>
        `${adapter.name}\n  ${adapter.description}\n  channel: ${adapter.channel}; extensions: ${adapter.extensions.join(' ') || '(none)'}\n  recognised by: ${adapter.signature}\n`,
    )
    .join('\n');
}

/** Registers `tlap formats`. */
export function registerFormatsCommand(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('formats')
    .description(COMMAND_DESCRIPTIONS.formats)
    .option('--json', 'print the list as JSON')
    .action(async (flags: { json?: boolean }) => {
      const { ADAPTERS } = await import('../../adapters/registry.js');
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
        io.stdout.write(describeFormats(ADAPTERS));
      }
      setExitCode(ExitCode.Ok);
    });
}
