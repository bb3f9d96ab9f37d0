import { Chalk, type ChalkInstance } from 'chalk';
import { TlapError } from '../errors.js';
import type { CliIo, OutputStream } from './cli-io.js';
import { wordForCli } from './error-wording.js';

/**
 * Whether output on `stream` (stderr unless named) gets colour: only on a terminal, never with
 * NO_COLOR set (non-empty), TERM=dumb or --no-color; FORCE_COLOR (non-zero) turns it on. chalk
 * does not honour NO_COLOR itself.
 */
export function useColour(io: CliIo, colourFlag: boolean, stream: OutputStream = io.stderr): boolean {
  const { env } = io;
  if (!colourFlag) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '' && env['FORCE_COLOR'] !== '0') return true;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/**
 * Makes text from files and people safe to print on a terminal: control characters (C0 but tab,
 * DEL, C1) and bidirectional overrides are written as visible escapes (`\x1B`, `\n`, `\u202E`),
 * so a file name or message can never clear the screen, move the cursor, or forge a line.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_ON_TERMINAL, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    const code = character.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

const UNSAFE_ON_TERMINAL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Writes messages to stderr: errors, warnings, notes and a progress line that only a terminal sees. */
export class TerminalMessages {
  private readonly chalk: ChalkInstance;
  private progressShown = false;

  constructor(
    private readonly io: CliIo,
    options: { colour: boolean; verbose: boolean },
  ) {
    this.chalk = new Chalk({ level: options.colour ? 1 : 0 });
    this.verbose = options.verbose;
  }

  /** Whether stack traces and details are shown. */
  readonly verbose: boolean;

  private write(text: string): void {
    this.clearProgress();
    this.io.stderr.write(`${text}\n`);
  }

  /** A line of information. */
  note(text: string): void {
    this.write(this.escapeKeepingHighlights(text));
  }

  /** A warning: something lost nothing but deserves a look. */
  warn(text: string): void {
    this.write(`${this.chalk.yellow('warning')}: ${this.escapeKeepingHighlights(text)}`);
  }

  /** An error that ends the command: one line, its hint, and the stack only when verbose. */
  error(error: unknown): void {
    if (error instanceof TlapError) {
      const { message, hint } = wordForCli(error);
      const [first, ...rest] = message.split('\n');
      this.write(`${this.chalk.red('error')}: ${escapeForTerminal(first ?? '')}`);
      for (const line of rest) this.write(`${this.chalk.red('error')}: ${escapeForTerminal(line)}`);
      if (hint !== undefined) this.write(`${this.chalk.dim('hint')}: ${escapeForTerminal(hint)}`);
      if (this.verbose && error.stack !== undefined) this.write(error.stack);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.write(`${this.chalk.red('error')}: ${escapeForTerminal(message)}`);
    if (this.verbose && error instanceof Error && error.stack !== undefined) this.write(error.stack);
    else this.write(`${this.chalk.dim('hint')}: this is a bug in tlap; run again with --verbose and report the stack trace`);
  }

  /** Overwrites the progress line; shown only when stderr is a terminal. */
  progress(text: string): void {
    if (this.io.stderr.isTTY !== true) return;
    this.io.stderr.write(`\r\u001b[2K${this.chalk.dim(escapeForTerminal(text))}`);
    this.progressShown = true;
  }

  /** Removes the progress line, if one is shown. */
  clearProgress(): void {
    if (!this.progressShown) return;
    this.io.stderr.write('\r\u001b[2K');
    this.progressShown = false;
  }

  /** Escapes text for the terminal, except the colour codes {@link highlight} puts around a count. */
  private escapeKeepingHighlights(text: string): string {
    const [open, close] = this.chalk.yellow('\u0000').split('\u0000');
    if (open === undefined || close === undefined || open === '') return escapeForTerminal(text);
    return text
      .split(open)
      .map((piece) => piece.split(close).map(escapeForTerminal).join(close))
      .join(open);
  }

  /** Colours a count that signals trouble when it is not zero. */
  highlight(text: string, bad: boolean): string {
    return bad ? this.chalk.yellow(text) : text;
  }
}
