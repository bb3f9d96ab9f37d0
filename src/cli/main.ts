import { Command, CommanderError, Help } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { TlapError } from '../errors.js';
import { TOOL_VERSION } from '../tool-version.js';
import type { CliIo, OutputStream } from './cli-io.js';
import type { TerminalMessages } from './terminal-messages.js';
import { addCommands, COMMAND_LIST } from './command-list.js';
import { meantFlagSuggestion } from './option-synonyms.js';

export type { CliIo } from './cli-io.js';

/** How the top-level help shows each command, whether or not its module was loaded. */
const LISTED_TERMS = new Map(COMMAND_LIST.map((listing) => [listing.name, listing.term]));

/**
 * Runs tlap with the given arguments (without `node` and the script) and returns the exit code
 * (see src/exit-codes.ts). Never calls process.exit, so tests run it in-process.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  stopQuietlyOnClosedPipe(io.stdout);
  stopQuietlyOnClosedPipe(io.stderr);
  let exitCode: number = ExitCode.Ok;
  const verbose = argv.includes('--verbose');
  const colourFlag = !argv.includes('--no-color');
  let terminal: typeof import('./terminal-messages.js') | null = null;
  const loadTerminal = async (): Promise<typeof import('./terminal-messages.js')> => {
    terminal ??= await import('./terminal-messages.js');
    return terminal;
  };
  const terminalLoaded = (): typeof import('./terminal-messages.js') => {
    if (terminal === null) throw new Error('terminal messages are used before a command runs');
    return terminal;
  };
  let messages: TerminalMessages | null = null;
  const getMessages = (): TerminalMessages => {
    const { TerminalMessages, useColour } = terminalLoaded();
    messages ??= new TerminalMessages(io, { colour: useColour(io, colourFlag), verbose });
    return messages;
  };
  const setExitCode = (code: number): void => {
    exitCode = code;
  };

  const program = new Command('tlap')
    .description('Turn public feedback exports into a themed summary you can publish.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--verbose', 'show stack traces and details with errors')
    .option('--no-color', 'no colour in messages (also: NO_COLOR=1)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .showSuggestionAfterError(true)
    .configureHelp({ subcommandTerm: (command) => LISTED_TERMS.get(command.name()) ?? new Help().subcommandTerm(command) })
    .hook('preAction', async () => {
      await loadTerminal();
    })
    .addHelpText(
      'after',
      `
Quick start:
  tlap ingest exports/            read every export into .tlap/records.jsonl
  tlap themes --out summary.md    theme them with themes.yaml and write the summary

Exit codes: 0 ok; 1 finished with rejected items or a stale --check; 2 could not run.`,
    );
  const context = {
    io,
    messages: getMessages,
    setExitCode,
    colourFor: (stream: OutputStream) => terminalLoaded().useColour(io, colourFlag, stream),
  };
  await addCommands(program, context, argv);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => {
        const suggestion = meantFlagSuggestion(command, text);
        write(suggestion === undefined ? text : `${text}${suggestion}\n`);
      },
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        (error.code === 'commander.help' && error.exitCode === 0)
      ) {
        return ExitCode.Ok;
      }
      return ExitCode.CouldNotRun;
    }
    if (isClosedPipe(error)) return exitCode;
    await loadTerminal();
    getMessages().error(error);
    return error instanceof TlapError ? error.exitCode : ExitCode.CouldNotRun;
  }
}

const watchedForClosedPipe = new WeakSet<OutputStream>();

/**
 * Keeps a reader that goes away from crashing tlap: a write to a closed pipe fails after `write`
 * has returned (`tlap --help | head -1`), as an `error` event nothing else listens to. Any other
 * error on the stream is thrown as before.
 */
function stopQuietlyOnClosedPipe(stream: OutputStream): void {
  if (watchedForClosedPipe.has(stream)) return;
  watchedForClosedPipe.add(stream);
  stream.on('error', (error: unknown) => {
    if (!isClosedPipe(error)) throw error;
  });
}

/**
 * The reader of standard output went away (`tlap themes | head`): what it read was complete as
 * far as it wanted, so tlap stops quietly, as command-line tools do.
 */
function isClosedPipe(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EPIPE';
}
