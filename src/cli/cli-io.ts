import type { TerminalMessages } from './terminal-messages.js';
import type { Readable, Writable } from 'node:stream';

/** A stream the CLI writes to, with the TTY flag Node sets on terminals. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/** Everything the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIo {
  /** Data: reports, JSON summaries, format lists. */
  stdout: OutputStream;
  /** Messages: summaries, warnings, errors, progress. */
  stderr: OutputStream;
  /** Input for `tlap ingest -`. */
  stdin?: Readable;
  /** The working directory relative paths start from. */
  cwd: string;
  /** Environment variables (NO_COLOR, FORCE_COLOR, TERM). */
  env: Readonly<Record<string, string | undefined>>;
}

/** What every command's registration needs besides the program. */
export interface CommandContext {
  /** The injected streams and environment. */
  io: CliIo;
  /** The message writer, created on first use (after colour and verbosity are known). */
  messages: () => TerminalMessages;
  /** Records the exit code the command ends with. */
  setExitCode: (code: number) => void;
}
