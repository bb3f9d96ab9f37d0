import type { CliIo, OutputStream } from './cli-io.js';
import type { TerminalMessages } from './terminal-messages.js';

/** What every command's registration needs besides the program. */
export interface CommandContext {
  /** The injected streams and environment. */
  io: CliIo;
  /** The message writer, created on first use (after colour and verbosity are known). */
  messages: () => TerminalMessages;
  /** Records the exit code the command ends with. */
  setExitCode: (code: number) => void;
  /** Whether output on this stream may be coloured (the one colour gate: terminal, NO_COLOR, --no-color). */
  colourFor: (stream: OutputStream) => boolean;
}
